import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Language } from '../../../libs/wording/language.js';
import { Public } from '../auth/public.decorator.js';
import { WebChannelsService } from './web-channels.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import type { FormBody } from './web-forms.js';
import { doneOf, PageLanguage, pageNumber, PostedForm } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';
import { reply } from './web.controller.js';

/**
 * The channels' pages (notifications.md): one's own contacts (/lien-lac), the committee's channels
 * (/kenh-gui-tin), a cycle's delivery report (/dot/:id/gui-tin) and the notifications that reached nobody
 * (/chua-nhan-tin). A live session on every one (and on a post its CSRF token); each handler is one service call.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebChannelsController {
  constructor(@Inject(WebChannelsService) private readonly channels: WebChannelsService) {}

  @Get('lien-lac')
  contactPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('done') done?: unknown): Promise<string> {
    return this.channels.contactPage(visitor, language, doneOf(done));
  }

  @Post('lien-lac')
  async saveContact(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.channels.saveContact(visitor, body, language));
  }

  @Get('kenh-gui-tin')
  committeeChannelsPage(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('done') done?: unknown): Promise<string> {
    return this.channels.committeeChannelsPage(visitor, language, doneOf(done));
  }

  @Post('kenh-gui-tin')
  async saveCommitteeChannels(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.channels.saveCommitteeChannels(visitor, body, language));
  }

  @Get('dot/:id/gui-tin')
  deliveryReport(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @Query('trang') page?: unknown): Promise<string> {
    return this.channels.deliveryReportPage(visitor, cycleId, language, pageNumber(page));
  }

  @Get('chua-nhan-tin')
  unreached(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('trang') page?: unknown): Promise<string> {
    return this.channels.unreachedPage(visitor, language, pageNumber(page));
  }
}
