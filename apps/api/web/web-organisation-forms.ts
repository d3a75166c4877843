import { randomInt } from 'node:crypto';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { field, type FormBody } from './web-forms.js';
import type { FormErrors } from './web.service.js';

/**
 * A form of the organisation pages as it is shown: what is in its fields (as typed, or as stored), its own key,
 * and its sentences when it came back refused. Several such forms share a page (a cell's name, its secretary,
 * its dissolution), each with its own key.
 */
export interface PageForm<Typed extends Record<string, string | undefined>> {
  key: string;
  typed: Typed;
  errors?: FormErrors;
}

/** What the API's idempotency keys may be; a page's key is made by newSecret() and always fits. */
const KEY_PATTERN = /^[\w.:-]{1,200}$/;

/** The posted form's key, as the API would take it in an Idempotency-Key header (anything else is refused). */
export function requiredFormKey(body: FormBody): string {
  const key = field(body, '_key');
  if (!key || !KEY_PATTERN.test(key)) throw new DomainError('VALIDATION_FAILED');
  return key;
}

/** A number as typed ("24"), or absent when the field was left empty; anything else stays NaN for the DTO to refuse. */
export function typedNumber(value: string | undefined): number | undefined {
  return value?.trim() ? Number(value.trim()) : undefined;
}

export const cellFields = (body: FormBody) => ({ name: field(body, 'name'), memberCount: field(body, 'memberCount') });

export const deactivateCellFields = (body: FormBody) => ({ reason: field(body, 'reason'), mergedIntoCellId: field(body, 'mergedIntoCellId') });

/** A new account (a cell's secretary, a committee's staff): the person's name, the username and the initial password. */
export const accountFields = (body: FormBody) => ({ fullName: field(body, 'fullName'), username: field(body, 'username'), password: field(body, 'password') });

export const resetFields = (body: FormBody) => ({ userId: field(body, 'userId'), newPassword: field(body, 'newPassword') });

/** A person's email and a new phone, or that the phone is to be removed. */
export const contactFields = (body: FormBody) => ({ userId: field(body, 'userId'), email: field(body, 'email'), phone: field(body, 'phone'), clearPhone: field(body, 'clearPhone') });

export const committeeFields = (body: FormBody) => ({ name: field(body, 'name') });

export const reasonFields = (body: FormBody) => ({ reason: field(body, 'reason') });

export const passwordFields = (body: FormBody) => ({
  currentPassword: field(body, 'currentPassword'),
  newPassword: field(body, 'newPassword'),
  repeatPassword: field(body, 'repeatPassword'),
});

/** Letters and digits nobody misreads when a password is read out or copied from paper (no 0/o, 1/l/i). */
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * An initial password the page offers, in three groups of four ("k7mq-3xtp-9hwa"): random (about 59 bits), easy
 * to copy onto paper for the person, and within the API's password policy. The person changes it at first sign-in.
 */
export function initialPassword(): string {
  const group = () => Array.from({ length: 4 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}
