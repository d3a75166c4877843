// A fault must lose or double nothing the API accepted: these read back what a cycle wrote to PostgreSQL and say what is wrong with it.
import type { DataSource } from 'typeorm';
import { CYCLE_EVENTS, CYCLE_NOTIFICATIONS, TOLERATED_SYSTEM_EVENTS, type CycleScript, type CycleStep, REVISED_REPORT_DUE } from './cycle-script.js';

export async function lastSeq(db: DataSource, cycleId: string): Promise<number> {
  if (!cycleId) return 0;
  const [row] = await db.query<{ last: number | null }[]>(`SELECT max(seq) AS last FROM cycle_events WHERE cycle_id = $1`, [cycleId]);
  return row?.last ?? 0;
}

/** How many timeline rows of the step's event there are after `afterSeq` (the cycle found by its title before the launch answered). */
export async function timelineRows(db: DataSource, script: CycleScript, step: CycleStep, afterSeq: number): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM cycle_events e JOIN cycles c ON c.id = e.cycle_id WHERE c.title = $1 AND e.seq > $2 AND e.event = $3`,
    [script.title, afterSeq, step.event],
  );
  return row.count;
}

/** The user steps on the cycle's timeline so far (events with an actor), in seq order. */
export async function userEvents(db: DataSource, cycleId: string): Promise<string[]> {
  const rows = await db.query<{ event: string }[]>(`SELECT event FROM cycle_events WHERE cycle_id = $1 AND actor_id IS NOT NULL ORDER BY seq`, [cycleId]);
  return rows.map((row) => row.event);
}

export interface CycleRecordsReport {
  status: string;
  events: string[];
  problems: string[];
}

/**
 * Everything a cycle wrote, checked against its steps: the timeline seq is 1..n without a gap or a repeat
 * and matches cycles.last_seq; the user steps are there once each and in order, and any other event is a
 * tolerated system event, at most once; one critique per attending cell; one notification per recipient and
 * reason of each event (dedupe keys unique, each naming an event of the cycle), in the expected numbers;
 * the invitations and the action items as the last steps left them.
 */
export async function checkCycleRecords(db: DataSource, script: CycleScript, expectedStatus = 'CLOSED'): Promise<CycleRecordsReport> {
  const { cycleId, commune } = script;
  const problems: string[] = [];
  const [cycle] = await db.query<{ status: string; last_seq: number }[]>(`SELECT status, last_seq FROM cycles WHERE id = $1`, [cycleId]);
  if (!cycle) return { status: 'MISSING', events: [], problems: [`cycle ${cycleId} is not in the database`] };
  if (cycle.status !== expectedStatus) problems.push(`status ${cycle.status}, expected ${expectedStatus}`);

  const events = await db.query<{ seq: number; event: string; actor_id: string | null }[]>(
    `SELECT seq, event, actor_id FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`,
    [cycleId],
  );
  events.forEach((row, position) => {
    if (row.seq !== position + 1) problems.push(`timeline seq ${row.seq} at position ${position + 1} (gap or repeat)`);
  });
  if (cycle.last_seq !== events.length) problems.push(`cycles.last_seq ${cycle.last_seq}, timeline has ${events.length} rows`);
  const userEvents = events.filter((row) => row.actor_id !== null).map((row) => row.event);
  if (JSON.stringify(userEvents) !== JSON.stringify(CYCLE_EVENTS)) {
    problems.push(`user steps on the timeline ${JSON.stringify(userEvents)}, expected ${JSON.stringify(CYCLE_EVENTS)}`);
  }
  const systemEvents = events.filter((row) => row.actor_id === null).map((row) => row.event);
  for (const event of systemEvents) {
    if (!TOLERATED_SYSTEM_EVENTS[event]) problems.push(`unexpected event without an actor: ${event}`);
  }
  if (new Set(systemEvents).size !== systemEvents.length) problems.push(`an event without an actor came twice: ${JSON.stringify(systemEvents)}`);

  const critiques = await db.query<{ cell_id: string }[]>(`SELECT cell_id FROM critiques WHERE cycle_id = $1 ORDER BY cell_id`, [cycleId]);
  const attending = [commune.cells[1].id, commune.cells[2].id].sort();
  if (JSON.stringify(critiques.map((row) => row.cell_id)) !== JSON.stringify(attending)) {
    problems.push(`critiques from ${JSON.stringify(critiques.map((row) => row.cell_id))}, expected one from each of ${JSON.stringify(attending)}`);
  }

  const notifications = await db.query<{ reason: string; dedupe_key: string; user_id: string }[]>(
    `SELECT reason, dedupe_key, user_id FROM notifications WHERE cycle_id = $1`,
    [cycleId],
  );
  const keys = new Set(notifications.map((row) => row.dedupe_key));
  if (keys.size !== notifications.length) problems.push('two notifications share a dedupe key');
  const perRecipient = new Set(notifications.map((row) => `${row.dedupe_key.split(':')[1]}:${row.reason}:${row.user_id}`));
  if (perRecipient.size !== notifications.length) problems.push('a recipient got the same notification of an event twice');
  const seqs = new Set(events.map((row) => String(row.seq)));
  for (const row of notifications) {
    const [keyCycle, keySeq, keyReason, keyUser] = row.dedupe_key.split(':');
    if (keyCycle !== cycleId || !seqs.has(keySeq) || keyReason !== row.reason || keyUser !== row.user_id) {
      problems.push(`notification ${row.dedupe_key} does not name an event of the cycle`);
    }
  }
  const expectedCounts: Record<string, number> = { ...CYCLE_NOTIFICATIONS };
  for (const event of systemEvents) Object.assign(expectedCounts, TOLERATED_SYSTEM_EVENTS[event] ?? {});
  const counts: Record<string, number> = {};
  for (const row of notifications) counts[row.reason] = (counts[row.reason] ?? 0) + 1;
  const sorted = (record: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(record).sort()));
  if (sorted(counts) !== sorted(expectedCounts)) problems.push(`notifications ${sorted(counts)}, expected ${sorted(expectedCounts)}`);

  const invitations = await db.query<{ cell_id: string; status: string; attended: boolean }[]>(
    `SELECT cell_id, status, attended FROM cycle_invitations WHERE cycle_id = $1`,
    [cycleId],
  );
  const [, visitorA, visitorB, declining] = commune.cells;
  const expectedInvitations = [
    `${visitorA.id}:ACCEPTED:true`,
    `${visitorB.id}:ACCEPTED:true`,
    `${declining.id}:DECLINED:false`,
  ].sort();
  const actualInvitations = invitations.map((row) => `${row.cell_id}:${row.status}:${row.attended}`).sort();
  if (JSON.stringify(actualInvitations) !== JSON.stringify(expectedInvitations)) {
    problems.push(`invitations ${JSON.stringify(actualInvitations)}, expected ${JSON.stringify(expectedInvitations)}`);
  }
  const actionItems = await db.query<{ due_date: string }[]>(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM action_items WHERE cycle_id = $1`, [
    cycleId,
  ]);
  if (expectedStatus === 'CLOSED' && JSON.stringify(actionItems.map((row) => row.due_date)) !== JSON.stringify([REVISED_REPORT_DUE])) {
    problems.push(`action items ${JSON.stringify(actionItems)}, expected the revised report's one`);
  }
  return { status: cycle.status, events: events.map((row) => row.event), problems };
}

/** Where two JSON values differ (key order aside: PostgreSQL's jsonb keeps its own), or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/**
 * A cycle's records in the middle of a run (its next step may be in flight): the timeline seq is 1..n
 * without a gap or a repeat and matches cycles.last_seq; the user steps are the script's first `answered`
 * ones, or those and the next (in flight, not yet answered); no event without an actor is unexpected or
 * twice; no recipient has the same notification of an event twice, and every notification names an event of
 * the cycle.
 */
export async function checkCycleSoFar(db: DataSource, script: CycleScript, answered: number): Promise<string[]> {
  const { cycleId } = script;
  if (!cycleId) return [];
  const problems: string[] = [];
  const [cycle] = await db.query<{ last_seq: number }[]>(`SELECT last_seq FROM cycles WHERE id = $1`, [cycleId]);
  if (!cycle) return [`cycle ${cycleId} is not in the database`];
  // Read before the timeline: a step committing meanwhile writes its event with its notifications, so every
  // notification read here has its event in the timeline read next.
  const notifications = await db.query<{ reason: string; dedupe_key: string; user_id: string }[]>(
    `SELECT reason, dedupe_key, user_id FROM notifications WHERE cycle_id = $1`,
    [cycleId],
  );
  const events = await db.query<{ seq: number; event: string; actor_id: string | null }[]>(
    `SELECT seq, event, actor_id FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`,
    [cycleId],
  );
  events.forEach((row, position) => {
    if (row.seq !== position + 1) problems.push(`timeline seq ${row.seq} at position ${position + 1} (gap or repeat)`);
  });
  // last_seq is read before the events: a step committed in between adds rows, never removes one.
  if (cycle.last_seq > events.length) problems.push(`cycles.last_seq ${cycle.last_seq}, timeline has ${events.length} rows`);
  const userSteps = events.filter((row) => row.actor_id !== null).map((row) => row.event);
  const answeredSteps = JSON.stringify(CYCLE_EVENTS.slice(0, answered));
  const withNext = JSON.stringify(CYCLE_EVENTS.slice(0, answered + 1));
  if (JSON.stringify(userSteps) !== answeredSteps && JSON.stringify(userSteps) !== withNext) {
    problems.push(`user steps on the timeline ${JSON.stringify(userSteps)} after ${answered} answered steps`);
  }
  const systemEvents = events.filter((row) => row.actor_id === null).map((row) => row.event);
  for (const event of systemEvents) if (!TOLERATED_SYSTEM_EVENTS[event]) problems.push(`unexpected event without an actor: ${event}`);
  if (new Set(systemEvents).size !== systemEvents.length) problems.push(`an event without an actor came twice: ${JSON.stringify(systemEvents)}`);
  const perRecipient = new Set(notifications.map((row) => `${row.dedupe_key.split(':')[1]}:${row.reason}:${row.user_id}`));
  if (perRecipient.size !== notifications.length) problems.push('a recipient got the same notification of an event twice');
  const seqs = new Set(events.map((row) => String(row.seq)));
  for (const row of notifications) {
    if (!seqs.has(row.dedupe_key.split(':')[1])) problems.push(`notification ${row.dedupe_key} names no event of the cycle`);
  }
  const critiques = await db.query<{ cell_id: string }[]>(`SELECT cell_id FROM critiques WHERE cycle_id = $1`, [cycleId]);
  if (new Set(critiques.map((row) => row.cell_id)).size !== critiques.length) problems.push('a cell has two critiques');
  return problems;
}
