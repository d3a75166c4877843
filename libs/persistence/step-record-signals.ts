import pg from 'pg';

/**
 * The channel a step's timeline row is announced on when it commits (trigger of StepIds1765900000000); the payload
 * is "<cycle id> <step id> <seq>" (StepOutcomes1766000000000; before it, the step id alone).
 */
export const STEP_WRITTEN_CHANNEL = 'cycle_step_written';

const RECONNECT_PAUSE_MS = 1000;

/**
 * One wait for one step's row: `next` resolves with the row's seq when it was announced since the last call, or
 * with null after `timeoutMs`.
 */
export interface StepRecordWatch {
  next(timeoutMs: number): Promise<number | null>;
  close(): void;
}

/**
 * Wakes whoever waits for a step's record the moment its row commits (LISTEN on a PostgreSQL connection of its
 * own), so the API does not have to look for the row over and over. A watch is taken before the step is sent, so
 * its announcement cannot come before the watch and the row is looked for only when none came in time. While the
 * connection is down (PostgreSQL restarting), waits end at their timeout and the caller looks again; the
 * connection comes back by itself.
 */
export class StepRecordSignals {
  private client: pg.Client | null = null;
  private readonly wakers = new Map<string, Set<(seq: number) => void>>();
  private closed = false;
  private reconnect: NodeJS.Timeout | null = null;
  /** Announcements received (for tests and the bench: whether waits are woken, or only time out). */
  announced = 0;

  constructor(
    private readonly url: string,
    private readonly applicationName: string,
  ) {}

  /** Whether announcements can arrive now. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; never throws (a failure is retried in the background). */
  async start(): Promise<void> {
    if (this.closed || this.client) return;
    // Bounded as the DataSource's connections are: an unreachable server must not hold the API's start-up.
    const client = new pg.Client({ connectionString: this.url, application_name: `${this.applicationName}-signals`, connectionTimeoutMillis: 5000 });
    const lost = () => {
      if (this.client === client) this.client = null;
      void discard(client);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (message) => {
      const announcement = message.channel === STEP_WRITTEN_CHANNEL ? parseAnnouncement(message.payload) : null;
      if (!announcement) return;
      this.announced += 1;
      for (const wake of this.wakers.get(announcement.key) ?? []) wake(announcement.seq);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${STEP_WRITTEN_CHANNEL}`);
      this.client = client;
    } catch {
      lost();
    }
  }

  watch(cycleId: string, stepId: string): StepRecordWatch {
    const key = keyOf(cycleId, stepId);
    let announcedSeq: number | null = null;
    let resolveWait: (() => void) | null = null;
    const wake = (seq: number) => {
      announcedSeq = seq;
      resolveWait?.();
    };
    const wakers = this.wakers.get(key) ?? new Set();
    wakers.add(wake);
    this.wakers.set(key, wakers);
    return {
      next: (timeoutMs) =>
        new Promise<number | null>((resolve) => {
          const timer = announcedSeq === null ? setTimeout(done, timeoutMs) : null;
          function done(): void {
            if (timer) clearTimeout(timer);
            resolveWait = null;
            const seq = announcedSeq;
            announcedSeq = null;
            resolve(seq);
          }
          if (timer) resolveWait = done;
          else done();
        }),
      close: () => {
        wakers.delete(wake);
        if (wakers.size === 0) this.wakers.delete(key);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnect) clearTimeout(this.reconnect);
    const client = this.client;
    this.client = null;
    if (client) await discard(client);
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnect) return;
    this.reconnect = setTimeout(() => {
      this.reconnect = null;
      void this.start();
    }, RECONNECT_PAUSE_MS);
  }
}

const keyOf = (cycleId: string, stepId: string) => `${cycleId} ${stepId}`;

/** "<cycle id> <step id> <seq>" as the trigger sends it, or null for anything else. */
function parseAnnouncement(payload: string | undefined): { key: string; seq: number } | null {
  const [cycleId, stepId, seqText, ...rest] = payload?.split(' ') ?? [];
  const seq = Number(seqText);
  if (!cycleId || !stepId || rest.length > 0 || !Number.isSafeInteger(seq)) return null;
  return { key: keyOf(cycleId, stepId), seq };
}

/** Ends a client that is no longer wanted; whatever it still reports is ignored. */
async function discard(client: pg.Client): Promise<void> {
  client.removeAllListeners();
  client.on('error', () => undefined);
  await client.end().catch(() => undefined);
}
