// Phase 9, a province's burst (issue 17): many cycles launched at once, then all of them stepped at once, as
// when every commune of a province holds its model meeting around the same day. A province of its own is
// seeded through the API: ⌈cycles / BURST_COMMUNE_CELLS⌉ communes of BURST_COMMUNE_CELLS cells, each cell
// hosting one cycle (a cell never hosts two open cycles) and invited to `invited` others of its commune. Then:
//   launches  every cycle launched by BURST_CLIENTS clients, each sending its next launch when the last is
//             answered: launches/s over the whole stretch;
//   steps     every cycle driven to CLOSED by scripts/lib/cycle-driver.mjs at the same time, each step through
//             one of BURST_CLIENTS clients (a waiting step takes the first free one, in the order they came,
//             so all cycles move on together): steps/s over the whole stretch, per 10 s, and step latency;
// every request carries an Idempotency-Key, as the pages' forms do, so a 503 ("not recorded, send it again")
// is sent again with it after RETRY_PAUSE_MS, up to RETRIES times; every answer that was not the expected
// 2xx is counted by status and code (a cycle refused a step stops there and is cancelled at the end). Also
// the CPU of each process and of the rest of the machine, and what the app's database and Temporal's storage
// (the cluster's two databases; the dev server's SQLite file) grew by, divided by the cycles that closed.
// Answers `burst`.
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { driveToClose, launchCycle } from '../../scripts/lib/cycle-driver.mjs';
import { cancelBody } from '../../scripts/lib/step-bodies.mjs';
import { ApiError, BENCH_LAUNCH, seedCommune } from '../lib/api.mjs';
import { median, round, summarise } from '../lib/stats.mjs';
import { BURST_CLIENTS, BURST_COMMUNE_CELLS, BURST_MEETING_LEAD_MS } from '../plan.mjs';

/** Steps of one cycle after its launch, with every invited cell accepting and critiquing: plan, RSVPs, meeting, critiques, report, review. */
const stepsAfterLaunch = (invited) => 2 * invited + 4;
const WINDOW_S = 10;
/** A 503 (Temporal did not answer within the API's deadline) is sent again, as its message asks, this many times at most. */
const RETRIES = 4;
const RETRY_PAUSE_MS = 2000;
/** Answers kept for a repeat of their key; purged after IDEMPOTENCY_TTL_HOURS, so not a closed cycle's lasting cost. */
const IDEMPOTENCY_TABLE = 'idempotency_records';

export async function measureBurst(bench) {
  const { plan, log, elapsed, api, figures } = bench;
  const { cycles: cycleCount, invited } = plan.burst;
  bench.ensureAlive();
  log(
    `\n── 9. A province's burst: ${cycleCount} cycles × ${invited} invited cells, launched by ${BURST_CLIENTS} clients, ` +
      `then all driven to CLOSED at once through ${BURST_CLIENTS} clients ──`,
  );
  const seedStarted = performance.now();
  const { communes, casts } = await seedProvince(bench, { cycleCount, invited });
  const seedSeconds = round((performance.now() - seedStarted) / 1000, 0);
  log(`  ${communes} communes of ${BURST_COMMUNE_CELLS} cells seeded through the API (${seedSeconds} s)`);

  const openBefore = await openCycles(bench);
  await settle();
  const before = await storage(bench);
  const answers = new AnswerCount();

  // ── every cycle launched ──
  const launchLatencies = [];
  const cycles = [];
  const failures = [];
  const launchHttp = repeating(answers.counting(api));
  const launchMeter = await bench.cpu.start();
  const launchStarted = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(BURST_CLIENTS, casts.length) }, async () => {
      while (next < casts.length) {
        const cast = casts[next];
        next += 1;
        bench.ensureAlive();
        try {
          // The clients of the launches: each sends its next launch once the last is answered.
          const cycle = await launchCycle(launchHttp, cast, {
            meetingAt: Date.now() + BURST_MEETING_LEAD_MS,
            launch: BENCH_LAUNCH,
            onStep: ({ ms }) => launchLatencies.push(ms),
          });
          cycles.push(cycle);
        } catch (error) {
          failures.push({ stage: 'launch', message: error.message });
        }
      }
    }),
  );
  const launchWallMs = performance.now() - launchStarted;
  const launchCpu = figures.cpuSummary(await launchMeter(), launchLatencies.length);
  figures.foreignLoad.push(launchCpu.other_processes_pct);
  const launches = {
    launched: cycles.length,
    clients: BURST_CLIENTS,
    wall_s: round(launchWallMs / 1000, 1),
    launches_per_s: round((cycles.length / launchWallMs) * 1000, 1),
    ...summarise(launchLatencies),
    cpu: launchCpu,
  };
  log(
    `  launches: ${launches.launched} in ${launches.wall_s} s, ${launches.launches_per_s}/s; p50 ${launches.p50_ms} ms p99 ${launches.p99_ms} ms; ` +
      `CPU ${launchCpu.cpu_ms_per_step_total} ms per launch; others ${launchCpu.other_processes_pct}% (${elapsed()})`,
  );

  // ── every cycle driven to CLOSED at once ──
  // Each repeat waits for a client again: the pause before it holds none.
  const clients = repeating(new Clients(answers.counting(api), BURST_CLIENTS));
  const stepSamples = [];
  const byKind = {};
  const doneAt = [];
  let meetingWaitMs = 0;
  let closed = 0;
  const stepMeter = await bench.cpu.start();
  const stepsStarted = performance.now();
  await Promise.all(
    cycles.map(async (cycle) => {
      cycle.http = clients;
      cycle.onStep = ({ kind, ms }) => {
        stepSamples.push(ms);
        (byKind[kind] ??= []).push(ms);
        doneAt.push(performance.now() - stepsStarted);
      };
      try {
        bench.ensureAlive();
        const driven = await driveToClose(cycle);
        meetingWaitMs += driven.waitMs;
        closed += 1;
      } catch (error) {
        failures.push({ stage: 'steps', message: error.message });
      }
    }),
  );
  const stepsWallMs = performance.now() - stepsStarted;
  const stepCpu = figures.cpuSummary(await stepMeter(), stepSamples.length);
  figures.foreignLoad.push(stepCpu.other_processes_pct);
  const perWindow = stepsPerWindow(doneAt, stepsWallMs);
  const steps = {
    cycles: cycles.length,
    closed,
    clients: BURST_CLIENTS,
    steps: stepSamples.length,
    steps_per_cycle: stepsAfterLaunch(invited),
    wall_s: round(stepsWallMs / 1000, 1),
    steps_per_s: round((stepSamples.length / stepsWallMs) * 1000, 1),
    steps_per_s_by_10_s: perWindow,
    steps_per_s_10_s_median: median(perWindow),
    steps_per_s_10_s_min: perWindow.length ? Math.min(...perWindow) : null,
    meeting_wait_s: round(meetingWaitMs / 1000, 1),
    ...summarise(stepSamples),
    by_kind: Object.fromEntries(Object.entries(byKind).map(([kind, samples]) => [kind, summarise(samples)])),
    cpu: stepCpu,
  };
  log(
    `  steps: ${steps.steps} in ${steps.wall_s} s, ${steps.steps_per_s}/s (per ${WINDOW_S} s: median ${steps.steps_per_s_10_s_median}, lowest ${steps.steps_per_s_10_s_min}); ` +
      `p50 ${steps.p50_ms} ms p99 ${steps.p99_ms} ms; ${closed} of ${cycles.length} closed; CPU ${stepCpu.cpu_ms_per_step_total} ms per step; ` +
      `others ${stepCpu.other_processes_pct}% (${elapsed()})`,
  );

  // ── what it left behind ──
  await settle();
  const after = await storage(bench);
  const left = await cancelLeftovers(bench, cycles);
  figures.snapshotMemory('burst');
  const refused = answers.summary();
  for (const failure of failures.slice(0, 3)) log(`    ${failure.stage} error: ${failure.message}`);
  const growth = storageGrowth(before, after, closed);
  log(
    `  storage per closed cycle: app database ${kib(growth.app.bytes_per_closed_cycle)}, Temporal ${kib(growth.temporal.bytes_per_closed_cycle)} ` +
      `(${growth.temporal.kind}); answers other than the expected 2xx: ${refused.not_2xx}${left ? `; ${left} cycles left open, cancelled` : ''}`,
  );
  return {
    cycles: cycleCount,
    invited,
    communes,
    commune_cells: BURST_COMMUNE_CELLS,
    clients: BURST_CLIENTS,
    seed_s: seedSeconds,
    open_cycles_before: openBefore,
    cycle: `${invited} invited cells, ${1 + stepsAfterLaunch(invited)} steps: launch, plan, ${invited} RSVPs, meeting, ${invited} critiques, report, review`,
    settings:
      `meetingAt ${BURST_MEETING_LEAD_MS / 1000} s after each launch is sent; critique and report windows ${BENCH_LAUNCH.critiqueWindow}; ` +
      `every request with an Idempotency-Key, a 503 sent again with it after ${RETRY_PAUSE_MS / 1000} s (${RETRIES} times at most); ` +
      'every request to the next API in turn; no secretary has an email or a phone, so no delivery workflow is started',
    launches,
    steps,
    answers: refused,
    failures: failures.length,
    failure_samples: [...new Set(failures.map((failure) => `${failure.stage}: ${failure.message}`))].slice(0, 3),
    cancelled_after: left,
    storage: growth,
  };
}

/**
 * The province: as many communes as the cycles need, seeded through the API one after another; the cycle
 * hosted by a commune's cell i invites the `invited` cells after it, going round the commune.
 */
async function seedProvince(bench, { cycleCount, invited }) {
  if (invited + 1 > BURST_COMMUNE_CELLS) throw new Error(`a burst cycle invites ${invited} cells: a commune of ${BURST_COMMUNE_CELLS} cells cannot hold it and its host`);
  const communes = Math.ceil(cycleCount / BURST_COMMUNE_CELLS);
  const casts = [];
  for (let index = 0; index < communes; index += 1) {
    bench.ensureAlive();
    const commune = await seedCommune(bench.api, { adminPassword: bench.commune.admin.password, cellCount: BURST_COMMUNE_CELLS });
    const hosted = Math.min(BURST_COMMUNE_CELLS, cycleCount - casts.length);
    for (let host = 0; host < hosted; host += 1) {
      casts.push({
        committeeId: commune.committeeId,
        staff: commune.staff,
        host: commune.cells[host],
        invited: Array.from({ length: invited }, (_, offset) => commune.cells[(host + 1 + offset) % BURST_COMMUNE_CELLS]),
      });
    }
  }
  return { communes, casts };
}

/**
 * `count` clients sharing the requests of many cycles: at most `count` in flight, and a request waiting for a
 * client gets the first one free, in the order the requests came. Each request's `ms` is its own time on the
 * wire (the wait for a client is not in it).
 */
class Clients {
  #free;
  #waiting = [];

  constructor(http, count) {
    this.http = http;
    this.#free = count;
  }

  async expect(status, method, path, request) {
    if (this.#free > 0) this.#free -= 1;
    else await new Promise((resolve) => this.#waiting.push(resolve));
    try {
      return await this.http.expect(status, method, path, request);
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    }
  }
}

/**
 * `http` with an Idempotency-Key on every request (one per step, kept for its repeats), and a 503 sent again
 * after RETRY_PAUSE_MS, RETRIES times at most; any other refusal is thrown at once.
 */
function repeating(http) {
  return {
    async expect(status, method, path, request) {
      const keyed = { ...request, idempotencyKey: request.idempotencyKey ?? randomUUID() };
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await http.expect(status, method, path, keyed);
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 503) || attempt >= RETRIES) throw error;
          await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
        }
      }
    },
  };
}

/** Every answer of the burst: how many, and those other than the expected 2xx by status and code (`network` when none came). */
class AnswerCount {
  total = 0;
  notExpected = {};

  /** A client that counts each answer of `api` here. */
  counting(api) {
    return {
      expect: async (status, method, path, request) => {
        this.total += 1;
        try {
          return await api.expect(status, method, path, request);
        } catch (error) {
          const key = error instanceof ApiError ? `${error.status}${error.body?.code ? ` ${error.body.code}` : ''}` : 'network';
          this.notExpected[key] = (this.notExpected[key] ?? 0) + 1;
          throw error;
        }
      },
    };
  }

  summary() {
    const notExpected = Object.values(this.notExpected).reduce((sum, count) => sum + count, 0);
    return { requests: this.total, not_2xx: notExpected, by_status: this.notExpected };
  }
}

/** Steps answered in each whole WINDOW_S of the stretch, per second (a last, partial window is left out). */
function stepsPerWindow(doneAt, wallMs) {
  const windows = Math.floor(wallMs / (WINDOW_S * 1000));
  const counts = Array.from({ length: windows }, () => 0);
  for (const at of doneAt) {
    const index = Math.floor(at / (WINDOW_S * 1000));
    if (index < windows) counts[index] += 1;
  }
  return counts.map((count) => round(count / WINDOW_S, 1));
}

async function openCycles(bench) {
  const { rows } = await bench.pgMonitor.query(`SELECT count(*)::int AS open FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
  return rows[0].open;
}

/** A moment for what follows a step off its path (Temporal's visibility and transfer tasks, the worker's last writes). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

/**
 * The bytes of the app's database (pg_database_size, and each table with its indexes and TOAST) and of
 * Temporal's storage: the cluster's two databases, or the dev server's SQLite file with its journal files.
 */
async function storage({ pgMonitor, servers }) {
  const app = await pgMonitor.query(`SELECT pg_database_size(current_database())::bigint AS bytes`);
  const tables = await pgMonitor.query(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::bigint AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname = 'public'`,
  );
  const databases = servers.temporal.details.databases;
  let temporal;
  if (databases) {
    const { rows } = await pgMonitor.query(`SELECT datname, pg_database_size(datname)::bigint AS bytes FROM pg_database WHERE datname = ANY($1)`, [Object.values(databases)]);
    const sizeOf = (name) => Number(rows.find((row) => row.datname === name)?.bytes ?? 0);
    temporal = { kind: 'PostgreSQL: pg_database_size of its two databases', parts: Object.fromEntries(Object.entries(databases).map(([role, name]) => [role, sizeOf(name)])) };
  } else {
    const file = servers.temporal.dbFile;
    const files = readdirSync(dirname(file)).filter((name) => name.startsWith(basename(file)));
    temporal = { kind: 'SQLite: the dev server’s file and its journal files', parts: Object.fromEntries(files.map((name) => [name, statSync(join(dirname(file), name)).size])) };
  }
  return {
    app: { bytes: Number(app.rows[0].bytes), tables: Object.fromEntries(tables.rows.map((row) => [row.name, Number(row.bytes)])) },
    temporal,
  };
}

/** What the burst added, in all and per closed cycle; the app's tables that grew most. */
function storageGrowth(before, after, closed) {
  const perCycle = (bytes) => (closed ? Math.round(bytes / closed) : null);
  const sum = (parts) => Object.values(parts).reduce((total, bytes) => total + bytes, 0);
  const tables = Object.entries(after.app.tables)
    .filter(([name]) => name !== IDEMPOTENCY_TABLE)
    .map(([name, bytes]) => ({ table: name, bytes_per_closed_cycle: perCycle(bytes - (before.app.tables[name] ?? 0)) }))
    .filter((table) => table.bytes_per_closed_cycle > 0)
    .sort((a, b) => b.bytes_per_closed_cycle - a.bytes_per_closed_cycle);
  const idempotencyGrowth = (after.app.tables[IDEMPOTENCY_TABLE] ?? 0) - (before.app.tables[IDEMPOTENCY_TABLE] ?? 0);
  const appGrowth = after.app.bytes - before.app.bytes - idempotencyGrowth;
  const temporalGrowth = sum(after.temporal.parts) - sum(before.temporal.parts);
  return {
    closed_cycles: closed,
    app: {
      how: `pg_database_size of the app’s database before the launches and after the last close (3 s later each), less ${IDEMPOTENCY_TABLE} (below)`,
      before_bytes: before.app.bytes,
      after_bytes: after.app.bytes,
      growth_bytes: appGrowth,
      bytes_per_closed_cycle: perCycle(appGrowth),
      // The tables (with their indexes and TOAST) that grew most; pg_database_size also holds the catalogs and free space.
      tables_bytes_per_closed_cycle: tables.slice(0, 8),
      all_tables_bytes_per_closed_cycle: perCycle(sum(after.app.tables) - sum(before.app.tables) - idempotencyGrowth),
      idempotency_bytes_per_closed_cycle: perCycle(idempotencyGrowth),
      idempotency_note: `${IDEMPOTENCY_TABLE}: the first answer to each Idempotency-Key, purged after IDEMPOTENCY_TTL_HOURS (24 h by default); left out of the figures above`,
    },
    temporal: {
      kind: after.temporal.kind,
      before: before.temporal.parts,
      after: after.temporal.parts,
      growth_bytes: temporalGrowth,
      bytes_per_closed_cycle: perCycle(temporalGrowth),
    },
  };
}

/** Cycles a refused step left open are cancelled, so no later phase counts them; answers how many. */
async function cancelLeftovers(bench, cycles) {
  const ids = cycles.map((cycle) => cycle.id);
  const { rows } = await bench.pgMonitor.query(`SELECT id FROM cycles WHERE id = ANY($1::uuid[]) AND status NOT IN ('CLOSED', 'CANCELLED')`, [ids]);
  for (const { id } of rows) {
    const cycle = cycles.find((candidate) => candidate.id === id);
    await bench.api.request('POST', `/api/cycles/${id}/cancel`, { token: cycle.staff.token, body: cancelBody('Dừng sau lỗi trong lúc đo đợt cao điểm') });
  }
  return rows.length;
}

const kib = (bytes) => (bytes === null ? '–' : `${round(bytes / 1024, 1)} KiB`);
