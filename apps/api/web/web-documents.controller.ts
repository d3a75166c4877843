import { Controller, Get, Inject, Param, ParseUUIDPipe, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import { sendDocument } from '../documents/document-reply.js';
import { DocumentsService } from '../documents/documents.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';

/**
 * A cycle's papers for the pages (/dot/:id/van-ban/minutes.pdf): the JSON API's files behind the session cookie a
 * browser has instead of a bearer token, through the same service and the same rules.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebDocumentsController {
  constructor(@Inject(DocumentsService) private readonly documents: DocumentsService) {}

  @Get('dot/:id/van-ban/:file')
  async file(@Visitor() visitor: WebVisitor, @Param('id', ParseUUIDPipe) cycleId: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    sendDocument(request, response, await this.documents.file(visitor.user, cycleId, file));
  }
}
