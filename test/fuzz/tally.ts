// A passing fuzz run says little unless it shows what it explored, so every endpoint's cases, answers and time are counted for the summary.
import type { Answer } from './http.js';

export interface Tally {
  failed: boolean;
  cases: number;
  valid: number;
  validAccepted: number;
  valid409: number;
  oversize: number;
  accepted: number;
  requests: number;
  moves: number;
  statuses: Map<string, number>;
  ms: number;
  split: Record<string, number>;
}

const newTally = (): Tally => ({ failed: false, cases: 0, valid: 0, validAccepted: 0, valid409: 0, oversize: 0, accepted: 0, requests: 0, moves: 0, statuses: new Map(), ms: 0, split: {} });

/** Runs `work`, adding the time it took to `what` in the tally's split. */
export const spend = async <T>(tally: Tally, what: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  try {
    return await work();
  } finally {
    tally.split[what] = (tally.split[what] ?? 0) + Date.now() - started;
  }
};

export function count(tally: Tally, answer: Answer): void {
  tally.requests += 1;
  const key = answer.status === null ? 'none' : String(answer.status);
  tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
}

/** The tallies of a run, one per test, in the order the tests ran. */
export class Tallies {
  private readonly byName = new Map<string, Tally>();

  /** Runs one test with a tally of its own, timed, and marked failed if it throws. */
  async timed(name: string, run: (tally: Tally) => Promise<void>): Promise<Tally> {
    const tally = newTally();
    this.byName.set(name, tally);
    const started = Date.now();
    try {
      await run(tally);
    } catch (error) {
      tally.failed = true;
      throw error;
    } finally {
      tally.ms = Date.now() - started;
    }
    return tally;
  }

  get cases(): number {
    return [...this.byName.values()].reduce((sum, tally) => sum + tally.cases, 0);
  }

  get requests(): number {
    return [...this.byName.values()].reduce((sum, tally) => sum + tally.requests, 0);
  }

  /** One line per test: cases, valid ones accepted, acceptances, next-step checks, time (and where it went), statuses. */
  lines(): string[] {
    return [...this.byName.entries()].map(([name, tally]) => {
      const statuses = [...tally.statuses.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([status, n]) => `${status}×${n}`)
        .join(' ');
      const valid = `${String(tally.validAccepted).padStart(4)}/${String(tally.valid).padEnd(4)} valid accepted${tally.valid409 ? ` (409×${tally.valid409})` : ''}${tally.oversize ? ` (413×${tally.oversize} over 100 KB)` : ''}`;
      const split = Object.entries(tally.split)
        .filter(([, ms]) => ms >= 100)
        .map(([what, ms]) => `${what} ${(ms / 1000).toFixed(1)}`)
        .join(', ');
      return `${tally.failed ? '✗' : '✓'} ${name.padEnd(52)} ${String(tally.cases).padStart(4)} cases ${valid.padEnd(42)} ${String(tally.accepted).padStart(4)} accepted ${String(tally.moves).padStart(3)} next-step checks ${(tally.ms / 1000).toFixed(1).padStart(5)} s${split ? ` (${split})` : ''}  ${statuses}`;
    });
  }
}
