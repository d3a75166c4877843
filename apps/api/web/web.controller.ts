import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { errorMessage } from '../../../libs/wording/error-messages.js';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard.js';
import { Public } from '../auth/public.decorator.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { clearCookie, cookieOf, formField, LOGIN_COOKIE, pageLanguage, SESSION_COOKIE, setCookie } from './web-request.js';
import { newSecret, WebService } from './web.service.js';
import { POINT_ROWS, type PointRow } from './pages/critique.page.js';
import { ACTION_ROWS, type ActionRow } from './pages/report.page.js';

/**
 * The pages (web.md): server-rendered HTML, plain forms with Post/Redirect/Get that work with JavaScript off.
 * Public to the token guard: the session cookie is checked here instead, and every form carries its CSRF token.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebService) private readonly web: WebService,
  ) {}

  @Get('login')
  async loginForm(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (await this.web.visitor(cookieOf(request, SESSION_COOKIE))) return response.redirect(303, '/');
    const csrfToken = newSecret();
    setCookie(response, this.config, LOGIN_COOKIE, csrfToken);
    response.type('html').send(this.web.loginPage(pageLanguage(request), { csrfToken }));
  }

  @Post('login')
  @UseGuards(LoginThrottlerGuard)
  async login(@Req() request: Request, @Res() response: Response): Promise<void> {
    const language = pageLanguage(request);
    const username = formField(request, 'username');
    const expected = cookieOf(request, LOGIN_COOKIE);
    try {
      // Without the token this browser was given with the form, the post came from somewhere else.
      if (!expected || formField(request, '_csrf') !== expected) throw new DomainError('NOT_VOUCHED');
      const token = await this.web.signIn(username, formField(request, 'password'));
      clearCookie(response, this.config, LOGIN_COOKIE);
      setCookie(response, this.config, SESSION_COOKIE, token);
      response.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const csrfToken = newSecret();
      setCookie(response, this.config, LOGIN_COOKIE, csrfToken);
      const status = error.code === 'NOT_VOUCHED' ? 403 : 401;
      response.status(status).type('html').send(this.web.loginPage(language, { csrfToken, username, error: errorMessage(error.code, language, error.params) }));
    }
  }

  @Get()
  async tasks(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    const done = typeof request.query.done === 'string' ? request.query.done : undefined;
    response.type('html').send(await this.web.tasksPage(visitor, pageLanguage(request), done));
  }

  @Get('notifications')
  async notifications(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.notificationsPage(visitor, pageLanguage(request)));
  }

  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = cookieOf(request, SESSION_COOKIE);
    const visitor = await this.web.visitor(token);
    // A logout that does not carry the session's token is not this person's: it changes nothing.
    if (token && visitor && formField(request, '_csrf') === visitor.csrfToken) await this.web.signOut(token);
    else if (visitor) return response.redirect(303, '/');
    clearCookie(response, this.config, SESSION_COOKIE);
    response.redirect(303, '/login');
  }

  @Get('dot/:id')
  async cycle(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.cyclePage(visitor, cycleId, pageLanguage(request)));
  }

  @Get('dot/:id/xac-nhan')
  async rsvpForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.rsvpPage(visitor, cycleId, pageLanguage(request), { key: newSecret() }));
  }

  @Post('dot/:id/xac-nhan')
  async rsvp(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const fields = { response: formField(request, 'response'), delegate: formField(request, 'delegate'), note: formField(request, 'note') };
    const errors = await this.web.rsvp(visitor, cycleId, fields, key, language);
    if (!errors) return response.redirect(303, '/?done=rsvp');
    response.status(400).type('html').send(await this.web.rsvpPage(visitor, cycleId, language, { ...fields, key, errors }));
  }

  @Get('dot/:id/chuong-trinh')
  async planForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.planPage(visitor, cycleId, pageLanguage(request), { key: newSecret() }));
  }

  @Post('dot/:id/chuong-trinh')
  async plan(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const fields = { agenda: formField(request, 'agenda'), content: formField(request, 'content'), draftResolution: formField(request, 'draftResolution') };
    const errors = await this.web.plan(visitor, cycleId, fields, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    response.status(400).type('html').send(await this.web.planPage(visitor, cycleId, language, { ...fields, key, errors }));
  }

  @Get('dot/:id/gop-y')
  async critiqueForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    const rows: PointRow[] = Array.from({ length: POINT_ROWS }, () => ({}));
    response.type('html').send(await this.web.critiquePage(visitor, cycleId, pageLanguage(request), { key: newSecret(), rows, scores: {} }));
  }

  @Post('dot/:id/gop-y')
  async critique(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const count = Math.min(Math.max(Number(formField(request, 'rows')) || POINT_ROWS, 1), 100);
    const rows: PointRow[] = Array.from({ length: count }, (_, index) => ({
      stage: formField(request, `stage_${index}`),
      kind: formField(request, `kind_${index}`),
      text: formField(request, `text_${index}`),
    }));
    const scores = scoreFields(request);
    // "Thêm dòng": the same form again with more empty rows, nothing sent (no JavaScript needed).
    if (formField(request, 'more') === '1') {
      const more = [...rows, ...Array.from({ length: 3 }, () => ({}))];
      return void response.type('html').send(await this.web.critiquePage(visitor, cycleId, language, { key, rows: more.slice(0, 100), scores }));
    }
    const errors = await this.web.critique(visitor, cycleId, rows, scores, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    // Shown again as sent, empty rows dropped, so "Ý kiến thứ 2" in a sentence is the second row on the page.
    const typed = rows.filter((row) => row.text?.trim());
    response.status(400).type('html').send(await this.web.critiquePage(visitor, cycleId, language, { key, rows: typed.length > 0 ? typed : rows, scores, errors }));
  }

  @Get('dot/:id/bao-cao')
  async reportForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    const actions: ActionRow[] = Array.from({ length: ACTION_ROWS }, () => ({}));
    response.type('html').send(await this.web.reportPage(visitor, cycleId, pageLanguage(request), { key: newSecret(), answers: {}, actions }));
  }

  @Post('dot/:id/bao-cao')
  async report(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const count = Math.min(Math.max(Number(formField(request, 'actions')) || ACTION_ROWS, 1), 50);
    const actions: ActionRow[] = Array.from({ length: count }, (_, index) => ({
      title: formField(request, `action_title_${index}`),
      owner: formField(request, `action_owner_${index}`),
      dueDate: formField(request, `action_due_${index}`),
    }));
    const form = { answers: answerFields(request), lessons: formField(request, 'lessons'), actions };
    if (formField(request, 'more') === '1') {
      const more = [...actions, ...Array.from({ length: 2 }, () => ({}))].slice(0, 50);
      return void response.type('html').send(await this.web.reportPage(visitor, cycleId, language, { ...form, actions: more, key }));
    }
    const errors = await this.web.report(visitor, cycleId, form, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    response.status(400).type('html').send(await this.web.reportPage(visitor, cycleId, language, { ...form, key, errors }));
  }

  @Get('dot/:id/buoi-sinh-hoat')
  async meetingForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.meetingPage(visitor, cycleId, pageLanguage(request), { key: newSecret(), attendingCellIds: [] }));
  }

  @Post('dot/:id/buoi-sinh-hoat')
  async meeting(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const attending = (request.body as Record<string, unknown> | undefined)?.attending;
    const form = {
      day: formField(request, 'day'),
      start: formField(request, 'start'),
      end: formField(request, 'end'),
      combined: formField(request, 'combined') === '1',
      present: formField(request, 'present'),
      total: formField(request, 'total'),
      absentWithReason: formField(request, 'absentWithReason'),
      absentWithoutReason: formField(request, 'absentWithoutReason'),
      // One ticked box arrives as a string, several as a list.
      attendingCellIds: (Array.isArray(attending) ? attending : [attending]).filter((value): value is string => typeof value === 'string'),
      minutes: formField(request, 'minutes'),
      resolution: formField(request, 'resolution'),
    };
    const errors = await this.web.recordMeeting(visitor, cycleId, form, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    response.status(400).type('html').send(await this.web.meetingPage(visitor, cycleId, language, { ...form, key, errors }));
  }

  @Get('dot-moi')
  async launchForm(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.launchPage(visitor, pageLanguage(request), { key: newSecret(), invitedCellIds: [] }));
  }

  @Post('dot-moi')
  async launch(@Req() request: Request, @Res() response: Response): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const invited = (request.body as Record<string, unknown> | undefined)?.invited;
    const form = {
      title: formField(request, 'title'),
      topic: formField(request, 'topic'),
      kind: formField(request, 'kind'),
      day: formField(request, 'day'),
      time: formField(request, 'time'),
      location: formField(request, 'location'),
      invitedCellIds: (Array.isArray(invited) ? invited : [invited]).filter((value): value is string => typeof value === 'string'),
      allCells: formField(request, 'allCells') === '1',
      hostCellId: formField(request, 'hostCellId'),
      critiqueDays: formField(request, 'critiqueDays'),
      reportDays: formField(request, 'reportDays'),
    };
    const outcome = await this.web.launch(visitor, form, key, language);
    if ('cycleId' in outcome) return response.redirect(303, `/dot/${outcome.cycleId}`);
    response.status(400).type('html').send(await this.web.launchPage(visitor, language, { ...form, key, errors: outcome.errors }));
  }

  @Get('dot/:id/chon-chi-bo-diem')
  async pickHostForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.pickHostPage(visitor, cycleId, pageLanguage(request), { key: newSecret() }));
  }

  @Post('dot/:id/chon-chi-bo-diem')
  async pickHost(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const cellId = formField(request, 'cellId');
    const errors = await this.web.pickHost(visitor, cycleId, cellId, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    response.status(400).type('html').send(await this.web.pickHostPage(visitor, cycleId, language, { key, cellId, errors }));
  }

  @Get('dot/:id/danh-gia')
  async reviewForm(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    response.type('html').send(await this.web.reviewPage(visitor, cycleId, pageLanguage(request), { key: newSecret(), scores: {} }));
  }

  @Post('dot/:id/danh-gia')
  async review(@Req() request: Request, @Res() response: Response, @Param('id', ParseUUIDPipe) cycleId: string): Promise<void> {
    const visitor = await this.web.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) return response.redirect(303, '/login');
    if (formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const language = pageLanguage(request);
    const key = formField(request, '_key') ?? newSecret();
    const fields = { decision: formField(request, 'decision'), rating: formField(request, 'rating'), comment: formField(request, 'comment') };
    const scores = scoreFields(request);
    const errors = await this.web.review(visitor, cycleId, fields, scores, key, language);
    if (!errors) return response.redirect(303, `/dot/${cycleId}`);
    response.status(400).type('html').send(await this.web.reviewPage(visitor, cycleId, language, { ...fields, scores, key, errors }));
  }
}

/** The answers of a posted report form (stance_<point>, text_<point>), by point id. */
function answerFields(request: Request): Record<string, { stance?: string; text?: string }> {
  const answers: Record<string, { stance?: string; text?: string }> = {};
  for (const [name, value] of Object.entries((request.body ?? {}) as Record<string, unknown>)) {
    const match = /^(stance|text)_([0-9a-f-]{36})$/.exec(name);
    if (match && typeof value === 'string') (answers[match[2]] ??= {})[match[1] as 'stance' | 'text'] = value;
  }
  return answers;
}

/** The score sheet's lines of a posted form (score_<criterion>), as typed. */
function scoreFields(request: Request): Record<string, string> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(body).flatMap(([name, value]) => (name.startsWith('score_') && typeof value === 'string' ? [[name.slice('score_'.length), value]] : [])),
  );
}
