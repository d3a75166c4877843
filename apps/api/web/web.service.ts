import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import { WebSessionsRepository } from '../../../libs/persistence/repositories/web-sessions.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { TasksService } from '../tasks/tasks.service.js';
import { toUserView } from '../users/user.mapper.js';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fileReportUpdate, postPlanUpdate, recordMeetingUpdate, reviewUpdate, rsvpUpdate } from '../../../workflows/model-meeting/model-meeting.contract.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { flatten } from '../common/api-exception.filter.js';
import { CycleReadsService } from '../cycles/cycle-reads.service.js';
import { CyclesService } from '../cycles/cycles.service.js';
import { PostPlanDto } from '../cycles/dto/post-plan.dto.js';
import { SubmitCritiqueDto } from '../cycles/dto/submit-critique.dto.js';
import { ReviewDto } from '../cycles/dto/review.dto.js';
import { FileReportDto } from '../cycles/dto/file-report.dto.js';
import { RecordMeetingDto } from '../cycles/dto/record-meeting.dto.js';
import { LaunchCycleDto } from '../cycles/dto/launch-cycle.dto.js';
import { PickHostDto } from '../cycles/dto/pick-host.dto.js';
import { RsvpDto } from '../cycles/dto/rsvp.dto.js';
import { errorMessage } from '../../../libs/wording/error-messages.js';
import { loginPage } from './pages/login.page.js';
import { rsvpPage, type RsvpForm } from './pages/rsvp.page.js';
import { tasksPage } from './pages/tasks.page.js';
import { notificationsPage } from './pages/notifications.page.js';
import { cyclePage } from './pages/cycle.page.js';
import { planPage, type PlanForm } from './pages/plan.page.js';
import { critiquePage, type CritiqueForm, type PointRow } from './pages/critique.page.js';
import { reviewPage, type ReviewForm } from './pages/review.page.js';
import { reportPage, type ActionRow, type ReportForm } from './pages/report.page.js';
import { meetingPage, type MeetingForm } from './pages/meeting.page.js';
import { launchPage, type LaunchForm } from './pages/launch.page.js';
import { pickHostPage } from './pages/pick-host.page.js';
import { NotificationsService } from '../notifications/notifications.service.js';

/** A signed-in visitor of the pages: the person, and the token every form of their session carries. */
export interface WebVisitor {
  user: AuthUser;
  csrfToken: string;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A new secret for a cookie or a form: 32 random bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');

/**
 * The pages go through the same services and the same rules as the JSON API: the same credentials check, the
 * same tasks; only the session is the browser's (a cookie for a server-side row, not a bearer token).
 */
@Injectable()
export class WebService {
  private readonly idleMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(WebSessionsRepository) private readonly sessions: WebSessionsRepository,
    @Inject(TasksService) private readonly tasks: TasksService,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CyclesService) private readonly cycles: CyclesService,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(NotificationsService) private readonly notifications: NotificationsService,
  ) {
    // A session ends after as long without a visit as an API token lives.
    const [, amount, unit] = /^(\d+)([smhd])$/.exec(config.auth.accessTokenTtl) ?? ['', '8', 'h'];
    this.idleMs = Number(amount) * UNIT_MS[unit];
  }

  /** Opens a session for these credentials; answers the cookie's token. Refusals are the API's (BAD_CREDENTIALS, …). */
  async signIn(username: unknown, password: unknown): Promise<string> {
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1_000) {
      throw new DomainError('BAD_CREDENTIALS');
    }
    const user = await this.auth.verifyCredentials({ username: username.trim(), password });
    const token = newSecret();
    await this.sessions.open(token, user.id, newSecret());
    return token;
  }

  async visitor(token: string | undefined): Promise<WebVisitor | null> {
    if (!token) return null;
    const session = await this.sessions.live(token, this.idleMs);
    const user = session ? await this.users.find(session.userId) : null;
    return session && user ? { user: toUserView(user), csrfToken: session.csrfToken } : null;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.end(token);
  }

  loginPage(language: Language, form: { csrfToken: string; username?: string; error?: string }): string {
    return loginPage(language, form);
  }

  async tasksPage(visitor: WebVisitor, language: Language, done?: string): Promise<string> {
    const tasks = await this.tasks.forUser(visitor.user, {});
    const person = {
      fullName: visitor.user.fullName,
      csrfToken: visitor.csrfToken,
      mustChangePassword: visitor.user.mustChangePassword,
      mayLaunch: visitor.user.role === 'committee',
    };
    return tasksPage(language, person, tasks, Date.now(), done);
  }

  async notificationsPage(visitor: WebVisitor, language: Language): Promise<string> {
    const notifications = await this.notifications.inbox(visitor.user, { limit: 50 });
    return notificationsPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, notifications);
  }

  /** A cycle's page, as the JSON API would show it to this person (another committee's cycle is not found). */
  async cyclePage(visitor: WebVisitor, cycleId: string, language: Language): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    const cells = await this.organisation.cellsOf(cycle.committeeId, { take: 1_000, skip: 0 });
    const names = new Map(cells.map((cell) => [cell.id, cell.name]));
    return cyclePage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, names, Date.now());
  }

  /** The invitation to the visitor's cell, with the answer form; anyone else is told it is not theirs. */
  async rsvpPage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<RsvpForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (!cycle.invitations.some((invitation) => invitation.cellId === visitor.user.cellId)) throw new DomainError('NOT_INVITED');
    const host = cycle.hostCellId ? await this.organisation.cell(cycle.hostCellId) : null;
    const invitation = {
      cycleId,
      title: cycle.title,
      hostCellName: host?.name ?? null,
      meetingAt: cycle.meetingAt,
      location: cycle.location,
      answerBy: cycle.deadlines.planDueAt,
    };
    return rsvpPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, invitation, { ...form, csrfToken: visitor.csrfToken });
  }

  /** The invitation's answer, sent as the API's own RSVP step (see sendForm). */
  rsvp(visitor: WebVisitor, cycleId: string, fields: Record<string, string | undefined>, key: string, language: Language): Promise<FormErrors | null> {
    const answer = { response: fields.response, ...(fields.delegate?.trim() ? { delegate: fields.delegate } : {}), ...(fields.note?.trim() ? { note: fields.note } : {}) };
    return this.sendForm(RsvpDto, answer, language, (dto) =>
      this.cycles.step(visitor.user, cycleId, rsvpUpdate, { cellId: visitor.user.cellId ?? '', ...dto }, language, key),
    );
  }

  /** The host's agenda and documents: the agenda one item a line, as a secretary types it. */
  plan(visitor: WebVisitor, cycleId: string, fields: Record<string, string | undefined>, key: string, language: Language): Promise<FormErrors | null> {
    const agenda = (fields.agenda ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    const answer = { agenda, content: fields.content ?? '', ...(fields.draftResolution?.trim() ? { draftResolution: fields.draftResolution } : {}) };
    return this.sendForm(PostPlanDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, postPlanUpdate, { ...dto }, language, key));
  }

  async planPage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<PlanForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (cycle.hostCellId === null || cycle.hostCellId !== visitor.user.cellId) throw new DomainError('NOT_HOST_SECRETARY');
    const shown = form.errors ? form : { ...form, agenda: cycle.plan?.agenda.join('\n'), content: cycle.plan?.content, draftResolution: cycle.plan?.draftResolution ?? undefined };
    return planPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, { ...shown, csrfToken: visitor.csrfToken });
  }

  async critiquePage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<CritiqueForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    return critiquePage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, { ...form, csrfToken: visitor.csrfToken });
  }

  /** A visiting cell's critique: the rows typed in (empty ones left out) and the score sheet's filled-in lines. */
  critique(visitor: WebVisitor, cycleId: string, rows: PointRow[], scores: Record<string, string>, key: string, language: Language): Promise<FormErrors | null> {
    const points = rows.filter((row) => row.text?.trim()).map((row) => ({ stage: row.stage, kind: row.kind, text: row.text }));
    const sheet = scoreSheet(scores);
    const answer = { points, ...(sheet ? { scores: sheet } : {}) };
    return this.sendForm(SubmitCritiqueDto, answer, language, (dto) => this.cycles.submitCritique(visitor.user, cycleId, { ...dto }, key));
  }

  async reviewPage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<ReviewForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    return reviewPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, { ...form, csrfToken: visitor.csrfToken });
  }

  /** The committee's decision on the report: a rating and comment, and its score sheet's filled-in lines. */
  review(visitor: WebVisitor, cycleId: string, fields: Record<string, string | undefined>, scores: Record<string, string>, key: string, language: Language): Promise<FormErrors | null> {
    const sheet = scoreSheet(scores);
    const answer = {
      decision: fields.decision,
      ...(fields.rating ? { rating: fields.rating } : {}),
      ...(fields.comment?.trim() ? { comment: fields.comment } : {}),
      ...(sheet ? { scores: sheet } : {}),
    };
    return this.sendForm(ReviewDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, reviewUpdate, { ...dto }, language, key));
  }

  async reportPage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<ReportForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (cycle.hostCellId === null || cycle.hostCellId !== visitor.user.cellId) throw new DomainError('NOT_HOST_SECRETARY');
    const cells = await this.organisation.cellsOf(cycle.committeeId, { take: 1_000, skip: 0 });
    const names = new Map(cells.map((cell) => [cell.id, cell.name]));
    return reportPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, names, { ...form, csrfToken: visitor.csrfToken });
  }

  /** The host's report: an answer for each point typed, the lessons one a line, the action-item rows filled in. */
  report(
    visitor: WebVisitor,
    cycleId: string,
    form: { answers: Record<string, { stance?: string; text?: string }>; lessons?: string; actions: ActionRow[] },
    key: string,
    language: Language,
  ): Promise<FormErrors | null> {
    const answer = {
      responses: Object.entries(form.answers).map(([pointId, typed]) => ({ pointId, stance: typed.stance, text: typed.text ?? '' })),
      lessons: (form.lessons ?? '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== ''),
      actionItems: form.actions
        .filter((row) => row.title?.trim() || row.owner?.trim() || row.dueDate?.trim())
        .map((row) => ({ title: row.title ?? '', owner: row.owner ?? '', dueDate: row.dueDate ?? '' })),
    };
    return this.sendForm(FileReportDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, fileReportUpdate, { ...dto }, language, key));
  }

  async meetingPage(visitor: WebVisitor, cycleId: string, language: Language, form: Omit<MeetingForm, 'csrfToken'>): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    if (cycle.hostCellId === null || cycle.hostCellId !== visitor.user.cellId) throw new DomainError('NOT_HOST_SECRETARY');
    const cells = await this.organisation.cellsOf(cycle.committeeId, { take: 1_000, skip: 0 });
    const names = new Map(cells.map((cell) => [cell.id, cell.name]));
    return meetingPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, names, { ...form, csrfToken: visitor.csrfToken });
  }

  /** The meeting as recorded: the day and times typed are Vietnam's (+07:00), the counts numbers as typed. */
  recordMeeting(visitor: WebVisitor, cycleId: string, form: Omit<MeetingForm, 'csrfToken' | 'key' | 'errors'>, key: string, language: Language): Promise<FormErrors | null> {
    const moment = (time: string | undefined) => (form.day && time ? `${form.day}T${time}:00+07:00` : undefined);
    const count = (value: string | undefined) => (value?.trim() ? Number(value.trim()) : undefined);
    const attendance = {
      present: count(form.present),
      total: count(form.total),
      ...(count(form.absentWithReason) === undefined ? {} : { absentWithReason: count(form.absentWithReason) }),
      ...(count(form.absentWithoutReason) === undefined ? {} : { absentWithoutReason: count(form.absentWithoutReason) }),
    };
    const answer = {
      startedAt: moment(form.start),
      endedAt: moment(form.end),
      attendance,
      attendingCellIds: form.attendingCellIds,
      minutes: form.minutes ?? '',
      ...(form.resolution?.trim() ? { resolution: form.resolution } : {}),
      ...(form.combined ? { combined: true } : {}),
    };
    return this.sendForm(RecordMeetingDto, answer, language, (dto) => this.cycles.step(visitor.user, cycleId, recordMeetingUpdate, { ...dto }, language, key));
  }

  /** The committee's open cells, by name: whom a launch may invite and host. */
  private async cellsToInvite(visitor: WebVisitor): Promise<{ id: string; name: string }[]> {
    if (visitor.user.role !== 'committee' || !visitor.user.committeeId) throw new DomainError('ROLE_NOT_ALLOWED');
    const cells = await this.organisation.cellsOf(visitor.user.committeeId, { take: 1_000, skip: 0 });
    return cells.filter((cell) => !cell.deactivatedAt).map((cell) => ({ id: cell.id, name: cell.name }));
  }

  async launchPage(visitor: WebVisitor, language: Language, form: Omit<LaunchForm, 'csrfToken'>): Promise<string> {
    const cells = await this.cellsToInvite(visitor);
    return launchPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cells, { ...form, csrfToken: visitor.csrfToken });
  }

  /** A launch as the office fills it in: a day and time in Vietnam, windows in days, "all cells" or those ticked. */
  async launch(visitor: WebVisitor, form: Omit<LaunchForm, 'csrfToken' | 'key' | 'errors'> & { allCells: boolean }, key: string, language: Language): Promise<{ cycleId: string } | { errors: FormErrors }> {
    const cells = await this.cellsToInvite(visitor);
    const host = form.hostCellId || undefined;
    const invited = (form.allCells ? cells.map((cell) => cell.id) : form.invitedCellIds).filter((cellId) => cellId !== host);
    const days = (value: string | undefined) => (value?.trim() ? `P${value.trim()}D` : undefined);
    const answer = {
      committeeId: visitor.user.committeeId,
      title: form.title ?? '',
      topic: form.topic ?? '',
      kind: form.kind,
      meetingAt: form.day && form.time ? `${form.day}T${form.time}:00+07:00` : undefined,
      location: form.location ?? '',
      invitedCellIds: invited,
      ...(host ? { hostCellId: host } : {}),
      ...(days(form.critiqueDays) ? { critiqueWindow: days(form.critiqueDays) } : {}),
      ...(days(form.reportDays) ? { reportWindow: days(form.reportDays) } : {}),
    };
    let cycleId = '';
    const errors = await this.sendForm(LaunchCycleDto, answer, language, async (dto) => {
      cycleId = (await this.cycles.launch(visitor.user, dto, language, key)).id;
    });
    return errors ? { errors } : { cycleId };
  }

  async pickHostPage(visitor: WebVisitor, cycleId: string, language: Language, form: { key: string; cellId?: string; errors?: FormErrors }): Promise<string> {
    const cycle = await this.reads.view(visitor.user, cycleId, language);
    const candidates = await this.reads.hostCandidates(visitor.user, cycleId);
    return pickHostPage(language, { fullName: visitor.user.fullName, csrfToken: visitor.csrfToken }, cycle, candidates, { ...form, csrfToken: visitor.csrfToken });
  }

  pickHost(visitor: WebVisitor, cycleId: string, cellId: string | undefined, key: string, language: Language): Promise<FormErrors | null> {
    return this.sendForm(PickHostDto, { cellId }, language, (dto) => this.cycles.pickHost(visitor.user, cycleId, dto.cellId, language, key));
  }

  /**
   * A form's answer, checked by the API's own rules (its DTO, so the sentences are the API's, each naming its
   * field by its label) and sent as the same workflow update under the form's key: a resubmit after a dropped
   * connection is the same update and acts once. Answers the sentences to show beside each field, or null
   * when the step was taken; a refusal of the workflow (a deadline, a step already done) is said in words.
   */
  private async sendForm<Dto extends object>(
    form: new () => Dto,
    answer: Record<string, unknown>,
    language: Language,
    send: (dto: Dto) => Promise<unknown>,
  ): Promise<FormErrors | null> {
    const dto = plainToInstance(form, answer);
    const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: true } });
    if (problems.length > 0) return groupByField(flatten(problems, language, form.name));
    try {
      await send(dto);
      return null;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code === 'NOT_FOUND') throw error;
      return { '': [errorMessage(error.code, language, error.params)] };
    }
  }
}

/** Sentences by the form field they are about ("agenda.2" is shown beside the agenda); "" for the whole form. */
export type FormErrors = Record<string, string[]>;

/** A score sheet's filled-in lines as numbers (people write half points as 8,5), or null when none was filled. */
function scoreSheet(scores: Record<string, string>): Record<string, number> | null {
  const filled = Object.entries(scores).filter(([, value]) => value.trim() !== '');
  // What is not a number stays NaN and is refused by the sheet's own rules, in words.
  return filled.length > 0 ? Object.fromEntries(filled.map(([criterion, value]) => [criterion, Number(value.trim().replace(',', '.'))])) : null;
}

function groupByField(messages: { field: string; message: string }[]): FormErrors {
  const grouped: FormErrors = {};
  for (const { field, message } of messages) (grouped[field.split('.')[0]] ??= []).push(message);
  return grouped;
}
