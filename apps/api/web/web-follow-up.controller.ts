import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { isUuid } from '../../../libs/domain/input-bounds.js';
import type { Language } from '../../../libs/wording/language.js';
import { Public } from '../auth/public.decorator.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import type { FormBody } from './web-forms.js';
import { PageLanguage, PostedForm } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';
import { reply } from './web.controller.js';
import { WebFollowUpService } from './web-follow-up.service.js';

/**
 * The pages after a cycle has ended: what a visiting cell adopts (/dot/:id/ap-dung) and the host's action items
 * (/dot/:id/viec-can-lam, each ticked off at …/xong or dropped at …/bo). Like every page: the session cookie,
 * the CSRF token of a post, and each handler one service call.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebFollowUpController {
  constructor(@Inject(WebFollowUpService) private readonly web: WebFollowUpService) {}

  @Get('dot/:id/ap-dung')
  adoptionForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.adoptionPage(visitor, cycleId, language);
  }

  @Post('dot/:id/ap-dung')
  async adopt(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.adopt(visitor, cycleId, body, language));
  }

  /** `viec`: the item a step was just taken on (Post/Redirect/Get); anything else there is ignored. */
  @Get('dot/:id/viec-can-lam')
  actionItems(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @Query('viec') settled?: unknown): Promise<string> {
    return this.web.actionItemsPage(visitor, cycleId, language, typeof settled === 'string' && isUuid(settled) ? settled : undefined);
  }

  @Post('dot/:id/viec-can-lam/:itemId/xong')
  async complete(
    @Res() response: Response,
    @Visitor() visitor: WebVisitor,
    @PageLanguage() language: Language,
    @Param('id', ParseUUIDPipe) cycleId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @PostedForm() body: FormBody,
  ): Promise<void> {
    reply(response, await this.web.settle(visitor, cycleId, itemId, 'done', body, language));
  }

  @Post('dot/:id/viec-can-lam/:itemId/bo')
  async drop(
    @Res() response: Response,
    @Visitor() visitor: WebVisitor,
    @PageLanguage() language: Language,
    @Param('id', ParseUUIDPipe) cycleId: string,
    @Param('itemId', ParseUUIDPipe) itemId: string,
    @PostedForm() body: FormBody,
  ): Promise<void> {
    reply(response, await this.web.settle(visitor, cycleId, itemId, 'drop', body, language));
  }
}
