import { availableParallelism } from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../../../libs/domain/domain-error.js';

/**
 * Argon2id (via @node-rs/argon2: prebuilt binaries, no install script), the slow hash for stored passwords.
 * At most one hash per core runs at once and a short queue waits; beyond that a login is answered 429 at
 * once, so a burst of logins (with or without real usernames) cannot take the API's CPU from everyone else.
 */
const RUNNING_AT_MOST = Math.max(1, availableParallelism());
const WAITING_AT_MOST = 32;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= RUNNING_AT_MOST) {
    if (waiting.length >= WAITING_AT_MOST) throw new DomainError('TOO_MANY_REQUESTS', { retryAfterSeconds: 2 });
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running += 1;
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

export function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password));
}

const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$0Qd6JgX4b2c3VfQH0mI8p0t7W2m4yZ7o2g5oQK1nYgU';

/** Verifies against a decoy when the user does not exist, so timing does not tell which usernames exist. */
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  return withHashSlot(async () => {
    try {
      const matches = await verify(stored ?? DECOY_HASH, password);
      return stored !== null && matches;
    } catch {
      return false;
    }
  });
}
