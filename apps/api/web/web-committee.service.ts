import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { refusal, type CycleAction } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import { rescheduleUpdate } from '../../../workflows/model-meeting/model-meeting.contract.js';
import type { CycleSummary, CycleView } from '../cycles/cycle.mapper.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { CancelCycleDto } from '../cycles/dto/cancel-cycle.dto.js';
import { ListCyclesQuery } from '../cycles/dto/list-cycles.query.js';
import { RescheduleDto } from '../cycles/dto/reschedule.dto.js';
import { TasksService } from '../tasks/tasks.service.js';
import { cancelPage } from './pages/cancel.page.js';
import { cyclesPage } from './pages/cycles.page.js';
import { reschedulePage } from './pages/reschedule.page.js';
import { field, formKey, type FormBody } from './web-forms.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';
import { answered, personOf, sendForm, type FormErrors, type PageAnswer } from './web.service.js';

/** As many cycles as the JSON API gives in one page: a commune's few years of cycles fit in one. */
const CYCLES_PER_PAGE = 100;

const rescheduleFields = (body: FormBody) => ({ day: field(body, 'day'), time: field(body, 'time'), reason: field(body, 'reason') });

const cancelFields = (body: FormBody) => ({ reason: field(body, 'reason') });

/**
 * The committee office's pages (web.md): its cycles by stage with what is late, moving a meeting and
 * cancelling a cycle. The same reads, the same policy and the same workflow updates as the JSON API.
 */
@Injectable()
export class WebCommitteeService {
  constructor(
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CyclesService) private readonly cycles: CyclesService,
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
  ) {}

  /**
   * The cycles the person may see, read as GET /api/cycles reads them (a secretary only those its cell takes
   * part in), with every task still waiting in them, so the page marks what is late and whose it is.
   */
  async cyclesPage(visitor: WebVisitor, language: Language, after?: string): Promise<string> {
    const query = plainToInstance(ListCyclesQuery, { limit: CYCLES_PER_PAGE, ...(after === undefined ? {} : { cursor: after }) });
    if ((await validate(query)).length > 0) throw new DomainError('VALIDATION_FAILED');
    const { items, nextCursor } = await this.reads.list(visitor.user, query);
    const [waiting, hostNames] = await Promise.all([this.tasks.waitingIn(items.map((cycle) => cycle.id)), this.hostNames(items)]);
    const board = { cycles: items, waiting, hostNames, nextCursor, mayLaunch: visitor.user.role === 'committee' };
    return cyclesPage(language, personOf(visitor), board, Date.now());
  }

  // ── reschedule ───────────────────────────────────────────────────────────────────────────────────────

  async reschedulePage(visitor: WebVisitor, cycleId: string, language: Language, typed: Partial<ReturnType<typeof rescheduleFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.cycleFor(visitor, cycleId, 'reschedule', language, errors);
    return reschedulePage(language, personOf(visitor), cycle, { ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  /** The new day and time typed are Vietnam's (+07:00), as on the launch form; sent as the API's reschedule step. */
  async reschedule(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = rescheduleFields(body);
    const key = formKey(body);
    await this.mayTry(visitor, cycleId, 'reschedule');
    const answer = { meetingAt: typed.day && typed.time ? `${typed.day}T${typed.time}:00+07:00` : undefined, reason: typed.reason ?? '' };
    const errors = await sendForm(RescheduleDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, rescheduleUpdate, { ...dto }, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.reschedulePage(visitor, cycleId, language, typed, key, found));
  }

  // ── cancel ───────────────────────────────────────────────────────────────────────────────────────────

  async cancelPage(visitor: WebVisitor, cycleId: string, language: Language, typed: Partial<ReturnType<typeof cancelFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.cycleFor(visitor, cycleId, 'cancel', language, errors);
    return cancelPage(language, personOf(visitor), cycle, { ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  /** Sent as the API's cancel, which also cancels a cycle whose workflow does not answer. */
  async cancel(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = cancelFields(body);
    const key = formKey(body);
    await this.mayTry(visitor, cycleId, 'cancel');
    const errors = await sendForm(CancelCycleDto, { reason: typed.reason ?? '' }, language, (dto) => this.cycles.cancel(visitor.user, cycleId, dto.reason, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.cancelPage(visitor, cycleId, language, typed, key, found));
  }

  // ── shared ───────────────────────────────────────────────────────────────────────────────────────────

  /**
   * The cycle for a form of this action, refused in words to anyone the policy does not allow it, and before
   * it is sent, in a stage where it cannot be taken. A form sent back with sentences stays a form even when
   * the cycle has moved on meanwhile: the sentence on it says why.
   */
  private async cycleFor(visitor: WebVisitor, cycleId: string, action: CycleAction, language: Language, errors?: FormErrors): Promise<CycleView> {
    const access = await this.reads.access(visitor.user, cycleId);
    const refused = refusal(action, access.relation, access.cycle.status);
    if (refused && !(errors && refused.code === 'WRONG_STAGE')) throw new DomainError(refused.code, refused.stage ? { stage: refused.stage } : {});
    return this.reads.viewOf(visitor.user, access, language);
  }

  /**
   * Whether the person may attempt the action at all (the API's role guard and relation); whether the cycle's
   * stage and time allow it now is the workflow's answer, said on the form.
   */
  private async mayTry(visitor: WebVisitor, cycleId: string, action: CycleAction): Promise<void> {
    const { cycle, relation } = await this.reads.access(visitor.user, cycleId);
    const refused = refusal(action, relation, cycle.status);
    if (refused && refused.code !== 'WRONG_STAGE') throw new DomainError(refused.code);
  }

  /** The host cells' names, read once for each committee on the page. */
  private async hostNames(cycles: CycleSummary[]): Promise<Map<string, string>> {
    const committees = [...new Set(cycles.filter((cycle) => cycle.hostCellId).map((cycle) => cycle.committeeId))];
    const cells = await Promise.all(committees.map((committeeId) => this.organisation.cellsOf(committeeId, { take: 1_000, skip: 0 })));
    return new Map(cells.flat().map((cell) => [cell.id, cell.name]));
  }
}
