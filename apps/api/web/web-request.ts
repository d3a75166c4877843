import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { languageOf, type Language } from '../../../libs/wording/language.js';

export const SESSION_COOKIE = 'session';
/** Before a session exists, the login form's token is checked against this cookie (double submit). */
export const LOGIN_COOKIE = 'login_csrf';
/** The language a person chose with the switch at the foot of every page; the browser's otherwise. */
export const LANGUAGE_COOKIE = 'lang';

/** One cookie of the request; express reads no cookies without a parser, and two names need none. */
export function cookieOf(request: Request, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** httpOnly (no script reads it), SameSite=Lax (no other site posts with it), Secure in production. */
export function setCookie(response: Response, config: AppConfig, name: string, value: string): void {
  response.cookie(name, value, { httpOnly: true, sameSite: 'lax', secure: config.environment === 'production', path: '/' });
}

export function clearCookie(response: Response, config: AppConfig, name: string): void {
  response.clearCookie(name, { httpOnly: true, sameSite: 'lax', secure: config.environment === 'production', path: '/' });
}

export function pageLanguage(request: Request): Language {
  const chosen = cookieOf(request, LANGUAGE_COOKIE);
  return chosen === 'vi' || chosen === 'en' ? chosen : languageOf(request.headers['accept-language']);
}

/** The language a page speaks: the one chosen with the switch, else the browser's, Vietnamese first. */
export const PageLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language => {
  return pageLanguage(context.switchToHttp().getRequest<Request>());
});

/** A field of a posted form, or undefined when it is absent or not one plain string. */
export function formField(request: Request, name: string): string | undefined {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A posted form as the browser sent it. A custom decorator, so the API's validation pipe leaves it as it came:
 * a form is checked by its step's DTO in WebService, with the sentences shown beside its fields.
 */
export const PostedForm = createParamDecorator((_: unknown, context: ExecutionContext): Record<string, unknown> => {
  return (context.switchToHttp().getRequest<Request>().body ?? {}) as Record<string, unknown>;
});

/** "?trang=2": a page of a list, from 1; anything else is the first. */
export function pageNumber(value: unknown): number {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 10_000 ? number : 1;
}

/** "?done=…": which change a page confirms after its form was sent; anything but a string is none. */
export const doneOf = (done: unknown) => (typeof done === 'string' ? done : undefined);
