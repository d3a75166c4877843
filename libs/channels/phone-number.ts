/**
 * Vietnamese mobile numbers: stored once, in the international form providers want (84…, no plus), and
 * shown everywhere else masked. A number is personal data: nothing logs it in full.
 */

/** 0912 345 678, +84 912 345 678, 84-912.345.678 → 84912345678; null when it is not a Vietnamese mobile number. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s.\-()]/g, '');
  const national = /^\+?84(\d{9})$/.exec(digits)?.[1] ?? /^0(\d{9})$/.exec(digits)?.[1];
  if (!national) return null;
  // Mobile prefixes after the 2018 renumbering: 3x, 5x, 7x, 8x, 9x.
  return /^[35789]\d{8}$/.test(national) ? `84${national}` : null;
}

/** 84912345678 → "0912 *** 678": enough for its owner and the office to recognise, not enough to call. */
export function maskPhone(stored: string): string {
  const national = stored.startsWith('84') ? `0${stored.slice(2)}` : stored;
  return `${national.slice(0, 4)} *** ${national.slice(-3)}`;
}

/** nguyen.van.a@gmail.com → "ng***@gmail.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}
