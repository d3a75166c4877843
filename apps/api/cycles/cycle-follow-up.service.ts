import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Language } from '../../../libs/domain/messages.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CycleReadsService } from './cycle-reads.service.js';
import type { CycleView } from './cycle.mapper.js';

/**
 * What happens after a cycle has closed (nhân rộng): visiting cells record what they will adopt, and the
 * host's action items are ticked off. The workflow has finished by then, so these are plain records,
 * each with a timeline entry.
 */
@Injectable()
export class CycleFollowUpService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
  ) {}

  async recordAdoption(caller: AuthUser, cycleId: string, text: string, language: Language): Promise<CycleView> {
    const access = await this.reads.access(caller, cycleId);
    if (access.relation !== 'invited') throw new DomainError('NOT_INVITED');
    if (access.cycle.status !== 'CLOSED') throw new DomainError('WRONG_STAGE', { stage: access.cycle.status });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE cycle_invitations SET adoption = $3 WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, caller.cellId, text]);
      await appendEvent(manager, cycleId, 'LESSONS_ADOPTED', caller.id, { cellId: caller.cellId });
    });
    return this.reads.view(caller, cycleId, language);
  }

  async completeActionItem(caller: AuthUser, cycleId: string, itemId: string, language: Language): Promise<CycleView> {
    const access = await this.reads.access(caller, cycleId);
    if (access.relation !== 'committee' && access.relation !== 'host') throw new DomainError('NOT_HOST_SECRETARY');
    if (access.cycle.status !== 'CLOSED') throw new DomainError('WRONG_STAGE', { stage: access.cycle.status });
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.query<unknown[]>(
        `UPDATE action_items SET done_at = now() WHERE id = $1 AND cycle_id = $2 AND done_at IS NULL RETURNING id`,
        [itemId, cycleId],
      );
      if (updated.length > 0) {
        await appendEvent(manager, cycleId, 'ACTION_ITEM_DONE', caller.id, { actionItemId: itemId });
        return;
      }
      const [exists] = await manager.query<unknown[]>(`SELECT 1 FROM action_items WHERE id = $1 AND cycle_id = $2`, [itemId, cycleId]);
      if (!exists) throw new DomainError('NOT_FOUND');
    });
    return this.reads.view(caller, cycleId, language);
  }
}

/** Appends to a closed cycle's timeline; the cycle row lock keeps the numbering gap-free under concurrent calls. */
async function appendEvent(manager: EntityManager, cycleId: string, event: string, actorId: string, detail: Record<string, unknown>): Promise<void> {
  await manager.query(`SELECT id FROM cycles WHERE id = $1 FOR UPDATE`, [cycleId]);
  await manager.query(
    `INSERT INTO cycle_events (cycle_id, seq, at, event, actor_id, detail)
     SELECT $1, coalesce(max(seq), 0) + 1, now(), $2, $3, $4 FROM cycle_events WHERE cycle_id = $1`,
    [cycleId, event, actorId, JSON.stringify(detail)],
  );
}
