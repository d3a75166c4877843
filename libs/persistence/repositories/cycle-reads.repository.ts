import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In } from 'typeorm';
import type { CycleStage } from '../../domain/cycle.js';
import { OPEN_STAGES } from '../../domain/cycle.js';
import type { HostCandidate } from '../../domain/host-ranking.js';
import type { Role } from '../../domain/roles.js';
import { ActionItemEntity } from '../entities/action-item.entity.js';
import { CritiqueEntity } from '../entities/critique.entity.js';
import { CycleEventEntity } from '../entities/cycle-event.entity.js';
import { CycleGuestEntity } from '../entities/cycle-guest.entity.js';
import { CycleInvitationEntity } from '../entities/cycle-invitation.entity.js';
import { CycleEntity } from '../entities/cycle.entity.js';
import { hostCandidatesForCycle } from '../queries/host-candidates.query.js';
import { preparedQuery } from '../prepared-query.js';

/** Everything a cycle's page shows, read in one go. */
export interface CycleRecords {
  invitations: CycleInvitationEntity[];
  guests: { userId: string; fullName: string }[];
  critiques: CritiqueEntity[];
  events: CycleEventEntity[];
  actionItems: ActionItemEntity[];
  /** The host cell's open commitments from cycles launched before this one. */
  carriedOver: ActionItemEntity[];
}

/**
 * What a cycle's view depends on, read in one statement: who may see it (the cycle's parties, and whether the
 * viewer's cell or the viewer as a guest is invited) and `version`, which changes whenever anything the view
 * shows changes. That is the timeline's last number (every step of the workflow, and every write after it or
 * instead of it, appends a timeline row in the same transaction), the committee (a merge moves the cycle
 * without a step), the guests' names (the office may rename a person) and the host cell's open action items
 * from earlier cycles (settled or replaced in those cycles, not this one).
 */
export interface CycleViewStamp {
  committeeId: string;
  hostCellId: string | null;
  status: CycleStage;
  cellInvited: boolean;
  guestInvited: boolean;
  version: string;
}

/**
 * What a step needs to know of its cycle before it is sent, read in one statement: the parties (who may take
 * it), what the step's envelope names (the committee it was launched for) and what its records are found by
 * (id, host, creation), without the row's JSON columns, which the answer reads again after the step anyway.
 */
export interface CycleStepFacts extends Pick<CycleEntity, 'id' | 'committeeId' | 'launchedCommitteeId' | 'hostCellId' | 'status' | 'createdAt'> {
  cellInvited: boolean;
  guestInvited: boolean;
}

/** An entity as json_build_object gives it back: its times as ISO strings. */
type Jsonified<Entity> = { [Key in keyof Entity]: Entity[Key] extends Date ? string : Entity[Key] extends Date | null ? string | null : Entity[Key] };

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

const actionItemOf = (item: Jsonified<ActionItemEntity>): ActionItemEntity => ({ ...item, doneAt: dateOrNull(item.doneAt), droppedAt: dateOrNull(item.droppedAt) });

const ACTION_ITEM_JSON = `json_build_object('id', a.id, 'cycleId', a.cycle_id, 'cellId', a.cell_id, 'title', a.title, 'owner', a.owner,
  'dueDate', a.due_date, 'doneAt', a.done_at, 'doneBy', a.done_by, 'droppedAt', a.dropped_at, 'droppedBy', a.dropped_by, 'dropReason', a.drop_reason)`;

/**
 * $1 the cycle, $2 its host cell (null before one is picked), $3 its creation: the host's open action items
 * from cycles launched before this one are carried over to it.
 */
const CYCLE_RECORDS_SQL = `SELECT
  (SELECT coalesce(json_agg(json_build_object('cycleId', i.cycle_id, 'cellId', i.cell_id, 'status', i.status, 'delegate', i.delegate,
            'note', i.note, 'respondedAt', i.responded_at, 'attended', i.attended, 'adoption', i.adoption) ORDER BY i.cell_id), '[]'::json)
     FROM cycle_invitations i WHERE i.cycle_id = $1) AS invitations,
  (SELECT coalesce(json_agg(json_build_object('userId', g.user_id, 'fullName', coalesce(u.full_name, '')) ORDER BY g.user_id), '[]'::json)
     FROM cycle_guests g LEFT JOIN users u ON u.id = g.user_id WHERE g.cycle_id = $1) AS guests,
  (SELECT coalesce(json_agg(json_build_object('id', c.id, 'cycleId', c.cycle_id, 'cellId', c.cell_id, 'guestId', c.guest_id,
            'submittedBy', c.submitted_by, 'submittedAt', c.submitted_at, 'points', c.points, 'scores', c.scores,
            'scoreTotal', c.score_total, 'rating', c.rating) ORDER BY c.submitted_at, c.id), '[]'::json)
     FROM critiques c WHERE c.cycle_id = $1) AS critiques,
  (SELECT coalesce(json_agg(json_build_object('cycleId', e.cycle_id, 'seq', e.seq, 'at', e.at, 'event', e.event, 'actorId', e.actor_id,
            'stepId', e.step_id, 'detail', e.detail) ORDER BY e.seq), '[]'::json)
     FROM cycle_events e WHERE e.cycle_id = $1) AS events,
  (SELECT coalesce(json_agg(${ACTION_ITEM_JSON} ORDER BY a.due_date, a.id), '[]'::json)
     FROM action_items a WHERE a.cycle_id = $1) AS action_items,
  (SELECT coalesce(json_agg(${ACTION_ITEM_JSON} ORDER BY a.due_date, a.id), '[]'::json)
     FROM action_items a JOIN cycles origin ON origin.id = a.cycle_id
    WHERE a.cell_id = $2::uuid AND a.done_at IS NULL AND a.dropped_at IS NULL AND origin.created_at < $3::timestamptz) AS carried_over`;

/** Who is listing cycles, and which of them: the scope follows cycle-policy.ts's relations. */
export interface CycleListFilter {
  viewer: { id: string; role: Role; committeeId: string | null; cellId: string | null };
  committeeId?: string;
  status?: CycleStage;
  /** Keyset position (created_at, id) of the last row already seen. */
  after?: [string, string];
  limit: number;
}

/** Reads of cycles and what hangs off them; the workflow's activity is their only writer while a cycle runs. */
@Injectable()
export class CycleReadsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  find(cycleId: string): Promise<CycleEntity | null> {
    return this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
  }

  async status(cycleId: string): Promise<CycleStage | null> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOne({ select: { status: true }, where: { id: cycleId } });
    return cycle?.status ?? null;
  }

  /**
   * The cycle's CycleViewStamp for a viewer (a cell, or a guest by user id), or null when there is no such cycle.
   * Each part is an index lookup: the cycle's row, its invitation and guest rows by primary key, its last
   * timeline row (primary key, read backwards), the host cell's open action items (action_items_open_cell_idx).
   */
  async viewStamp(cycleId: string, viewer: { id: string; cellId: string | null }): Promise<CycleViewStamp | null> {
    const [row] = await preparedQuery<{ committee_id: string; host_cell_id: string | null; status: CycleStage; cell_invited: boolean; guest_invited: boolean; version: string }>(
      this.dataSource,
      'cycle-view-stamp',
      `SELECT c.committee_id, c.host_cell_id, c.status,
              EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = c.id AND i.cell_id = $2::uuid) AS cell_invited,
              EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = c.id AND g.user_id = $3::uuid) AS guest_invited,
              concat_ws('/',
                (SELECT e.seq FROM cycle_events e WHERE e.cycle_id = c.id ORDER BY e.seq DESC LIMIT 1),
                c.committee_id,
                coalesce((SELECT md5(string_agg(g.user_id::text || ':' || u.full_name, ',' ORDER BY g.user_id))
                            FROM cycle_guests g JOIN users u ON u.id = g.user_id WHERE g.cycle_id = c.id), ''),
                coalesce((SELECT md5(string_agg(concat_ws(':', a.id, a.cycle_id, a.title, a.owner, a.due_date), ',' ORDER BY a.id))
                            FROM action_items a JOIN cycles origin ON origin.id = a.cycle_id
                           WHERE a.cell_id = c.host_cell_id AND a.done_at IS NULL AND a.dropped_at IS NULL
                             AND origin.created_at < c.created_at), '')
              ) AS version
         FROM cycles c WHERE c.id = $1`,
      [cycleId, viewer.cellId, viewer.id],
    );
    if (!row) return null;
    return {
      committeeId: row.committee_id,
      hostCellId: row.host_cell_id,
      status: row.status,
      cellInvited: row.cell_invited,
      guestInvited: row.guest_invited,
      version: row.version,
    };
  }

  /** `cellId` and `guestId`: the invitation to look for (the caller's cell, or the caller as a guest), if any. */
  async stepFacts(cycleId: string, cellId: string | null, guestId: string | null): Promise<CycleStepFacts | null> {
    const [row] = await preparedQuery<{
      committee_id: string;
      launched_committee_id: string | null;
      host_cell_id: string | null;
      status: CycleStage;
      created_at: Date;
      cell_invited: boolean;
      guest_invited: boolean;
    }>(
      this.dataSource,
      'cycle-step-facts',
      `SELECT c.committee_id, c.launched_committee_id, c.host_cell_id, c.status, c.created_at,
              EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = c.id AND i.cell_id = $2::uuid) AS cell_invited,
              EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = c.id AND g.user_id = $3::uuid) AS guest_invited
         FROM cycles c WHERE c.id = $1`,
      [cycleId, cellId, guestId],
    );
    if (!row) return null;
    return {
      id: cycleId,
      committeeId: row.committee_id,
      launchedCommitteeId: row.launched_committee_id,
      hostCellId: row.host_cell_id,
      status: row.status,
      createdAt: row.created_at,
      cellInvited: row.cell_invited,
      guestInvited: row.guest_invited,
    };
  }

  isCellInvited(cycleId: string, cellId: string): Promise<boolean> {
    return this.dataSource.getRepository(CycleInvitationEntity).existsBy({ cycleId, cellId });
  }

  isGuestInvited(cycleId: string, userId: string): Promise<boolean> {
    return this.dataSource.getRepository(CycleGuestEntity).existsBy({ cycleId, userId });
  }

  /** Whether the cell hosts an open cycle other than this one. */
  async hostsAnOpenCycle(cellId: string, exceptCycleId?: string): Promise<boolean> {
    const open = await this.dataSource.getRepository(CycleEntity).find({ select: { id: true }, where: { hostCellId: cellId, status: In([...OPEN_STAGES]) } });
    return open.some((cycle) => cycle.id !== exceptCycleId);
  }

  critique(critiqueId: string): Promise<CritiqueEntity> {
    return this.dataSource.getRepository(CritiqueEntity).findOneByOrFail({ id: critiqueId });
  }

  /** The text of one critique point of a cycle, or null when the cycle has no such point. */
  async pointText(cycleId: string, pointId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ text: string }[]>(
      `SELECT point->>'text' AS text FROM critiques, jsonb_array_elements(points) AS point WHERE cycle_id = $1 AND point->>'id' = $2 LIMIT 1`,
      [cycleId, pointId],
    );
    return row?.text ?? null;
  }

  /**
   * Everything the cycle's page shows besides its own row, in one prepared statement (one snapshot, one round
   * trip; each part an index scan): the rows come back as JSON with the entities' property names, and only
   * their times need turning back into Dates. Orders as the page lists them.
   */
  async records(cycle: Pick<CycleEntity, 'id' | 'hostCellId' | 'createdAt'>): Promise<CycleRecords> {
    const [row] = await preparedQuery<{
      invitations: Jsonified<CycleInvitationEntity>[];
      guests: { userId: string; fullName: string }[];
      critiques: Jsonified<CritiqueEntity>[];
      events: Jsonified<CycleEventEntity>[];
      action_items: Jsonified<ActionItemEntity>[];
      carried_over: Jsonified<ActionItemEntity>[];
    }>(this.dataSource, 'cycle-records', CYCLE_RECORDS_SQL, [cycle.id, cycle.hostCellId, cycle.createdAt]);
    return {
      invitations: row.invitations.map((invitation) => ({ ...invitation, respondedAt: dateOrNull(invitation.respondedAt) })),
      guests: row.guests,
      critiques: row.critiques.map((critique) => ({ ...critique, submittedAt: new Date(critique.submittedAt) })),
      events: row.events.map((event) => ({ ...event, at: new Date(event.at) })),
      actionItems: row.action_items.map(actionItemOf),
      carriedOver: row.carried_over.map(actionItemOf),
    };
  }

  /** Newest first on (created_at, id), one more row than the limit (so the caller knows whether more follow). */
  list(filter: CycleListFilter): Promise<CycleEntity[]> {
    const { viewer } = filter;
    const builder = this.dataSource.getRepository(CycleEntity).createQueryBuilder('cycle');
    if (viewer.role === 'guest') {
      builder.andWhere('EXISTS (SELECT 1 FROM cycle_guests g WHERE g.cycle_id = cycle.id AND g.user_id = :guestId)', { guestId: viewer.id });
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
    } else if (viewer.role !== 'admin') {
      builder.andWhere('cycle.committeeId = :own', { own: viewer.committeeId });
    }
    if (filter.committeeId) builder.andWhere('cycle.committeeId = :committeeId', { committeeId: filter.committeeId });
    if (filter.status) builder.andWhere('cycle.status = :status', { status: filter.status });
    if (viewer.role === 'secretary') {
      builder.andWhere(`cycle.status <> 'HOST_SELECTION'`);
      builder.andWhere(
        new Brackets((where) => {
          where
            .where('cycle.hostCellId = :cellId', { cellId: viewer.cellId })
            .orWhere('EXISTS (SELECT 1 FROM cycle_invitations i WHERE i.cycle_id = cycle.id AND i.cell_id = :cellId)', {
              cellId: viewer.cellId,
            });
        }),
      );
    }
    if (filter.after) {
      const [createdAt, id] = filter.after;
      builder.andWhere('(cycle.createdAt, cycle.id) < (:createdAt, :id)', { createdAt, id });
    }
    return builder
      .orderBy('cycle.createdAt', 'DESC')
      .addOrderBy('cycle.id', 'DESC')
      .take(filter.limit + 1)
      .getMany();
  }

  hostCandidates(cycleId: string): Promise<HostCandidate[]> {
    return hostCandidatesForCycle(this.dataSource, cycleId);
  }
}
