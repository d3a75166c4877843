import { availableParallelism } from 'node:os';
import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { hashPassword, passwordMatches } from './password.js';

/** Issue 10: a burst of logins must not take the API's CPU: one hash per core, a short queue, then 429 at once. */
describe('password hashing under a burst', () => {
  it('runs one hash per core, queues 32 more, and refuses the rest at once with TOO_MANY_REQUESTS (retry in 2 s)', async () => {
    const capacity = Math.max(1, availableParallelism()) + 32;
    const burst = 20;
    const outcomes = await Promise.allSettled(Array.from({ length: capacity + burst }, (_, index) => hashPassword(`mật khẩu thử số ${index}`)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(capacity);
    expect(refused).toHaveLength(burst);
    for (const outcome of refused) {
      const reason: unknown = outcome.reason;
      expect(reason).toBeInstanceOf(DomainError);
      expect(reason).toMatchObject({ code: 'TOO_MANY_REQUESTS', params: { retryAfterSeconds: 2 } });
    }
    // Every call that was let in did its work: the hashes verify.
    const hashed = await hashPassword('Sương sớm Tà Xùa 2026');
    expect(await passwordMatches(hashed, 'Sương sớm Tà Xùa 2026')).toBe(true);
    expect(await passwordMatches(hashed, 'Sương sớm Tà Xùa 2027')).toBe(false);
  });

  it('frees its slots afterwards: a later burst within the capacity is taken whole', async () => {
    const capacity = Math.max(1, availableParallelism()) + 32;
    const outcomes = await Promise.allSettled(Array.from({ length: capacity }, (_, index) => passwordMatches(null, `thử ${index}`)));
    expect(outcomes.every((outcome) => outcome.status === 'fulfilled' && outcome.value === false)).toBe(true);
  });
});
