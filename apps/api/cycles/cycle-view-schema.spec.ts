import { describe, expect, it } from '@jest/globals';
import type { ActionItemEntity } from '../../../libs/persistence/entities/action-item.entity.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { CYCLE_VIEW_SCHEMA, toCycleView } from './cycle.mapper.js';

/**
 * The fields of a cycle's view under each CYCLE_VIEW_SCHEMA. A client keeps its copy of a view by its ETag,
 * which holds the schema: a view whose fields change under the same schema would be answered 304 to a client
 * holding the old shape. So a change of the fields fails here until the schema is raised and its fields added
 * below (a list once recorded is never edited). Stored records (rubric, plan, meeting, report, review, a
 * critique's points and scores) are the workflow's and count as one field each.
 */
const FIELDS_BY_SCHEMA: Record<number, string[]> = {
  1: [
    'actionItems[].doneAt', 'actionItems[].dropReason', 'actionItems[].droppedAt', 'actionItems[].dueDate', 'actionItems[].id', 'actionItems[].owner', 'actionItems[].title',
    'cancelReason',
    'carriedOverActionItems[].cycleId', 'carriedOverActionItems[].doneAt', 'carriedOverActionItems[].dropReason', 'carriedOverActionItems[].droppedAt',
    'carriedOverActionItems[].dueDate', 'carriedOverActionItems[].id', 'carriedOverActionItems[].owner', 'carriedOverActionItems[].title',
    'committeeId', 'createdAt',
    'critiques[].cellId', 'critiques[].guestId', 'critiques[].guestName', 'critiques[].id', 'critiques[].points', 'critiques[].rating', 'critiques[].scoreTotal',
    'critiques[].scores', 'critiques[].submittedAt',
    'critiquesHidden',
    'deadlines.critiqueClosesAt', 'deadlines.hostDueAt', 'deadlines.planDueAt', 'deadlines.recordDueAt', 'deadlines.reportDueAt', 'deadlines.reviewDueAt',
    'guests[].fullName', 'guests[].userId',
    'hostCellId', 'id',
    'invitations[].adoption', 'invitations[].attended', 'invitations[].cellId', 'invitations[].delegate', 'invitations[].note', 'invitations[].respondedAt', 'invitations[].status',
    'kind', 'location', 'meeting', 'meetingAt', 'plan', 'report', 'review', 'rubric', 'rubricId', 'status', 'statusLabel',
    'timeline[].actorId', 'timeline[].at', 'timeline[].cellId', 'timeline[].event', 'timeline[].label',
    'title', 'topic', 'updatedAt',
  ],
};

const STORED_RECORDS = new Set(['rubric', 'plan', 'meeting', 'report', 'review', 'points', 'scores']);

/** Each field's path ('invitations[].status'), down to plain values and stored records. */
function fieldsOf(value: unknown, path = ''): string[] {
  if (STORED_RECORDS.has(path.split(/[.[\]]+/).filter(Boolean).pop() ?? '')) return [path];
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => fieldsOf(item, `${path}[]`)))];
  if (value === null || typeof value !== 'object') return [path];
  return Object.entries(value).flatMap(([key, child]) => fieldsOf(child, path ? `${path}.${key}` : key));
}

const at = new Date('2026-12-05T01:00:00.000Z');
const item = (id: string, cycleId: string) =>
  ({ id, cycleId, cellId: 'cell-host', title: 'In mẫu biên bản mới', owner: 'Đồng chí Lò Văn Pằng', dueDate: '2026-12-20', doneAt: null, doneBy: null, droppedAt: null, droppedBy: null, dropReason: null }) as ActionItemEntity;

describe('a cycle view’s fields', () => {
  it('are those recorded for its schema', () => {
    const view = toCycleView(
      {
        cycle: {
          id: 'cycle-1', committeeId: 'committee-1', title: 'Sinh hoạt chi bộ điểm', topic: 'Phát triển đảng viên', kind: 'regular', status: 'CLOSED',
          hostCellId: 'cell-host', meetingAt: at, location: 'Nhà văn hóa', rubricId: 'rubric-1', rubric: {}, plan: {}, meeting: {}, report: {}, review: { rating: 'TOT' },
          cancelReason: null, hostDueAt: null, planDueAt: at, recordDueAt: at, critiqueClosesAt: at, reportDueAt: at, reviewDueAt: at, createdAt: at, updatedAt: at,
        } as unknown as CycleEntity,
        invitations: [{ cycleId: 'cycle-1', cellId: 'cell-a', status: 'ACCEPTED', delegate: 'Đồng chí Thào', note: null, respondedAt: at, attended: true, adoption: 'Vận dụng' }],
        guests: [{ userId: 'guest-1', fullName: 'Đồng chí Huyện ủy viên' }],
        critiques: [
          { id: 'critique-1', cycleId: 'cycle-1', cellId: null, guestId: 'guest-1', submittedBy: 'guest-1', submittedAt: at, points: [], scores: null, scoreTotal: null, rating: null },
        ],
        critiquesHidden: false,
        events: [{ cycleId: 'cycle-1', seq: 1, at, event: 'CYCLE_LAUNCHED', actorId: 'user-1', stepId: 'update-1', detail: { cellId: 'cell-a' } }],
        actionItems: [item('item-1', 'cycle-1')],
        carriedOver: [item('item-0', 'cycle-0')],
      },
      'vi',
    );
    expect(fieldsOf(view).sort()).toEqual([...(FIELDS_BY_SCHEMA[CYCLE_VIEW_SCHEMA] ?? [])].sort());
  });
});
