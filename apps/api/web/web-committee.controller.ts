import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Language } from '../../../libs/wording/language.js';
import { Public } from '../auth/public.decorator.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import type { FormBody } from './web-forms.js';
import { PageLanguage, PostedForm } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';
import { WebCommitteeService } from './web-committee.service.js';
import { reply } from './web.controller.js';

/** The committee office's pages: its cycles by stage, moving a meeting, cancelling a cycle (one WebCommitteeService call each). */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebCommitteeController {
  constructor(@Inject(WebCommitteeService) private readonly web: WebCommitteeService) {}

  /** ?sau=: the next page of older cycles (the JSON API's cursor). */
  @Get('dot')
  cycles(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('sau') after?: unknown): Promise<string> {
    return this.web.cyclesPage(visitor, language, typeof after === 'string' ? after : undefined);
  }

  @Get('dot/:id/doi-lich')
  rescheduleForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.reschedulePage(visitor, cycleId, language);
  }

  @Post('dot/:id/doi-lich')
  async reschedule(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.reschedule(visitor, cycleId, body, language));
  }

  @Get('dot/:id/huy')
  cancelForm(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string): Promise<string> {
    return this.web.cancelPage(visitor, cycleId, language);
  }

  @Post('dot/:id/huy')
  async cancel(@Res() response: Response, @Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Param('id', ParseUUIDPipe) cycleId: string, @PostedForm() body: FormBody): Promise<void> {
    reply(response, await this.web.cancel(visitor, cycleId, body, language));
  }
}
