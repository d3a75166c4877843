import type { DataSource, EntityManager } from 'typeorm';
import { notificationText } from '../../libs/domain/notification-texts.js';
import type { CycleColumnChanges, StepRecord } from '../../workflows/model-meeting/model-meeting.types.js';

const COLUMN_OF: Record<keyof CycleColumnChanges, string> = {
  status: 'status',
  hostCellId: 'host_cell_id',
  meetingAt: 'meeting_at',
  planDueAt: 'plan_due_at',
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
  recordStep(record: StepRecord): Promise<void>;
  recordSteps(records: StepRecord[]): Promise<void>;
}

/** Writes steps of a cycle, several in one transaction when the workflow batches them. */
export function createCycleRecordActivities(dataSource: DataSource): CycleRecordActivities {
  return {
    async recordStep(record) {
      await dataSource.transaction((manager) => writeStep(manager, record));
    },
    async recordSteps(records) {
      await dataSource.transaction(async (manager) => {
        for (const record of records) await writeStep(manager, record);
      });
    },
  };
}

/**
 * One step. The timeline row (cycle_id, seq) is the marker: when it is already there the step was applied
 * by an earlier attempt and nothing is written again.
 */
async function writeStep(manager: EntityManager, record: StepRecord): Promise<void> {
  if (record.launch) await insertCycle(manager, record);
  const inserted: unknown[] = await manager.query(
    `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (cycle_id, seq) DO NOTHING RETURNING seq`,
    [record.cycleId, record.seq, record.at, record.event, record.actorId, record.detail ? JSON.stringify(record.detail) : null],
  );
  if (inserted.length === 0) return;
  await updateCycle(manager, record);
  await updateInvitations(manager, record);
  if (record.critique) {
    const critique = record.critique;
    await manager.query(
      `INSERT INTO critiques (id, cycle_id, cell_id, submitted_by, submitted_at, points, scores, score_total, rating)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        critique.id,
        record.cycleId,
        critique.cellId,
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
    await manager.query(`DELETE FROM action_items WHERE cycle_id = $1 AND done_at IS NULL`, [record.cycleId]);
    for (const item of record.actionItems.items) {
      await manager.query(
        `INSERT INTO action_items (id, cycle_id, cell_id, title, owner, due_date) VALUES ($1, $2, $3, $4, $5, $6)`,
        [item.id, record.cycleId, record.actionItems.cellId, item.title, item.owner, item.dueDate],
      );
    }
  }
  if (record.close) {
    await manager.query(`UPDATE cells SET last_hosted_at = $2, last_rating = $3 WHERE id = $1`, [
      record.close.hostCellId,
      record.close.hostedAt,
      record.close.rating,
    ]);
  }
  await notify(manager, record);
}

async function insertCycle(manager: EntityManager, record: StepRecord): Promise<void> {
  const launch = record.launch!;
  await manager.query(
    `INSERT INTO cycles (id, committee_id, title, topic, kind, status, host_cell_id, meeting_at, location, rubric_id, rubric,
       critique_window, report_window, plan_due_at, created_by, created_at, last_seq)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 0)
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

async function updateInvitations(manager: EntityManager, record: StepRecord): Promise<void> {
  const attended = (record.invitations ?? []).filter((change) => change.attended).map((change) => change.cellId);
  if (attended.length > 0) {
    await manager.query(`UPDATE cycle_invitations SET attended = true WHERE cycle_id = $1 AND cell_id = ANY($2::uuid[])`, [record.cycleId, attended]);
  }
  for (const change of record.invitations ?? []) {
    if (!change.attended) {
      await manager.query(
        `UPDATE cycle_invitations SET status = $3, delegate = $4, note = $5, responded_at = $6 WHERE cycle_id = $1 AND cell_id = $2`,
        [record.cycleId, change.cellId, change.status, change.delegate ?? null, change.note ?? null, change.respondedAt],
      );
    }
  }
}

/** One inbox row per recipient and reason; the dedupe key makes a retried step insert none twice. */
async function notify(manager: EntityManager, record: StepRecord): Promise<void> {
  if (!record.notify?.length) return;
  const [cycle] = await manager.query<{ title: string; committee_id: string }[]>(
    `SELECT title, committee_id FROM cycles WHERE id = $1`,
    [record.cycleId],
  );
  for (const intent of record.notify) {
    const text = notificationText(intent.reason, cycle.title, { rating: record.close?.rating });
    const recipients =
      'committee' in intent.to
        ? { where: `role = 'committee' AND committee_id = $6`, value: cycle.committee_id }
        : { where: `role = 'secretary' AND cell_id = ANY($6::uuid[])`, value: intent.to.cellIds };
    await manager.query(
      `INSERT INTO notifications (user_id, cycle_id, reason, dedupe_key, title, body)
       SELECT id, $1, $2, $3 || ':' || id::text, $4, $5 FROM users WHERE ${recipients.where}
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [record.cycleId, intent.reason, `${record.cycleId}:${record.seq}:${intent.reason}`, text.title, text.body, recipients.value],
    );
  }
}
