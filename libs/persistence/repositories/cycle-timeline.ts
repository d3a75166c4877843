import type { EntityManager } from 'typeorm';
import type { CycleEventName, FollowUpEventName } from '../../domain/cycle-events.js';
import { FORCED_LAST_SEQ } from '../../domain/cycle-records.js';

/**
 * The one home of a cycle's timeline (cycle_events), and its append rule: every writer first locks the
 * cycle's row. While the workflow runs it is the timeline's only writer and numbers its steps itself (a
 * repeated write of the same number is a no-op); once it has ended, or was terminated by a forced cancel
 * (which moves last_seq past any number it could still write), rows are appended after the last one.
 */
/** Locks the cycle's row; answers its last_seq, or null when the cycle does not exist. */
export async function lockCycle(manager: EntityManager, cycleId: string): Promise<number | null> {
  const [cycle] = await manager.query<{ last_seq: number }[]>(`SELECT last_seq FROM cycles WHERE id = $1 FOR UPDATE`, [cycleId]);
  return cycle ? cycle.last_seq : null;
}

/** Whether writes of the cycle's workflow are over: it was cancelled without it. */
export function endedWithoutWorkflow(lastSeq: number | null): boolean {
  return lastSeq !== null && lastSeq >= FORCED_LAST_SEQ;
}

/**
 * A workflow step's row, under the number the workflow gave it (call after lockCycle). Answers false when the
 * row is already there: an earlier attempt of the same step wrote it, and nothing is written twice.
 */
export async function appendStepEvent(
  manager: EntityManager,
  row: { cycleId: string; seq: number; at: string; event: CycleEventName; actorId: string | null; stepId?: string; detail?: Record<string, unknown> },
): Promise<boolean> {
  const inserted: unknown[] = await manager.query(
    `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail, step_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (cycle_id, seq) DO NOTHING RETURNING seq`,
    [row.cycleId, row.seq, row.at, row.event, row.actorId, row.detail ? JSON.stringify(row.detail) : null, row.stepId ?? null],
  );
  return inserted.length > 0;
}

/** What became of the step with this update id: the number its record was written under, the code it was refused with, or null while neither is known. */
export type StepOutcome = { seq: number } | { refused: string } | null;

/** One query for both outcomes: a step's row is looked up where its refusal would be (refused_steps). */
export async function outcomeOfStep(manager: EntityManager, cycleId: string, stepId: string): Promise<StepOutcome> {
  const [row] = await manager.query<{ seq: number | null; refused: string | null }[]>(
    `SELECT seq, NULL AS refused FROM cycle_events WHERE cycle_id = $1 AND step_id = $2
     UNION ALL
     SELECT NULL, code FROM refused_steps WHERE cycle_id = $1 AND step_id = $2
     LIMIT 1`,
    [cycleId, stepId],
  );
  if (!row) return null;
  return row.seq !== null ? { seq: row.seq } : { refused: row.refused ?? 'NOT_STORABLE' };
}

/** A row written outside the workflow (after it, or instead of it), after the last; answers its number. */
export async function appendEventAfterWorkflow(
  manager: EntityManager,
  cycleId: string,
  event: FollowUpEventName,
  actorId: string,
  detail: Record<string, unknown>,
): Promise<number> {
  await lockCycle(manager, cycleId);
  const [{ seq }] = await manager.query<{ seq: number }[]>(
    `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail)
     SELECT $1, coalesce(max(seq), 0) + 1, now(), $2, $3, $4 FROM cycle_events WHERE cycle_id = $1
     RETURNING seq`,
    [cycleId, event, actorId, JSON.stringify(detail)],
  );
  return seq;
}

/** How many times a cell has recorded what it adopts from the cycle. */
export async function adoptionEdits(manager: EntityManager, cycleId: string, cellId: string): Promise<number> {
  const [{ edits }] = await manager.query<{ edits: number }[]>(
    `SELECT count(*)::int AS edits FROM cycle_events WHERE cycle_id = $1 AND event = 'LESSONS_ADOPTED' AND detail->>'cellId' = $2`,
    [cycleId, cellId],
  );
  return edits;
}
