import { Inject, Injectable } from '@nestjs/common';
import { refusal } from '../../../libs/domain/cycle-policy.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import { CycleFollowUpService } from '../cycles/cycle-follow-up.service.js';
import type { CycleView } from '../cycles/cycle.mapper.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { CompleteActionItemDto } from '../cycles/dto/complete-action-item.dto.js';
import { DropActionItemDto } from '../cycles/dto/drop-action-item.dto.js';
import { RecordAdoptionDto } from '../cycles/dto/record-adoption.dto.js';
import { actionItemsPage, type SettleForm, type Settlement } from './pages/action-items.page.js';
import { adoptionPage } from './pages/adoption.page.js';
import { adoptionFields, settleFields, type FormBody } from './web-forms.js';
import { WebFormOnceService } from './web-form-once.service.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, type FormErrors, type PageAnswer } from './web.service.js';

/**
 * The pages after a cycle has ended (web.md): a visiting cell's adoption of the lessons, and the host's action
 * items ticked off or dropped. They go through the JSON API's CycleFollowUpService and its access rules. These
 * records are outside the workflow and settle once by themselves: the same adoption again, or an item already
 * settled, changes nothing, so a form sent again after a dropped connection acts once.
 */
@Injectable()
export class WebFollowUpService {
  constructor(
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CycleFollowUpService) private readonly followUp: CycleFollowUpService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(WebFormOnceService) private readonly once: WebFormOnceService,
  ) {}

  /** Only for a visiting cell of a closed cycle (anyone else is told why not, as the API would). */
  async adoptionPage(visitor: WebVisitor, cycleId: string, language: Language, typed: { text?: string } = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const access = await this.reads.accessFor(visitor.user, cycleId, 'recordAdoption');
    const cycle = await this.reads.viewOf(visitor.user, access, language);
    const adopted = cycle.invitations.find((invitation) => invitation.cellId === visitor.user.cellId)?.adoption ?? null;
    return adoptionPage(language, personOf(visitor), cycle, await this.hostName(cycle), adopted, { ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  async adopt(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = adoptionFields(body);
    // Once per form key, as the API's Idempotency-Key: an older form re-sent after a newer answer does not undo it.
    const { errors, key } = await this.once.send(visitor, body, language, {
      name: `POST /dot/${cycleId}/ap-dung`,
      dto: RecordAdoptionDto,
      answer: { text: typed.text ?? '' },
      act: async (dto) => {
        await this.followUp.recordAdoption(visitor.user, cycleId, dto.text, language);
        return `/dot/${cycleId}`;
      },
    });
    return answered(errors, `/dot/${cycleId}`, (found) => this.adoptionPage(visitor, cycleId, language, typed, key, found));
  }

  /** Everyone who sees the cycle sees its action items; those the policy lets settle them get the forms. */
  async actionItemsPage(visitor: WebVisitor, cycleId: string, language: Language, settledItemId?: string, sentBack?: SettleForm): Promise<string> {
    const access = await this.reads.accessFor(visitor.user, cycleId, 'view');
    const cycle = await this.reads.viewOf(visitor.user, access, language);
    const maySettle = refusal('settleActionItem', access.relation, access.cycle.status) === null;
    const form = { csrfToken: visitor.csrfToken, maySettle, newKey: newSecret, sentBack, settledItemId };
    return actionItemsPage(language, personOf(visitor), cycle, await this.hostName(cycle), Date.now(), form);
  }

  /** An item ticked off (how it was done, if said) or dropped (a reason is required), as the API's done and drop. */
  async settle(visitor: WebVisitor, cycleId: string, itemId: string, settlement: Settlement, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = settleFields(body);
    const redirectTo = `/dot/${cycleId}/viec-can-lam?viec=${itemId}`;
    const name = `POST ${redirectTo} ${settlement}`;
    const { errors, key } =
      settlement === 'done'
        ? await this.once.send(visitor, body, language, {
            name,
            dto: CompleteActionItemDto,
            answer: typed.note?.trim() ? { note: typed.note } : {},
            act: async (dto) => {
              await this.followUp.completeActionItem(visitor.user, cycleId, itemId, dto.note ?? null, language);
              return redirectTo;
            },
          })
        : await this.once.send(visitor, body, language, {
            name,
            dto: DropActionItemDto,
            answer: { reason: typed.reason ?? '' },
            act: async (dto) => {
              await this.followUp.dropActionItem(visitor.user, cycleId, itemId, dto.reason, language);
              return redirectTo;
            },
          });
    // One page holds every item's forms: a field's sentences are keyed by its id there ("reason-<item>").
    const ofItem = (found: FormErrors) => Object.fromEntries(Object.entries(found).map(([field, sentences]) => [field ? `${field}-${itemId}` : '', sentences]));
    return answered(errors, redirectTo, (found) =>
      this.actionItemsPage(visitor, cycleId, language, undefined, { itemId, settlement, key, ...typed, errors: ofItem(found) }),
    );
  }

  private async hostName(cycle: CycleView): Promise<string | null> {
    return cycle.hostCellId ? ((await this.organisation.cell(cycle.hostCellId))?.name ?? null) : null;
  }
}
