import { Controller, Get, Inject, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Language } from '../../../libs/wording/language.js';
import { Public } from '../auth/public.decorator.js';
import { sendReportFile } from '../year-report/year-report.reply.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { PageLanguage } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';
import { WebYearReportService, type ReportAddress } from './web-year-report.service.js';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const addressOf = (year: unknown, quarter: unknown, committee: unknown): ReportAddress => ({ year: text(year), quarter: text(quarter), committee: text(committee) });

/** The year report's page (/bao-cao) and its three files behind the session cookie: one service call each. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller('bao-cao')
export class WebYearReportController {
  constructor(@Inject(WebYearReportService) private readonly reports: WebYearReportService) {}

  @Get()
  report(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('nam') year?: unknown, @Query('quy') quarter?: unknown, @Query('dang-uy') committee?: unknown): Promise<string> {
    return this.reports.page(visitor, language, addressOf(year, quarter, committee));
  }

  @Get('tep.xlsx')
  async xlsx(@Visitor() visitor: WebVisitor, @Res() response: Response, @Query('nam') year?: unknown, @Query('quy') quarter?: unknown, @Query('dang-uy') committee?: unknown): Promise<void> {
    sendReportFile(response, await this.reports.file(visitor, 'xlsx', addressOf(year, quarter, committee)));
  }

  @Get('tep.docx')
  async docx(@Visitor() visitor: WebVisitor, @Res() response: Response, @Query('nam') year?: unknown, @Query('quy') quarter?: unknown, @Query('dang-uy') committee?: unknown): Promise<void> {
    sendReportFile(response, await this.reports.file(visitor, 'docx', addressOf(year, quarter, committee)));
  }

  @Get('tep.pdf')
  async pdf(@Visitor() visitor: WebVisitor, @Res() response: Response, @Query('nam') year?: unknown, @Query('quy') quarter?: unknown, @Query('dang-uy') committee?: unknown): Promise<void> {
    sendReportFile(response, await this.reports.file(visitor, 'pdf', addressOf(year, quarter, committee)));
  }
}
