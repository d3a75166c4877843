import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { ErrorCode } from '../../../libs/domain/error-codes.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { errorMessage } from '../../../libs/wording/error-messages.js';
import type { Language } from '../../../libs/wording/language.js';
import { fileReportUpdate, postPlanUpdate, recordMeetingUpdate, reviewUpdate, rsvpUpdate } from '../../../workflows/model-meeting/model-meeting.contract.js';
import { flatten } from '../common/api-exception.filter.js';
import type { CycleView } from '../cycles/cycle.mapper.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { FileReportDto } from '../cycles/dto/file-report.dto.js';
import { LaunchCycleDto } from '../cycles/dto/launch-cycle.dto.js';
import { PickHostDto } from '../cycles/dto/pick-host.dto.js';
import { PostPlanDto } from '../cycles/dto/post-plan.dto.js';
import { RecordMeetingDto } from '../cycles/dto/record-meeting.dto.js';
import { ReviewDto } from '../cycles/dto/review.dto.js';
import { RsvpDto } from '../cycles/dto/rsvp.dto.js';
import { SubmitCritiqueDto } from '../cycles/dto/submit-critique.dto.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { DeliveriesService } from '../deliveries/deliveries.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { actionsOpen } from './cycle-actions.js';
import type { PagePerson } from './layout.js';
import { critiquePage, POINT_ROWS } from './pages/critique.page.js';
import { cyclePage } from './pages/cycle.page.js';
import { launchPage } from './pages/launch.page.js';
import { loginPage } from './pages/login.page.js';
import { meetingPage } from './pages/meeting.page.js';
import { notificationsPage } from './pages/notifications.page.js';
import { pickHostPage } from './pages/pick-host.page.js';
import { planPage } from './pages/plan.page.js';
import { ACTION_ROWS, reportPage } from './pages/report.page.js';
import { reviewPage } from './pages/review.page.js';
import { rsvpPage } from './pages/rsvp.page.js';
import { typedPoints } from './pages/score-sheet.part.js';
import { tasksPage } from './pages/tasks.page.js';
import {
  critiqueFields,
  formKey,
  hostFields,
  launchFields,
  meetingFields,
  planFields,
  reportFields,
  reviewFields,
  rsvpFields,
  wantsMoreRows,
  wantsTally,
  type FormBody,
} from './web-forms.js';
import { newSecret, type WebVisitor } from './web-sessions.service.js';

/** Sentences by the form field they are about ("agenda.2" is shown beside the agenda); "" for the whole form. */
export type FormErrors = Record<string, string[]>;

/** What a posted form leads to: the next page (Post/Redirect/Get), or the same form again with its sentences. */
export type PageAnswer = { redirectTo: string } | { status: number; html: string };

const emptyRows = (count: number) => Array.from({ length: count }, () => ({}));

/**
 * The pages go through the same services and the same rules as the JSON API: the same reads, the same DTOs
 * for what a form sends and the same workflow updates; only the session is the browser's.
 */
@Injectable()
export class WebService {
  constructor(
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CyclesService) private readonly cycles: CyclesService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
    @Inject(DeliveriesService) private readonly deliveries: DeliveriesService,
  ) {}

  loginPage(language: Language, form: { csrfToken: string; username?: string; error?: string }): string {
    return loginPage(language, form);
  }

  async tasksPage(visitor: WebVisitor, language: Language, done?: string): Promise<string> {
    const tasks = await this.tasks.forUser(visitor.user, {});
    const person = { ...personOf(visitor), mustChangePassword: visitor.user.mustChangePassword, mayLaunch: visitor.user.role === 'committee' };
    // The office's home says how many notifications reached nobody: the one list it acts on.
    const unreached = visitor.user.role === 'committee' && visitor.user.committeeId ? await this.deliveries.countUnreached(visitor.user, visitor.user.committeeId) : 0;
    return tasksPage(language, person, tasks, Date.now(), done, unreached);
  }

  async notificationsPage(visitor: WebVisitor, language: Language): Promise<string> {
    return notificationsPage(language, personOf(visitor), await this.notifications.inbox(visitor.user, { limit: 50 }));
  }

  /** A cycle's page, as the JSON API would show it to this person (another committee's cycle is not found). */
  async cyclePage(visitor: WebVisitor, cycleId: string, language: Language): Promise<string> {
    const access = await this.reads.accessFor(visitor.user, cycleId, 'view');
    const cycle = await this.reads.viewOf(visitor.user, access, language);
    const nowMs = Date.now();
    return cyclePage(language, personOf(visitor), cycle, await this.cellNames(cycle.committeeId), nowMs, { cellId: visitor.user.cellId, allowed: actionsOpen(access, nowMs) });
  }

  // ── the invitation ───────────────────────────────────────────────────────────────────────────────────

  /** The invitation to the visitor's cell, with the answer form; anyone else is told it is not theirs. */
  async rsvpPage(visitor: WebVisitor, cycleId: string, language: Language, typed: Partial<ReturnType<typeof rsvpFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (!cycle.invitations.some((invitation) => invitation.cellId === visitor.user.cellId)) throw new DomainError('NOT_INVITED');
    const host = cycle.hostCellId ? await this.organisation.cell(cycle.hostCellId) : null;
    const invitation = { cycleId, title: cycle.title, hostCellName: host?.name ?? null, meetingAt: cycle.meetingAt, location: cycle.location, answerBy: cycle.deadlines.planDueAt };
    return rsvpPage(language, personOf(visitor), invitation, { ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  /** The invitation's answer, sent as the API's own RSVP step. */
  async rsvp(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = rsvpFields(body);
    const key = formKey(body);
    const answer = { response: typed.response, ...(typed.delegate?.trim() ? { delegate: typed.delegate } : {}), ...(typed.note?.trim() ? { note: typed.note } : {}) };
    const errors = await this.sendForm(RsvpDto, answer, language, (dto) =>
      this.cycles.step(visitor.user, cycleId, rsvpUpdate, { cellId: visitor.user.cellId ?? '', ...dto }, language, key),
    );
    return answered(errors, '/?done=rsvp', (found) => this.rsvpPage(visitor, cycleId, language, typed, key, found));
  }

  // ── the host's steps ─────────────────────────────────────────────────────────────────────────────────

  async planPage(visitor: WebVisitor, cycleId: string, language: Language, typed?: ReturnType<typeof planFields>, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.hostsCycle(visitor, cycleId, language);
    // A plan already sent is shown to be revised; what was typed comes back as typed.
    const shown = typed ?? { agenda: cycle.plan?.agenda.join('\n'), content: cycle.plan?.content, draftResolution: cycle.plan?.draftResolution ?? undefined };
    return planPage(language, personOf(visitor), cycle, { ...shown, key, errors, csrfToken: visitor.csrfToken });
  }

  /** The host's agenda and documents: the agenda one item a line, as a secretary types it. */
  async plan(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = planFields(body);
    const key = formKey(body);
    const answer = { agenda: lines(typed.agenda), content: typed.content ?? '', ...(typed.draftResolution?.trim() ? { draftResolution: typed.draftResolution } : {}) };
    const errors = await this.sendForm(PostPlanDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, postPlanUpdate, { ...dto }, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.planPage(visitor, cycleId, language, typed, key, found));
  }

  async meetingPage(visitor: WebVisitor, cycleId: string, language: Language, typed: Partial<ReturnType<typeof meetingFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.hostsCycle(visitor, cycleId, language);
    const form = { attendingCellIds: [], ...typed, key, errors, csrfToken: visitor.csrfToken };
    return meetingPage(language, personOf(visitor), cycle, await this.cellNames(cycle.committeeId), form);
  }

  /** The meeting as recorded: the day and times typed are Vietnam's (+07:00), the counts numbers as typed. */
  async recordMeeting(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = meetingFields(body);
    const key = formKey(body);
    const moment = (time: string | undefined) => (typed.day && time ? `${typed.day}T${time}:00+07:00` : undefined);
    const count = (value: string | undefined) => (value?.trim() ? Number(value.trim()) : undefined);
    const absentWithReason = count(typed.absentWithReason);
    const absentWithoutReason = count(typed.absentWithoutReason);
    const answer = {
      startedAt: moment(typed.start),
      endedAt: moment(typed.end),
      attendance: {
        present: count(typed.present),
        total: count(typed.total),
        ...(absentWithReason === undefined ? {} : { absentWithReason }),
        ...(absentWithoutReason === undefined ? {} : { absentWithoutReason }),
      },
      attendingCellIds: typed.attendingCellIds,
      minutes: typed.minutes ?? '',
      ...(typed.resolution?.trim() ? { resolution: typed.resolution } : {}),
      ...(typed.combined ? { combined: true } : {}),
    };
    const errors = await this.sendForm(RecordMeetingDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, recordMeetingUpdate, { ...dto }, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.meetingPage(visitor, cycleId, language, typed, key, found));
  }

  async reportPage(visitor: WebVisitor, cycleId: string, language: Language, typed?: ReturnType<typeof reportFields>, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.hostsCycle(visitor, cycleId, language);
    const form = { answers: {}, actions: emptyRows(ACTION_ROWS), ...typed, key, errors, csrfToken: visitor.csrfToken };
    return reportPage(language, personOf(visitor), cycle, await this.cellNames(cycle.committeeId), form);
  }

  /** The host's report: an answer for each point typed, the lessons one a line, the action-item rows filled in. */
  async report(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = reportFields(body);
    const key = formKey(body);
    if (wantsMoreRows(body)) return { status: 200, html: await this.reportPage(visitor, cycleId, language, { ...typed, actions: [...typed.actions, ...emptyRows(2)].slice(0, 50) }, key) };
    const answer = {
      responses: Object.entries(typed.answers).map(([pointId, answer]) => ({ pointId, stance: answer.stance, text: answer.text ?? '' })),
      lessons: lines(typed.lessons),
      actionItems: typed.actions
        .filter((row) => row.title?.trim() || row.owner?.trim() || row.dueDate?.trim())
        .map((row) => ({ title: row.title ?? '', owner: row.owner ?? '', dueDate: row.dueDate ?? '' })),
    };
    const errors = await this.sendForm(FileReportDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, fileReportUpdate, { ...dto }, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.reportPage(visitor, cycleId, language, typed, key, found));
  }

  // ── the visitor's critique ───────────────────────────────────────────────────────────────────────────

  async critiquePage(visitor: WebVisitor, cycleId: string, language: Language, typed?: ReturnType<typeof critiqueFields>, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    const form = { rows: emptyRows(POINT_ROWS), scores: {}, ...typed, key, errors, csrfToken: visitor.csrfToken };
    return critiquePage(language, personOf(visitor), cycle, form);
  }

  /** A visiting cell's critique: the rows typed in (empty ones left out) and the score sheet's filled-in lines. */
  async critique(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = critiqueFields(body);
    const key = formKey(body);
    if (wantsMoreRows(body)) return { status: 200, html: await this.critiquePage(visitor, cycleId, language, { ...typed, rows: [...typed.rows, ...emptyRows(3)].slice(0, 100) }, key) };
    if (wantsTally(body)) return { status: 200, html: await this.critiquePage(visitor, cycleId, language, typed, key) };
    const filled = typed.rows.filter((row) => row.text?.trim());
    const sheet = scoreSheet(typed.scores);
    const answer = { points: filled.map((row) => ({ stage: row.stage, kind: row.kind, text: row.text })), ...(sheet ? { scores: sheet } : {}) };
    const errors = await this.sendForm(SubmitCritiqueDto, answer, language, (dto) => this.cycles.submitCritique(visitor.user, cycleId, { ...dto }, key));
    // Shown again as sent, empty rows dropped, so "Ý kiến thứ 2" in a sentence is the second row on the page.
    const shown = { ...typed, rows: filled.length > 0 ? filled : typed.rows };
    return answered(errors, `/dot/${cycleId}`, (found) => this.critiquePage(visitor, cycleId, language, shown, key, found));
  }

  // ── the committee's steps ────────────────────────────────────────────────────────────────────────────

  async launchPage(visitor: WebVisitor, language: Language, typed: Partial<ReturnType<typeof launchFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cells = await this.cellsToInvite(visitor);
    return launchPage(language, personOf(visitor), cells, { invitedCellIds: [], ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  /** A launch as the office fills it in: a day and time in Vietnam, windows in days, "all cells" or those ticked. */
  async launch(visitor: WebVisitor, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = launchFields(body);
    const key = formKey(body);
    const cells = await this.cellsToInvite(visitor);
    const host = typed.hostCellId || undefined;
    const invited = (typed.allCells ? cells.map((cell) => cell.id) : typed.invitedCellIds).filter((cellId) => cellId !== host);
    const days = (value: string | undefined) => (value?.trim() ? `P${value.trim()}D` : undefined);
    const critiqueWindow = days(typed.critiqueDays);
    const reportWindow = days(typed.reportDays);
    const answer = {
      committeeId: visitor.user.committeeId,
      title: typed.title ?? '',
      topic: typed.topic ?? '',
      kind: typed.kind,
      meetingAt: typed.day && typed.time ? `${typed.day}T${typed.time}:00+07:00` : undefined,
      location: typed.location ?? '',
      invitedCellIds: invited,
      ...(host ? { hostCellId: host } : {}),
      ...(critiqueWindow ? { critiqueWindow } : {}),
      ...(reportWindow ? { reportWindow } : {}),
    };
    let cycleId = '';
    const errors = await this.sendForm(LaunchCycleDto, answer, language, async (dto) => {
      cycleId = (await this.cycles.launch(visitor.user, dto, language, key)).id;
    });
    return answered(errors, `/dot/${cycleId}`, (found) => this.launchPage(visitor, language, typed, key, found));
  }

  async pickHostPage(visitor: WebVisitor, cycleId: string, language: Language, cellId?: string, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    const candidates = await this.reads.hostCandidates(visitor.user, cycleId);
    return pickHostPage(language, personOf(visitor), cycle, candidates, { key, cellId, errors, csrfToken: visitor.csrfToken });
  }

  async pickHost(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const { cellId } = hostFields(body);
    const key = formKey(body);
    const errors = await this.sendForm(PickHostDto, { cellId }, language, (dto) => this.cycles.pickHost(visitor.user, cycleId, dto.cellId, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.pickHostPage(visitor, cycleId, language, cellId, key, found));
  }

  async reviewPage(visitor: WebVisitor, cycleId: string, language: Language, typed: Partial<ReturnType<typeof reviewFields>> = {}, key = newSecret(), errors?: FormErrors): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    return reviewPage(language, personOf(visitor), cycle, { scores: {}, ...typed, key, errors, csrfToken: visitor.csrfToken });
  }

  /** The committee's decision on the report: a rating and comment, and its score sheet's filled-in lines. */
  async review(visitor: WebVisitor, cycleId: string, body: FormBody, language: Language): Promise<PageAnswer> {
    const typed = reviewFields(body);
    const key = formKey(body);
    if (wantsTally(body)) return { status: 200, html: await this.reviewPage(visitor, cycleId, language, typed, key) };
    const sheet = scoreSheet(typed.scores);
    const answer = {
      decision: typed.decision,
      ...(typed.rating ? { rating: typed.rating } : {}),
      ...(typed.comment?.trim() ? { comment: typed.comment } : {}),
      ...(sheet ? { scores: sheet } : {}),
    };
    const errors = await this.sendForm(ReviewDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, reviewUpdate, { ...dto }, language, key));
    return answered(errors, `/dot/${cycleId}`, (found) => this.reviewPage(visitor, cycleId, language, typed, key, found));
  }

  // ── shared ───────────────────────────────────────────────────────────────────────────────────────────

  /** The cycle, for a form only its host's secretary fills in. */
  private async hostsCycle(visitor: WebVisitor, cycleId: string, language: Language): Promise<CycleView> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (cycle.hostCellId === null || cycle.hostCellId !== visitor.user.cellId) throw new DomainError('NOT_HOST_SECRETARY');
    return cycle;
  }

  /** The committee's cells by id, to name them on a page. */
  private async cellNames(committeeId: string): Promise<Map<string, string>> {
    const cells = await this.organisation.cellsOf(committeeId, { take: 1_000, skip: 0 });
    return new Map(cells.map((cell) => [cell.id, cell.name]));
  }

  /** The committee's open cells, by name: whom a launch may invite and host. */
  private async cellsToInvite(visitor: WebVisitor): Promise<{ id: string; name: string }[]> {
    if (visitor.user.role !== 'committee' || !visitor.user.committeeId) throw new DomainError('ROLE_NOT_ALLOWED');
    const cells = await this.organisation.cellsOf(visitor.user.committeeId, { take: 1_000, skip: 0 });
    return cells.filter((cell) => !cell.deactivatedAt).map((cell) => ({ id: cell.id, name: cell.name }));
  }

  /** A form's answer checked and sent (sendForm below). */
  private sendForm<Dto extends object>(form: new () => Dto, answer: Record<string, unknown>, language: Language, send: (dto: Dto) => Promise<unknown>): Promise<FormErrors | null> {
    return sendForm(form, answer, language, send);
  }
}

/**
 * A form's answer, checked by the API's own rules (its DTO, so the sentences are the API's, each naming its
 * field by its label) and sent as the same workflow update under the form's key: a resubmit after a dropped
 * connection is the same update and acts once. Answers the sentences to show beside each field, or null
 * when the step was taken; a refusal of the workflow (a deadline, a step already done) is said in words.
 * `besideField` puts a refusal about one field (a name already taken, a weak password) beside that field
 * instead of at the top of the form.
 */
export async function sendForm<Dto extends object>(
  form: new () => Dto,
  answer: Record<string, unknown>,
  language: Language,
  send: (dto: Dto) => Promise<unknown>,
  besideField: Partial<Record<ErrorCode, string>> = {},
): Promise<FormErrors | null> {
  const dto = plainToInstance(form, answer);
  const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } });
  if (problems.length > 0) return groupByField(flatten(problems, language, form.name));
  return refusalOf(() => send(dto), language, besideField);
}

/** A step sent: null when it was taken, else its refusal in words (NOT_FOUND stays a page of its own: no form to show). */
export async function refusalOf(send: () => Promise<unknown>, language: Language, besideField: Partial<Record<ErrorCode, string>> = {}): Promise<FormErrors | null> {
  try {
    await send();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'NOT_FOUND') throw error;
    return { [besideField[error.code] ?? '']: [errorMessage(error.code, language, error.params)] };
  }
}

/** The signed-in person as every page's header shows them, with the token its logout form carries. */
export function personOf(visitor: WebVisitor): PagePerson {
  return { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken, role: visitor.user.role };
}

/** Post/Redirect/Get when the step was taken; else the form again, as typed, with its sentences (400). */
export async function answered(errors: FormErrors | null, redirectTo: string, again: (errors: FormErrors) => Promise<string>): Promise<PageAnswer> {
  return errors ? { status: 400, html: await again(errors) } : { redirectTo };
}

/** A textarea of one item a line, blank lines left out. */
function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A score sheet's filled-in lines as numbers (people write half points as 8,5), or null when none was filled. */
function scoreSheet(scores: Record<string, string>): Record<string, number> | null {
  const filled = Object.entries(scores).filter(([, value]) => value.trim() !== '');
  // What is not a number stays NaN and is refused by the sheet's own rules, in words.
  return filled.length > 0 ? Object.fromEntries(filled.map(([criterion, value]) => [criterion, typedPoints(value)])) : null;
}

function groupByField(messages: { field: string; message: string }[]): FormErrors {
  const grouped: FormErrors = {};
  for (const { field, message } of messages) (grouped[field.split('.')[0]] ??= []).push(message);
  return grouped;
}
