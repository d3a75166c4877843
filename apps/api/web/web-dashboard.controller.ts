import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Language } from '../../../libs/wording/language.js';
import { Public } from '../auth/public.decorator.js';
import { WebDashboardService } from './web-dashboard.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { PageLanguage } from './web-request.js';
import { Visitor, WebSessionGuard } from './web-session.guard.js';
import type { WebVisitor } from './web-sessions.service.js';

/**
 * The committee office's overview (/tong-quan) and a cell's record (/chi-bo/:id/tinh-hinh), which an upper level
 * reads too with the commune in ?dang-uy=, and the upper level's own overview (/tong-quan-cap-tren): one service call each.
 */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@UseGuards(WebSessionGuard)
@Controller()
export class WebDashboardController {
  constructor(@Inject(WebDashboardService) private readonly web: WebDashboardService) {}

  @Get('tong-quan')
  dashboard(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('nam') year?: unknown, @Query('dang-uy') commune?: unknown): Promise<string> {
    return this.web.dashboardPage(visitor, language, typeof year === 'string' ? year : undefined, typeof commune === 'string' ? commune : undefined);
  }

  @Get('chi-bo/:cellId/tinh-hinh')
  cellRecord(
    @Visitor() visitor: WebVisitor,
    @PageLanguage() language: Language,
    @Param('cellId', ParseUUIDPipe) cellId: string,
    @Query('dang-uy') commune?: unknown,
  ): Promise<string> {
    return this.web.cellRecordPage(visitor, cellId, language, typeof commune === 'string' ? commune : undefined);
  }

  @Get('tong-quan-cap-tren')
  upperLevel(@Visitor() visitor: WebVisitor, @PageLanguage() language: Language, @Query('nam') year?: unknown): Promise<string> {
    return this.web.upperLevelPage(visitor, language, typeof year === 'string' ? year : undefined);
  }
}
