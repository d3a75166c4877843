import { dictionary } from '@zxcvbn-ts/language-common';

/** The shortest password accepted: long enough that a guessed list of short words does not find it. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Passwords people pick first, from zxcvbn-ts's list (49,000 of the most common leaked passwords, a kept
 * and measured list rather than one of our own), with the Vietnamese ones our users would try.
 */
const COMMON = new Set<string>([
  ...dictionary['passwords-common'],
  'matkhau',
  'matkhau123',
  'matkhau1234',
  'anhyeuem',
  'anhyeuem123',
  'emyeuanh',
  'vietnam',
  'vietnam123',
  'hanoi123',
  'saigon123',
  'chibo123',
  'dangvien',
  'dangvien123',
  'quantri',
  'quantri123',
]);

export type PasswordProblem = 'TOO_SHORT' | 'BLANK' | 'COMMON' | 'LIKE_USERNAME' | 'SAME_AS_BEFORE';

/** Characters drawn as nothing (zero-width, fillers, the Braille blank…). */
const DRAWN_AS_NOTHING = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** What people put around a common word to pass a rule: digits, punctuation, symbols, spaces. */
const PADDING = /^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu;

/** Why a password is not good enough for an account of the Party's data, or null. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const visible = password.replace(DRAWN_AS_NOTHING, '');
  if (visible.trim().length === 0) return 'BLANK';
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'TOO_SHORT';
  const folded = password.normalize('NFC').toLowerCase();
  const core = folded.replace(DRAWN_AS_NOTHING, '').replace(PADDING, '');
  if (COMMON.has(folded) || COMMON.has(core) || core.length === 0) return 'COMMON';
  if (folded.includes(username.toLowerCase())) return 'LIKE_USERNAME';
  return null;
}
