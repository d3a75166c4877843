import { Context } from '@temporalio/activity';
import type { DataSource, EntityManager } from 'typeorm';
import { notificationText } from '../../libs/wording/notification-texts.js';
import { notificationContextOf } from '../../libs/persistence/queries/notification-context.query.js';
import { appendStepEvent, endedWithoutWorkflow, lockCycle } from '../../libs/persistence/repositories/cycle-timeline.js';
import type { CycleColumnChanges, StepRecord } from '../../workflows/model-meeting/model-meeting.types.js';
import type { WriteOutcome } from '../../workflows/model-meeting/step-writer.js';
import { refusalOf } from './write-failure.js';

const COLUMN_OF: Record<keyof CycleColumnChanges, string> = {
  status: 'status',
  hostCellId: 'host_cell_id',
  meetingAt: 'meeting_at',
  planDueAt: 'plan_due_at',
  hostDueAt: 'host_due_at',
  recordDueAt: 'record_due_at',
  reviewDueAt: 'review_due_at',
  plan: 'plan',
  meeting: 'meeting',
  critiqueClosesAt: 'critique_closes_at',
  reportDueAt: 'report_due_at',
  report: 'report',
  review: 'review',
  cancelReason: 'cancel_reason',
};
const JSON_COLUMNS = new Set(['plan', 'meeting', 'report', 'review']);

export interface CycleRecordActivities {
  /** Kept for histories from before the batched-step-records patch. */
  recordStep(record: StepRecord): Promise<WriteOutcome>;
  recordSteps(records: StepRecord[]): Promise<WriteOutcome>;
}

/**
 * Writes steps of a cycle, several in one transaction when the workflow batches them. A failure that a
 * retry can cure (PostgreSQL down, a deadlock) is thrown, and Temporal retries; a record PostgreSQL refuses
 * for what it holds is answered instead: the records before it are written, and the workflow refuses and
 * undoes that step (a retry would fail the same way for ever and hold the whole cycle).
 */
/**
 * `deliveryQueue`: the task queue whose worker carries the notifications written here to email, Zalo and SMS
 * (the dispatcher of apps/worker picks up only its own queue's); without it they stay in the inbox only.
 */
export function createCycleRecordActivities(dataSource: DataSource, deliveryQueue: string | null = null): CycleRecordActivities {
  const recordSteps = async (records: StepRecord[]): Promise<WriteOutcome> => {
    try {
      await dataSource.transaction(async (manager) => {
        for (const record of records) await writeStep(manager, record, deliveryQueue);
      });
      return { written: records.length };
    } catch (error) {
      if (!refusalOf(error)) throw error;
    }
    // One record at a time, to keep those before the one PostgreSQL refuses.
    for (const [index, record] of records.entries()) {
      try {
        await dataSource.transaction((manager) => writeStep(manager, record, deliveryQueue));
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        logError('A cycle step could not be stored; the workflow refuses it', {
          cycleId: record.cycleId,
          seq: record.seq,
          event: record.event,
          code: refusal.code,
          detail: refusal.detail,
        });
        if (record.stepId) await keepRefusal(dataSource, record.cycleId, record.stepId, refusal.code);
        return { written: index, refused: { seq: record.seq, ...refusal } };
      }
    }
    return { written: records.length };
  };
  return {
    recordStep: (record) => recordSteps([record]),
    recordSteps,
  };
}

/**
 * A step answered before its record (it carries its update id) and then refused: its sender is still waiting
 * for the row, and finds this instead (migration StepOutcomes1766000000000). A failure here is thrown, and the
 * retried activity comes back to the same refusal.
 */
async function keepRefusal(dataSource: DataSource, cycleId: string, stepId: string, code: string): Promise<void> {
  await dataSource.query(`INSERT INTO refused_steps (cycle_id, step_id, code) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [cycleId, stepId, code]);
}

/** The activity's logger (it names the workflow and attempt), or the console when called outside a worker. */
function logError(message: string, details: Record<string, unknown>): void {
  try {
    Context.current().log.error(message, details);
  } catch {
    console.error(message, details);
  }
}

/**
 * One step. The timeline row (cycle_id, seq) is the marker: when it is already there the step was applied
 * by an earlier attempt and nothing is written again.
 */
async function writeStep(manager: EntityManager, record: StepRecord, deliveryQueue: string | null): Promise<void> {
  if (record.launch) await insertCycle(manager, record);
  // A cycle cancelled without its workflow (terminated while this write was under way) takes nothing more.
  if (endedWithoutWorkflow(await lockCycle(manager, record.cycleId))) return;
  if (!(await appendStepEvent(manager, record))) return;
  await updateCycle(manager, record);
  await updateInvitations(manager, record);
  if (record.guestIds?.length) {
    await manager.query(
      `INSERT INTO cycle_guests (cycle_id, user_id) SELECT $1, user_id FROM unnest($2::uuid[]) AS user_id ON CONFLICT DO NOTHING`,
      [record.cycleId, record.guestIds],
    );
  }
  if (record.critique) {
    const critique = record.critique;
    await manager.query(
      `INSERT INTO critiques (id, cycle_id, cell_id, guest_id, submitted_by, submitted_at, points, scores, score_total, rating)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        critique.id,
        record.cycleId,
        critique.cellId,
        critique.guestId ?? null,
        critique.submittedBy,
        critique.submittedAt,
        JSON.stringify(critique.points),
        critique.scores ? JSON.stringify(critique.scores) : null,
        critique.scoreTotal,
        critique.rating,
      ],
    );
  }
  if (record.actionItems) {
    await manager.query(`DELETE FROM action_items WHERE cycle_id = $1 AND done_at IS NULL AND dropped_at IS NULL`, [record.cycleId]);
    for (const item of record.actionItems.items) {
      await manager.query(
        `INSERT INTO action_items (id, cycle_id, cell_id, title, owner, due_date) VALUES ($1, $2, $3, $4, $5, $6)`,
        [item.id, record.cycleId, record.actionItems.cellId, item.title, item.owner, item.dueDate],
      );
    }
  }
  if (record.close) {
    // A cycle that closes late never moves the cell's record back to an older meeting.
    await manager.query(
      `UPDATE cells SET last_hosted_at = $2, last_rating = $3 WHERE id = $1 AND (last_hosted_at IS NULL OR last_hosted_at <= $2)`,
      [record.close.hostCellId, record.close.hostedAt, record.close.rating],
    );
  }
  await notify(manager, record, deliveryQueue);
}

async function insertCycle(manager: EntityManager, record: StepRecord): Promise<void> {
  const launch = record.launch!;
  await manager.query(
    `INSERT INTO cycles (id, committee_id, title, topic, kind, status, host_cell_id, meeting_at, location, rubric_id, rubric,
       critique_window, report_window, plan_due_at, created_by, created_at, last_seq, ruleset, host_due_at, record_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0, $17, $18, $19)
     ON CONFLICT (id) DO NOTHING`,
    [
      launch.cycleId,
      launch.committeeId,
      launch.title,
      launch.topic,
      launch.kind,
      launch.status,
      launch.hostCellId,
      launch.meetingAt,
      launch.location,
      launch.rubric.id,
      JSON.stringify(launch.rubric),
      launch.critiqueWindow,
      launch.reportWindow,
      launch.planDueAt,
      launch.createdBy,
      record.at,
      launch.ruleset ?? 1,
      launch.hostDueAt ?? null,
      launch.recordDueAt ?? null,
    ],
  );
  if (launch.invitedCellIds.length > 0) {
    await manager.query(
      `INSERT INTO cycle_invitations (cycle_id, cell_id, status)
       SELECT $1, cell_id, 'PENDING' FROM unnest($2::uuid[]) AS cell_id
       ON CONFLICT DO NOTHING`,
      [launch.cycleId, launch.invitedCellIds],
    );
  }
  if (launch.guestIds?.length) {
    await manager.query(
      `INSERT INTO cycle_guests (cycle_id, user_id) SELECT $1, user_id FROM unnest($2::uuid[]) AS user_id ON CONFLICT DO NOTHING`,
      [launch.cycleId, launch.guestIds],
    );
  }
}

async function updateCycle(manager: EntityManager, record: StepRecord): Promise<void> {
  const assignments: string[] = [];
  const values: unknown[] = [record.cycleId, record.seq];
  for (const [key, value] of Object.entries(record.cycle ?? {})) {
    const column = COLUMN_OF[key as keyof CycleColumnChanges];
    values.push(JSON_COLUMNS.has(column) ? JSON.stringify(value) : value);
    assignments.push(`${column} = $${values.length}`);
  }
  await manager.query(
    `UPDATE cycles SET ${[...assignments, 'last_seq = $2', 'updated_at = now()'].join(', ')} WHERE id = $1 AND last_seq < $2`,
    values,
  );
}

const INVITATION_COLUMNS = { status: 'status', delegate: 'delegate', note: 'note', respondedAt: 'responded_at' } as const;

async function updateInvitations(manager: EntityManager, record: StepRecord): Promise<void> {
  if (record.uninvitedCellIds?.length) {
    await manager.query(`DELETE FROM cycle_invitations WHERE cycle_id = $1 AND cell_id = ANY($2::uuid[])`, [record.cycleId, record.uninvitedCellIds]);
  }
  const attended = (record.invitations ?? []).filter((change) => change.attended).map((change) => change.cellId);
  if (attended.length > 0) {
    await manager.query(`UPDATE cycle_invitations SET attended = true WHERE cycle_id = $1 AND cell_id = ANY($2::uuid[])`, [record.cycleId, attended]);
  }
  for (const change of record.invitations ?? []) {
    if (change.attended) continue;
    // Only what the step changes: a reconfirmation request keeps the delegate and the note.
    const values: unknown[] = [record.cycleId, change.cellId];
    const assignments = (Object.keys(INVITATION_COLUMNS) as (keyof typeof INVITATION_COLUMNS)[])
      .filter((key) => key in change)
      .map((key) => {
        values.push(change[key] ?? null);
        return `${INVITATION_COLUMNS[key]} = $${values.length}`;
      });
    if (assignments.length === 0) continue;
    await manager.query(`UPDATE cycle_invitations SET ${assignments.join(', ')} WHERE cycle_id = $1 AND cell_id = $2`, values);
  }
}

/** What the person taking the step wrote with it, for the notifications it sends: a new time's reason, a revision's request. */
function stepNoteOf(record: StepRecord): string | null {
  const note = record.detail?.reason ?? record.detail?.comment;
  return typeof note === 'string' && note.trim() !== '' ? note.trim() : null;
}

/** One inbox row per recipient and reason; the dedupe key makes a retried step insert none twice. */
async function notify(manager: EntityManager, record: StepRecord, deliveryQueue: string | null): Promise<void> {
  if (!record.notify?.length) return;
  const cycle = await notificationContextOf(manager, record.cycleId);
  if (!cycle) return;
  for (const intent of record.notify) {
    const cellNames = intent.namedCellIds?.length
      ? (
          await manager.query<{ name: string }[]>(`SELECT name FROM cells WHERE id = ANY($1::uuid[]) ORDER BY name`, [intent.namedCellIds])
        ).map((row) => row.name)
      : [];
    const text = notificationText(intent.reason, { ...cycle, rating: record.close?.rating, cellNames, stepNote: stepNoteOf(record) });
    const recipients =
      'committee' in intent.to
        ? { where: `role = 'committee' AND committee_id = $6`, value: cycle.committeeId }
        : 'userIds' in intent.to
          ? { where: `id = ANY($6::uuid[])`, value: intent.to.userIds }
          : { where: `role = 'secretary' AND cell_id = ANY($6::uuid[])`, value: intent.to.cellIds };
    await manager.query(
      `INSERT INTO notifications (user_id, cycle_id, reason, dedupe_key, title, body, delivery_queue)
       SELECT id, $1, $2, $3 || ':' || id::text, $4, $5, $7 FROM users WHERE ${recipients.where}
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [record.cycleId, intent.reason, `${record.cycleId}:${record.seq}:${intent.reason}`, text.title, text.body, recipients.value, deliveryQueue],
    );
  }
}
