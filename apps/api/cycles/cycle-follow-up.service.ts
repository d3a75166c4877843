import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Language } from '../../../libs/domain/messages.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CycleReadsService, type CycleAccess } from './cycle-reads.service.js';
import type { CycleView } from './cycle.mapper.js';

/** How many times a cell may record (and then revise) what it adopts from a cycle. */
const ADOPTION_EDITS = 5;

/**
 * What happens after a cycle has ended (nhân rộng): visiting cells record what they will adopt, and the
 * host's action items are ticked off or dropped with a reason. The workflow has finished by then, so these
 * are plain records, each with a timeline entry.
 */
@Injectable()
export class CycleFollowUpService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
  ) {}

  async recordAdoption(caller: AuthUser, cycleId: string, text: string, language: Language): Promise<CycleView> {
    await this.reads.accessFor(caller, cycleId, 'recordAdoption');
    await this.dataSource.transaction(async (manager) => {
      const [standing] = await manager.query<{ adoption: string | null; edits: number }[]>(
        `SELECT i.adoption,
                (SELECT count(*)::int FROM cycle_events e WHERE e.cycle_id = $1 AND e.event = 'LESSONS_ADOPTED' AND e.detail->>'cellId' = $3) AS edits
           FROM cycle_invitations i WHERE i.cycle_id = $1 AND i.cell_id = $2 FOR UPDATE`,
        [cycleId, caller.cellId, caller.cellId],
      );
      // The same text again changes nothing; a cell may revise what it adopts a few times, not without end.
      if (standing?.adoption === text) return;
      if ((standing?.edits ?? 0) >= ADOPTION_EDITS) throw new DomainError('TOO_MANY_CHANGES', { limit: ADOPTION_EDITS });
      await manager.query(`UPDATE cycle_invitations SET adoption = $3 WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, caller.cellId, text]);
      await appendEvent(manager, cycleId, 'LESSONS_ADOPTED', caller.id, { cellId: caller.cellId });
    });
    return this.reads.view(caller, cycleId, language);
  }

  async completeActionItem(caller: AuthUser, cycleId: string, itemId: string, note: string | null, language: Language): Promise<CycleView> {
    await this.settleActionItem(caller, await this.reads.accessFor(caller, cycleId, 'settleActionItem'), itemId, 'ACTION_ITEM_DONE', `done_at = now(), done_by = $3`, [caller.id], {
      note,
    });
    return this.reads.view(caller, cycleId, language);
  }

  async dropActionItem(caller: AuthUser, cycleId: string, itemId: string, reason: string, language: Language): Promise<CycleView> {
    await this.settleActionItem(
      caller,
      await this.reads.accessFor(caller, cycleId, 'settleActionItem'),
      itemId,
      'ACTION_ITEM_DROPPED',
      `dropped_at = now(), dropped_by = $3, drop_reason = $4`,
      [caller.id, reason],
      { reason },
    );
    return this.reads.view(caller, cycleId, language);
  }

  /** The host's secretary or the committee (cycle-policy.ts) settles an open item once; settling it again changes nothing. */
  private async settleActionItem(
    caller: AuthUser,
    access: CycleAccess,
    itemId: string,
    event: string,
    assignments: string,
    values: unknown[],
    detail: Record<string, unknown>,
  ): Promise<void> {
    const cycleId = access.cycle.id;
    await this.dataSource.transaction(async (manager) => {
      // A SELECT over the UPDATE: TypeORM answers a bare UPDATE with [rows, count], which is never empty.
      const updated = await manager.query<unknown[]>(
        `WITH settled AS (
           UPDATE action_items SET ${assignments} WHERE id = $1 AND cycle_id = $2 AND done_at IS NULL AND dropped_at IS NULL RETURNING id
         ) SELECT id FROM settled`,
        [itemId, cycleId, ...values],
      );
      if (updated.length > 0) {
        await appendEvent(manager, cycleId, event, caller.id, { actionItemId: itemId, ...detail });
        return;
      }
      const [exists] = await manager.query<unknown[]>(`SELECT 1 FROM action_items WHERE id = $1 AND cycle_id = $2`, [itemId, cycleId]);
      if (!exists) throw new DomainError('NOT_FOUND');
    });
  }
}

/** Appends to an ended cycle's timeline; the cycle row lock keeps the numbering gap-free under concurrent calls. */
async function appendEvent(manager: EntityManager, cycleId: string, event: string, actorId: string, detail: Record<string, unknown>): Promise<void> {
  await manager.query(`SELECT id FROM cycles WHERE id = $1 FOR UPDATE`, [cycleId]);
  await manager.query(
    `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail)
     SELECT $1, coalesce(max(seq), 0) + 1, now(), $2, $3, $4 FROM cycle_events WHERE cycle_id = $1`,
    [cycleId, event, actorId, JSON.stringify(detail)],
  );
}
