// To put a fault at an exact point of a step's write, the test holds that write on a lock of its own until it chooses to let go.
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { createDataSource } from '../../libs/persistence/data-source.js';
import type { CycleScript, CycleStep } from './cycle-script.js';
import { waitUntil } from './server-control.js';

export async function connectDatabase(url: string): Promise<DataSource> {
  // Up to two holds (each on a connection of its own) and the probes beside them.
  return createDataSource({ url, poolSize: 6, applicationName: 'fault-tests' }).initialize();
}

// The suites share their database with other suites: a probe counts only the backends that wait on a lock
// this suite's own session holds (pg_blocking_pids), never "any backend waiting in the database".

/** The backends of this database that wait on a lock held by the session `holderPid`. */
export async function backendsBlockedBy(db: DataSource, holderPid: number): Promise<number[]> {
  const rows = await db.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`, [
    holderPid,
  ]);
  return rows.map((row) => Number(row.pid));
}

/** Whether a backend of this database is still there. */
export async function backendAlive(db: DataSource, pid: number): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
  return rows.length > 0;
}

/**
 * Ends one backend, named by its pid: what PostgreSQL does to the session of a client that died, once it
 * notices (a backend waiting on a lock notices only when it next talks to its client).
 */
export async function terminateBackend(db: DataSource, pid: number): Promise<boolean> {
  const [row] = await db.query<{ done: boolean }[]>(`SELECT pg_terminate_backend($1) AS done`, [pid]);
  return row?.done === true;
}

/** A lock held by a session of the test's own (a connection of its own) until release(). */
export class LockHold {
  private released = false;

  private constructor(
    private readonly db: DataSource,
    private readonly runner: QueryRunner,
    readonly holderPid: number,
    private readonly letGo: (runner: QueryRunner) => Promise<void>,
  ) {}

  static async take(db: DataSource, take: (runner: QueryRunner) => Promise<void>, letGo: (runner: QueryRunner) => Promise<void>): Promise<LockHold> {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      await take(runner);
      return new LockHold(db, runner, Number(row.pid), letGo);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  /** The backends waiting on this hold now. */
  blocked(): Promise<number[]> {
    return backendsBlockedBy(this.db, this.holderPid);
  }

  /** Waits until one backend waits on this hold, and returns its pid. */
  async waitForBlocked(what: string, timeoutMs = 30000): Promise<number> {
    let pids: number[] = [];
    await waitUntil(
      what,
      async () => {
        pids = await this.blocked();
        return pids.length > 0;
      },
      timeoutMs,
      10,
    );
    if (pids.length !== 1) throw new Error(`${what}: ${pids.length} backends wait on the hold, expected one`);
    return pids[0];
  }

  /** Lets go (at most once); a session that died with its server (an outage) has nothing left to let go. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      await this.letGo(this.runner);
    } catch {
      // the connection died with its server: so did the lock
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }
}

/** Holds rows FOR UPDATE in a transaction of the test's own: a write to them waits until release(). */
export function holdRows(db: DataSource, what: string, select: string, params: unknown[]): Promise<LockHold> {
  return LockHold.take(
    db,
    async (runner) => {
      await runner.startTransaction();
      const rows = (await runner.query(`${select} FOR UPDATE`, params)) as unknown[];
      if (rows.length === 0) throw new Error(`${what}: no row to hold`);
    },
    (runner) => runner.rollbackTransaction(),
  );
}

/** Where a step's write is held: inside its transaction before its timeline row is written, or while it commits. */
export type WritePoint = 'before its timeline row' | 'at its commit';

/**
 * Holds a step's write (the recordSteps activity's transaction) at a point of the test's choice, for as long
 * as the test wants: triggers of the suite's own on cycle_events wait on an advisory lock that the test
 * holds, for the timeline row of one step of one cycle (found by its title, so the launch too) and no other
 * row. "before its timeline row": a BEFORE INSERT trigger, the transaction has written nothing of the step
 * yet (the launch's cycle row, uncommitted); "at its commit": a deferred constraint trigger, which runs
 * inside COMMIT, after every write of the transaction, before any of it is visible.
 * install() once per suite, uninstall() in afterAll: the shared database keeps nothing of it.
 */
export class WriteHolds {
  private constructor(
    private readonly db: DataSource,
    private readonly name: string,
  ) {}

  static async install(db: DataSource): Promise<WriteHolds> {
    const name = `fault_holds_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await db.query(`CREATE TABLE ${name} (lock_key bigint PRIMARY KEY, point text NOT NULL, title text NOT NULL, event text NOT NULL, after_seq int NOT NULL)`);
    await db.query(`
      CREATE FUNCTION ${name}_wait() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        held bigint;
      BEGIN
        SELECT h.lock_key INTO held FROM ${name} h JOIN cycles c ON c.title = h.title
         WHERE c.id = NEW.cycle_id AND h.point = TG_ARGV[0] AND h.event = NEW.event AND NEW.seq > h.after_seq
         LIMIT 1;
        IF held IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(held);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER ${name}_row BEFORE INSERT ON cycle_events FOR EACH ROW EXECUTE FUNCTION ${name}_wait('before its timeline row')`);
    await db.query(
      `CREATE CONSTRAINT TRIGGER ${name}_commit AFTER INSERT ON cycle_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}_wait('at its commit')`,
    );
    return new WriteHolds(db, name);
  }

  /** From now on, the write of `step`'s timeline row (after seq `seqBefore`) waits at `point` until the hold is released. */
  async hold(script: CycleScript, step: CycleStep, seqBefore: number, point: WritePoint): Promise<LockHold> {
    const key = 1 + Math.floor(Math.random() * 2_000_000_000);
    const hold = await LockHold.take(
      this.db,
      (runner) => runner.query(`SELECT pg_advisory_lock($1)`, [key]),
      async (runner) => {
        await this.db.query(`DELETE FROM ${this.name} WHERE lock_key = $1`, [key]);
        await runner.query(`SELECT pg_advisory_unlock($1)`, [key]);
      },
    );
    await this.db.query(`INSERT INTO ${this.name} (lock_key, point, title, event, after_seq) VALUES ($1, $2, $3, $4, $5)`, [
      key,
      point,
      script.title,
      step.event,
      seqBefore,
    ]);
    return hold;
  }

  async uninstall(): Promise<void> {
    await this.db.query(`DROP TRIGGER IF EXISTS ${this.name}_row ON cycle_events`);
    await this.db.query(`DROP TRIGGER IF EXISTS ${this.name}_commit ON cycle_events`);
    await this.db.query(`DROP FUNCTION IF EXISTS ${this.name}_wait()`);
    await this.db.query(`DROP TABLE IF EXISTS ${this.name}`);
  }
}
