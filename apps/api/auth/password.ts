import { hash, verify } from '@node-rs/argon2';

/** Argon2id (via @node-rs/argon2: prebuilt binaries, no install script), the slow hash for stored passwords. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$0Qd6JgX4b2c3VfQH0mI8p0t7W2m4yZ7o2g5oQK1nYgU';

/** Verifies against a decoy when the user does not exist, so timing does not tell which usernames exist. */
export async function passwordMatches(stored: string | null, password: string): Promise<boolean> {
  try {
    const matches = await verify(stored ?? DECOY_HASH, password);
    return stored !== null && matches;
  } catch {
    return false;
  }
}
