import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import type { Language } from '../../../libs/wording/language.js';
import { LoginThrottlerGuard } from '../auth/login-throttler.guard.js';
import { AllowedBeforePasswordChange, Public } from '../auth/public.decorator.js';
import { WebAdminService } from './web-admin.service.js';
import { WebCellsService } from './web-cells.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import type { FormBody } from './web-forms.js';
import { WebPasswordService } from './web-password.service.js';
import { doneOf, PageLanguage, pageNumber, PostedForm, SESSION_COOKIE, setCookie } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';
import { reply } from './web.controller.js';

/**
 * The organisation's pages (web.md): the committee office's cells and secretaries (/chi-bo), the admin's
 * committees and their staff (/quan-tri), and everyone's own password (/doi-mat-khau). Every one needs a live
 * session (and on a post its CSRF token); each handler is one service call.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebOrganisationController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebCellsService) private readonly cells: WebCellsService,
    @Inject(WebAdminService) private readonly admin: WebAdminService,
    @Inject(WebPasswordService) private readonly password: WebPasswordService,
  ) {}

  // ── the committee office: cells and secretaries ──────────────────────────────────────────────────────

  @Get('chi-bo')
  cellsPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language): Promise<string> {
    return this.cells.cellsPage(visitor, language);
  }

  @Post('chi-bo')
  async addCell(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.addCell(visitor, body, language));
  }

  @Get('chi-bo/:cellId')
  cellPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @Query('done') done?: unknown): Promise<string> {
    return this.cells.cellPage(visitor, cellId, language, doneOf(done));
  }

  @Post('chi-bo/:cellId')
  async changeCell(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.changeCell(visitor, cellId, body, language));
  }

  @Post('chi-bo/:cellId/bi-thu')
  async giveSecretary(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.giveSecretary(visitor, cellId, body, language));
  }

  @Post('chi-bo/:cellId/mat-khau')
  async resetPassword(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.resetPassword(visitor, cellId, body, language));
  }

  @Post('chi-bo/:cellId/lien-lac')
  async secretaryContact(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.secretaryContact(visitor, cellId, body, language));
  }

  @Post('chi-bo/:cellId/giai-the')
  async deactivateCell(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('cellId', ParseUUIDPipe) cellId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.cells.deactivateCell(visitor, cellId, body, language));
  }

  // ── the admin: committees and their staff ────────────────────────────────────────────────────────────

  @Get('quan-tri')
  adminPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('trang') page?: unknown): Promise<string> {
    return this.admin.adminPage(visitor, language, pageNumber(page));
  }

  @Post('quan-tri')
  async createCommittee(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.admin.createCommittee(visitor, body, language));
  }

  @Get('quan-tri/:committeeId')
  committeePage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('committeeId', ParseUUIDPipe) committeeId: string, @Query('done') done?: unknown): Promise<string> {
    return this.admin.committeePage(visitor, committeeId, language, doneOf(done));
  }

  @Post('quan-tri/:committeeId')
  async renameCommittee(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('committeeId', ParseUUIDPipe) committeeId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.admin.renameCommittee(visitor, committeeId, body, language));
  }

  @Post('quan-tri/:committeeId/can-bo')
  async createStaff(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('committeeId', ParseUUIDPipe) committeeId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.admin.createStaff(visitor, committeeId, body, language));
  }

  @Post('quan-tri/:committeeId/tai-khoan/:userId/ngung')
  async deactivateStaff(
    @Res() response: Response,
    @Visitor() visitor: WebVisitor,
    @PageLanguage() language: Language,
    @Param('committeeId', ParseUUIDPipe) committeeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @PostedForm() body: FormBody,
  ): Promise<void> {
    reply(response, await this.admin.deactivateStaff(visitor, committeeId, userId, body, language));
  }

  @Post('quan-tri/:committeeId/tai-khoan/:userId/mo-lai')
  async reactivateStaff(
    @Res() response: Response,
    @Visitor() visitor: WebVisitor,
    @PageLanguage() language: Language,
    @Param('committeeId', ParseUUIDPipe) committeeId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @PostedForm() body: FormBody,
  ): Promise<void> {
    reply(response, await this.admin.reactivateStaff(visitor, committeeId, userId, body, language));
  }

  // ── everyone: their own password ─────────────────────────────────────────────────────────────────────

  @Get('doi-mat-khau')
  @AllowedBeforePasswordChange()
  changePasswordPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language): string {
    return this.password.changePasswordPage(visitor, language);
  }

  /** Rate limited as the API's password change is: guessing the current password is guessing a password. */
  @Post('doi-mat-khau')
  @AllowedBeforePasswordChange()
  @UseGuards(LoginThrottlerGuard)
  async changePassword(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    const { answer, sessionToken } = await this.password.changePassword(visitor, body, language);
    // The change ended every session before it, this one too: the browser goes on under the new one.
    if (sessionToken) setCookie(response, this.config, SESSION_COOKIE, sessionToken);
    reply(response, answer);
  }
}
