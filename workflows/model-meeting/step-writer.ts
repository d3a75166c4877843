/**
 * Writes a cycle's steps to PostgreSQL in seq order, through the record activity, and keeps the workflow's
 * state from running ahead of the database.
 *
 * A step is checked and applied to the state at once (so two racing steps never both pass on stale state),
 * then waits for its record to be written; the steps that arrive while one write is under way go together
 * in the next, bounded by count and by size. When a record can never be written (the activity answers that
 * PostgreSQL refused its data, rather than failing and being retried), that step is refused and undone:
 * the state goes back to what it was before it, and every step applied after it is checked and applied
 * again on that state, in the order they came, so the records before it stay written, the ones after it
 * are written with gap-free numbers, and the cycle goes on.
 *
 * No Temporal import: the workflow passes the activity and the error to refuse with.
 */
import type { CycleState } from './model-meeting.state.js';
import type { StepRecord } from './model-meeting.types.js';

/** What the record activity answers: how many of the records it was given are written, and why the next one never will be. */
export interface WriteOutcome {
  written: number;
  refused?: { seq: number; code: 'NOT_STORABLE' | 'HOST_BUSY'; detail?: string };
}

export interface Produced<Result> {
  record: StepRecord;
  result: Result;
}

interface Pending {
  /** Checks and applies the step on the current state (throws its refusal), or null once it has nothing left to write. */
  produce: () => Produced<unknown> | null;
  produced: Produced<unknown>;
  /** The state just before this step was applied, as JSON. */
  before: string;
  /** A step whose refusal leaves nothing to go on from (the launch). */
  fatal: boolean;
  resolve: (produced: Produced<unknown> | null) => void;
  reject: (error: unknown) => void;
}

export interface StepWriterOptions {
  state: CycleState;
  /**
   * Histories from before the batched-step-records patch wrote each record in its own activity, scheduled
   * on a promise chain one microtask after the step: replaying them needs exactly that order of commands.
   * Such cycles get no refusal handling (none was still running when it came).
   */
  chained?: boolean;
  write: (records: StepRecord[]) => Promise<WriteOutcome | undefined | void>;
  maxRecords: number;
  /** Bound on one write's records by their JSON length (Temporal refuses payloads over 2 MB). */
  maxChars: number;
  /** The error a step is refused with when its record cannot be written. */
  refusal: (refused: WriteOutcome['refused'], record: StepRecord) => Error;
}

export class StepWriter {
  private readonly queue: Pending[] = [];
  private writing = false;
  private chain: Promise<unknown> = Promise.resolve();
  private dead: Error | null = null;

  constructor(private readonly options: StepWriterOptions) {}

  /** Nothing is waiting to be written. */
  get idle(): boolean {
    return !this.writing && this.queue.length === 0;
  }

  /** Resolves when every chained write has settled (chained mode). */
  async settled(): Promise<void> {
    await this.chain;
  }

  /**
   * Applies a step (produce throws when the step is refused, and then nothing changes) and resolves once its
   * record is written; rejects if the record is refused by the database or a step it depended on was.
   */
  submit<Result>(produce: () => Produced<Result> | null, options: { fatal?: boolean } = {}): Promise<Produced<Result> | null> {
    if (this.dead) return Promise.reject(this.dead);
    const before = JSON.stringify(this.options.state);
    const produced = produce();
    if (produced === null) return Promise.resolve(null);
    if (this.options.chained) {
      const written = this.chain.then(() => this.options.write([produced.record]));
      this.chain = written;
      return written.then(() => produced);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({
        produce,
        produced,
        before,
        fatal: options.fatal === true,
        resolve: resolve as Pending['resolve'],
        reject,
      });
      if (!this.writing) void this.drain();
    });
  }

  private takeBatch(): Pending[] {
    let chars = 0;
    let count = 0;
    while (count < this.queue.length && count < this.options.maxRecords) {
      const size = JSON.stringify(this.queue[count].produced.record).length;
      if (count > 0 && chars + size > this.options.maxChars) break;
      chars += size;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      let outcome: WriteOutcome | undefined | void;
      try {
        outcome = await this.options.write(batch.map((pending) => pending.produced.record));
      } catch (error) {
        for (const pending of batch) pending.reject(error);
        continue;
      }
      // Histories from before the activity answered an outcome count as all written.
      const written = typeof outcome?.written === 'number' ? Math.min(outcome.written, batch.length) : batch.length;
      for (const pending of batch.slice(0, written)) pending.resolve(pending.produced);
      if (written < batch.length) this.undo(batch[written], outcome?.refused, [...batch.slice(written + 1), ...this.queue.splice(0)]);
    }
    this.writing = false;
  }

  /** Refuses `failed`, puts the state back as it was before it, and applies `later` again on that state. */
  private undo(failed: Pending, refused: WriteOutcome['refused'], later: Pending[]): void {
    const error = this.options.refusal(refused, failed.produced.record);
    this.restore(failed.before);
    failed.reject(error);
    if (failed.fatal) {
      this.dead = error;
      for (const pending of later) pending.reject(error);
      return;
    }
    for (const pending of later) {
      const before = JSON.stringify(this.options.state);
      let produced: Produced<unknown> | null;
      try {
        produced = pending.produce();
      } catch (refusal) {
        pending.reject(refusal);
        continue;
      }
      if (produced === null) pending.resolve(null);
      else this.queue.push({ ...pending, produced, before });
    }
  }

  private restore(snapshot: string): void {
    const state = this.options.state as unknown as Record<string, unknown>;
    for (const key of Object.keys(state)) delete state[key];
    Object.assign(state, JSON.parse(snapshot));
  }
}
