import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { errorMessage } from '../../../libs/wording/error-messages.js';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard.js';
import { Public } from '../auth/public.decorator.js';
import type { Language } from '../../../libs/wording/language.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import type { FormBody } from './web-forms.js';
import { clearCookie, cookieOf, formField, LANGUAGE_COOKIE, LOGIN_COOKIE, PageLanguage, pageLanguage, PostedForm, SESSION_COOKIE, setCookie } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import { newSecret, WebSessionsService, type WebVisitor } from './web-sessions.service.js';
import { WebService, type PageAnswer } from './web.service.js';

/**
 * The pages (web.md): server-rendered HTML, plain forms with Post/Redirect/Get that work with JavaScript off.
 * Public to the token guard: WebSessionGuard checks the session cookie instead, and on a post its CSRF token.
 * Each handler is one call of WebService; a posted form answers a redirect or the form again (PageAnswer).
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebService) private readonly web: WebService,
    @Inject(WebSessionsService) private readonly sessions: WebSessionsService,
  ) {}

  @Get('login')
  async loginForm(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (await this.sessions.visitor(cookieOf(request, SESSION_COOKIE))) return response.redirect(303, '/');
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
      const { token, home } = await this.sessions.signIn(username, formField(request, 'password'));
      clearCookie(response, this.config, LOGIN_COOKIE);
      setCookie(response, this.config, SESSION_COOKIE, token);
      response.redirect(303, home);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const csrfToken = newSecret();
      setCookie(response, this.config, LOGIN_COOKIE, csrfToken);
      const status = error.code === 'NOT_VOUCHED' ? 403 : 401;
      response.status(status).type('html').send(this.web.loginPage(language, { csrfToken, username, error: errorMessage(error.code, language, error.params) }));
    }
  }

  /** The switch at the foot of every page: the chosen language kept in a cookie, then home (or the login). */
  @Get('ngon-ngu')
  chooseLanguage(@Res() response: Response, @Query('chon') chosen?: string): void {
    if (chosen === 'vi' || chosen === 'en') setCookie(response, this.config, LANGUAGE_COOKIE, chosen);
    response.redirect(303, '/');
  }

  @Get()
  @UseGuards(WebSessionGuard)
  tasks(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('done') done?: string): Promise<string> {
    return this.web.tasksPage(visitor, language, typeof done === 'string' ? done : undefined);
  }

  @Get('notifications')
  @UseGuards(WebSessionGuard)
  notifications(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language): Promise<string> {
    return this.web.notificationsPage(visitor, language);
  }

  @Post('logout')
  async logout(@Req() request: Request, @Res() response: Response): Promise<void> {
    const token = cookieOf(request, SESSION_COOKIE);
    const visitor = await this.sessions.visitor(token);
    // A logout that does not carry the session's token is not this person's: it changes nothing.
    if (token && visitor && formField(request, '_csrf') === visitor.csrfToken) await this.sessions.signOut(token);
    else if (visitor) return response.redirect(303, '/');
    clearCookie(response, this.config, SESSION_COOKIE);
    response.redirect(303, '/login');
  }

  @Get('dot/:id')
  @UseGuards(WebSessionGuard)
  cycle(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.cyclePage(visitor, cycleId, language);
  }

  @Get('dot/:id/xac-nhan')
  @UseGuards(WebSessionGuard)
  rsvpForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.rsvpPage(visitor, cycleId, language);
  }

  @Post('dot/:id/xac-nhan')
  @UseGuards(WebSessionGuard)
  async rsvp(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.rsvp(visitor, cycleId, body, language));
  }

  @Get('dot/:id/chuong-trinh')
  @UseGuards(WebSessionGuard)
  planForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.planPage(visitor, cycleId, language);
  }

  @Post('dot/:id/chuong-trinh')
  @UseGuards(WebSessionGuard)
  async plan(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.plan(visitor, cycleId, body, language));
  }

  @Get('dot/:id/gop-y')
  @UseGuards(WebSessionGuard)
  critiqueForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.critiquePage(visitor, cycleId, language);
  }

  @Post('dot/:id/gop-y')
  @UseGuards(WebSessionGuard)
  async critique(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.critique(visitor, cycleId, body, language));
  }

  @Get('dot/:id/bao-cao')
  @UseGuards(WebSessionGuard)
  reportForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.reportPage(visitor, cycleId, language);
  }

  @Post('dot/:id/bao-cao')
  @UseGuards(WebSessionGuard)
  async report(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.report(visitor, cycleId, body, language));
  }

  @Get('dot/:id/buoi-sinh-hoat')
  @UseGuards(WebSessionGuard)
  meetingForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.meetingPage(visitor, cycleId, language);
  }

  @Post('dot/:id/buoi-sinh-hoat')
  @UseGuards(WebSessionGuard)
  async meeting(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.recordMeeting(visitor, cycleId, body, language));
  }

  @Get('dot-moi')
  @UseGuards(WebSessionGuard)
  launchForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language): Promise<string> {
    return this.web.launchPage(visitor, language);
  }

  @Post('dot-moi')
  @UseGuards(WebSessionGuard)
  async launch(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.launch(visitor, body, language));
  }

  @Get('dot/:id/chon-chi-bo-diem')
  @UseGuards(WebSessionGuard)
  pickHostForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.pickHostPage(visitor, cycleId, language);
  }

  @Post('dot/:id/chon-chi-bo-diem')
  @UseGuards(WebSessionGuard)
  async pickHost(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.pickHost(visitor, cycleId, body, language));
  }

  @Get('dot/:id/danh-gia')
  @UseGuards(WebSessionGuard)
  reviewForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.reviewPage(visitor, cycleId, language);
  }

  @Post('dot/:id/danh-gia')
  @UseGuards(WebSessionGuard)
  async review(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.review(visitor, cycleId, body, language));
  }
}

/** A posted form's answer: the next page (303, Post/Redirect/Get) or the form again with what was typed. */
export function reply(response: Response, answer: PageAnswer): void {
  if ('redirectTo' in answer) response.redirect(303, answer.redirectTo);
  else response.status(answer.status).type('html').send(answer.html);
}
