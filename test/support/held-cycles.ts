// Cycles of past years written as the record activity leaves them (no workflow can hold a meeting in the past), for
// the suites that count a committee's figures over time. Every figure a suite expects is counted by hand from the
// cycles it writes here.
import { randomUUID } from 'node:crypto';
import type { ApiStack } from './api-stack.js';
import type { ApiCell, ApiCommune } from './commune-api.fixture.js';

const DAY_MS = 86_400_000;

export interface HeldVisitor {
  cell: ApiCell;
  rsvp: 'ACCEPTED' | 'DECLINED';
  /** Its critique: sent this many minutes before the window closed (the workflow takes none after), or at a given moment; absent or null for none. */
  critique?: number | { at: string } | null;
  adopted?: boolean;
}

export interface HeldCycle {
  id: string;
  commune: ApiCommune;
  title: string;
  host: ApiCell;
  /** The meeting's moment, with its offset: "2025-03-31T23:30:00+07:00". */
  at: string;
  /** SCHEDULED: the meeting time is past but the host has recorded no meeting. */
  status: 'CLOSED' | 'REPORTING' | 'CANCELLED' | 'CRITIQUE' | 'SCHEDULED';
  rating?: 'TOT' | 'KHA' | 'TRUNG_BINH' | 'KEM';
  visitors: HeldVisitor[];
  /** When the critique window closes (default: 3 days after the meeting). */
  critiqueClosesAt?: number;
  /** When the report is due (default: 7 days after the critique window closes). */
  reportDueAt?: number;
  actionItems?: { title: string; dueDate: string; done?: boolean; dropped?: boolean }[];
}

/**
 * A cycle written as the record activity leaves it: the cycle with its meeting record (none while SCHEDULED),
 * review and deadlines, the invitations (attended or not), the critiques and the host's action items.
 */
export async function insertHeldCycle(stack: ApiStack, cycle: HeldCycle): Promise<void> {
  const meetingMs = Date.parse(cycle.at);
  const closesMs = cycle.critiqueClosesAt ?? meetingMs + 3 * DAY_MS;
  const held = cycle.status !== 'SCHEDULED';
  const meeting = {
    startedAt: new Date(meetingMs).toISOString(),
    endedAt: new Date(meetingMs + 100 * 60_000).toISOString(),
    durationMinutes: 100,
    attendance: { present: 20, total: 21, absentWithReason: 1, absentWithoutReason: 0 },
    attendingCellIds: cycle.visitors.filter((visitor) => visitor.rsvp === 'ACCEPTED').map((visitor) => visitor.cell.id),
    minutes: 'Biên bản buổi sinh hoạt',
    resolution: null,
    selfScores: null,
    selfScoreTotal: null,
    selfRating: null,
    qualityFlags: [],
    recordedAt: new Date(meetingMs + 110 * 60_000).toISOString(),
    recordedBy: cycle.host.secretary.userId,
  };
  const review = cycle.rating
    ? { decision: 'accept', rating: cycle.rating, comment: null, reviewedAt: new Date(closesMs + 5 * DAY_MS).toISOString(), reviewedBy: cycle.commune.staff.userId }
    : null;
  await stack.dataSource.query(
    `INSERT INTO cycles (id, committee_id, title, topic, kind, status, host_cell_id, meeting_at, location, rubric_id, rubric, critique_window, report_window,
                         plan_due_at, meeting, review, critique_closes_at, report_due_at, created_by, ruleset)
     SELECT $1, $2, $3, 'Nâng cao chất lượng sinh hoạt chi bộ', 'regular', $4, $5, $6, 'Nhà văn hóa thôn', r.id, to_jsonb(r), 'P3D', 'P7D',
            $6::timestamptz - interval '1 day', $7, $8, $9, $10, $11, 3
       FROM rubrics r WHERE r.committee_id IS NULL ORDER BY r.created_at LIMIT 1`,
    [
      cycle.id,
      cycle.commune.committeeId,
      cycle.title,
      cycle.status,
      cycle.host.id,
      new Date(meetingMs),
      held ? JSON.stringify(meeting) : null,
      review ? JSON.stringify(review) : null,
      held ? new Date(closesMs) : null,
      held ? new Date(cycle.reportDueAt ?? closesMs + 7 * DAY_MS) : null,
      cycle.commune.staff.userId,
    ],
  );
  for (const visitor of cycle.visitors) {
    const attended = held && visitor.rsvp === 'ACCEPTED';
    await stack.dataSource.query(
      `INSERT INTO cycle_invitations (cycle_id, cell_id, status, delegate, responded_at, attended, adoption) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [cycle.id, visitor.cell.id, visitor.rsvp, visitor.rsvp === 'ACCEPTED' ? 'Đồng chí Thào Seo Lềnh' : null, new Date(meetingMs - 2 * DAY_MS), attended, visitor.adopted ? 'Áp dụng cách ghi biên bản' : null],
    );
    if (visitor.critique === undefined || visitor.critique === null) continue;
    await stack.dataSource.query(`INSERT INTO critiques (id, cycle_id, cell_id, submitted_by, submitted_at, points) VALUES ($1, $2, $3, $4, $5, $6)`, [
      randomUUID(),
      cycle.id,
      visitor.cell.id,
      visitor.cell.secretary.userId,
      typeof visitor.critique === 'number' ? new Date(closesMs - visitor.critique * 60_000) : new Date(visitor.critique.at),
      JSON.stringify([{ id: randomUUID(), stage: 'content', kind: 'strength', text: 'Nội dung sát thực tế' }]),
    ]);
  }
  for (const item of cycle.actionItems ?? []) {
    await stack.dataSource.query(
      `INSERT INTO action_items (id, cycle_id, cell_id, title, owner, due_date, done_at, done_by, dropped_at, dropped_by, drop_reason)
       VALUES ($1, $2, $3, $4, 'Đồng chí Bí thư', $5, $6, $7, $8, $9, $10)`,
      [
        randomUUID(),
        cycle.id,
        cycle.host.id,
        item.title,
        item.dueDate,
        item.done ? new Date(meetingMs + 20 * DAY_MS) : null,
        item.done ? cycle.host.secretary.userId : null,
        item.dropped ? new Date(meetingMs + 20 * DAY_MS) : null,
        item.dropped ? cycle.commune.staff.userId : null,
        item.dropped ? 'Không còn phù hợp' : null,
      ],
    );
  }
}
