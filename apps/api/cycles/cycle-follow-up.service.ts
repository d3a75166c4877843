import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '../../../libs/wording/language.js';
import { CycleFollowUpRepository } from '../../../libs/persistence/repositories/cycle-follow-up.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CycleReadsService } from './cycle-reads.service.js';
import type { CycleView } from './cycle.mapper.js';

/** How many times a cell may record (and then revise) what it adopts from a cycle. */
const ADOPTION_EDITS = 5;

/**
 * What happens after a cycle has ended (nhân rộng): visiting cells record what they will adopt, and the
 * host's action items are ticked off or dropped with a reason. The workflow has finished by then, so these
 * are plain records, each with a timeline entry; who may do them is cycle-policy.ts's.
 */
@Injectable()
export class CycleFollowUpService {
  constructor(
    @Inject(CycleFollowUpRepository) private readonly records: CycleFollowUpRepository,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
  ) {}

  async recordAdoption(caller: AuthUser, cycleId: string, text: string, language: Language): Promise<CycleView> {
    const access = await this.reads.accessFor(caller, cycleId, 'recordAdoption');
    await this.records.recordAdoption(cycleId, caller.cellId as string, caller.id, text, ADOPTION_EDITS);
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  async completeActionItem(caller: AuthUser, cycleId: string, itemId: string, note: string | null, language: Language): Promise<CycleView> {
    const access = await this.reads.accessFor(caller, cycleId, 'settleActionItem');
    await this.records.settleActionItem(cycleId, itemId, caller.id, { done: true, note });
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  async dropActionItem(caller: AuthUser, cycleId: string, itemId: string, reason: string, language: Language): Promise<CycleView> {
    const access = await this.reads.accessFor(caller, cycleId, 'settleActionItem');
    await this.records.settleActionItem(cycleId, itemId, caller.id, { done: false, reason });
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }
}
