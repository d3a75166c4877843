import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '../../../libs/wording/language.js';
import { vietnamYearOf } from '../dashboard/dashboard.mapper.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { cellRecordPage } from './pages/cell-record.page.js';
import { dashboardPage } from './pages/dashboard.page.js';
import { officeOf } from './web-cells.service.js';
import type { WebVisitor } from './web-sessions.service.js';
import { personOf } from './web.service.js';

/** The years a page may ask for: what the JSON API's DashboardQuery accepts, and never beyond this year. */
const FIRST_YEAR = 2000;

/**
 * The committee office's overview and a cell's record (issue 18), read through the same DashboardService and
 * access rule as GET /api/committees/:id/dashboard, for the office's own committee only (officeOf): a secretary
 * or the admin is refused in words, another committee's cell is not found.
 */
@Injectable()
export class WebDashboardService {
  constructor(@Inject(DashboardService) private readonly dashboard: DashboardService) {}

  /** ?nam=: another year; anything that is not a year from 2000 to this one shows this year. */
  async dashboardPage(visitor: WebVisitor, language: Language, year?: string): Promise<string> {
    const committeeId = officeOf(visitor);
    const nowMs = Date.now();
    const currentYear = vietnamYearOf(nowMs);
    const asked = year !== undefined && /^\d{4}$/.test(year) ? Number(year) : currentYear;
    const shown = asked >= FIRST_YEAR && asked <= currentYear ? asked : currentYear;
    const view = await this.dashboard.committee(visitor.user, committeeId, shown, nowMs);
    return dashboardPage(language, personOf(visitor), view, currentYear);
  }

  async cellRecordPage(visitor: WebVisitor, cellId: string, language: Language): Promise<string> {
    const committeeId = officeOf(visitor);
    return cellRecordPage(language, personOf(visitor), await this.dashboard.cell(visitor.user, committeeId, cellId));
  }
}
