import { describe, expect, it } from '@jest/globals';
import { passwordProblem } from './password-policy.js';

/** Issue 10: a minimum length, a check against the most common passwords, and no way around either with padding. */
describe('passwordProblem', () => {
  it.each([
    ['Sương sớm Tà Xùa 2026', null],
    ['mây-trắng-bản-Tà-Xùa', null],
    ['kQ7#vN2!pL', null],
  ])('takes %j', (password, problem) => {
    expect(passwordProblem(password, 'bithu.naholtay')).toBe(problem);
  });

  it.each([
    ['eight spaces', ' '.repeat(8), 'BLANK'],
    ['ten spaces', ' '.repeat(10), 'BLANK'],
    ['ten zero-width spaces', '\u200b'.repeat(10), 'BLANK'],
    ['ideographic spaces and a Braille blank', '\u3000'.repeat(9) + '\u2800', 'BLANK'],
    ['nine characters', 'Tà Xùa 20', 'TOO_SHORT'],
    ['a common password', 'password123', 'COMMON'],
    ['a common one with a space after', 'password123 ', 'COMMON'],
    ['a common one with a space before', ' password123', 'COMMON'],
    ['a common one in capitals', 'PASSWORD123', 'COMMON'],
    ['digits only', '1234567890', 'COMMON'],
    ['a Vietnamese common one, digits in front', '2026matkhau', 'COMMON'],
    ['a Vietnamese common one with ideographic spaces', 'matkhau\u3000\u3000\u3000\u3000', 'COMMON'],
    ['a Vietnamese common one with symbols around', '!!matkhau@@2026', 'COMMON'],
    ['a common one with a zero-width space inside', 'pass\u200bword123', 'COMMON'],
    ['the username inside', 'bithu.naholtay-2026!', 'LIKE_USERNAME'],
  ])('refuses %s', (_, password, problem) => {
    expect(passwordProblem(password, 'bithu.naholtay')).toBe(problem);
  });
});
