import { Inject, Injectable } from '@nestjs/common';
import type { Language } from '../../../libs/wording/language.js';
import { vietnamYearOf } from '../dashboard/dashboard.mapper.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isUuid } from '../../../libs/domain/input-bounds.js';
import { cellRecordPage } from './pages/cell-record.page.js';
import { dashboardPage } from './pages/dashboard.page.js';
import { upperLevelPage } from './pages/upper-level.page.js';
import { officeOf } from './web-cells.service.js';
import type { WebVisitor } from './web-sessions.service.js';
import { personOf } from './web.service.js';

/** The years a page may ask for: what the JSON API's DashboardQuery accepts, and never beyond this year. */
const FIRST_YEAR = 2000;

/**
 * The committee office's overview and a cell's record (issue 18), read through the same DashboardService and
 * access rule as GET /api/committees/:id/dashboard: the office sees its own committee's (officeOf); an upper
 * level (overseer) the commune its address names (?dang-uy=), when the commune is under it, and its own overview of
 * every commune; a secretary or the admin is refused in words, a commune or cell not theirs is not found.
 */
@Injectable()
export class WebDashboardService {
  constructor(@Inject(DashboardService) private readonly dashboard: DashboardService) {}

  async dashboardPage(visitor: WebVisitor, language: Language, year?: string, commune?: string): Promise<string> {
    const committeeId = committeeOf(visitor, commune);
    const nowMs = Date.now();
    const currentYear = vietnamYearOf(nowMs);
    const view = await this.dashboard.committee(visitor.user, committeeId, shownYear(year, currentYear), nowMs);
    return dashboardPage(language, personOf(visitor), view, currentYear);
  }

  async cellRecordPage(visitor: WebVisitor, cellId: string, language: Language, commune?: string): Promise<string> {
    const committeeId = committeeOf(visitor, commune);
    return cellRecordPage(language, personOf(visitor), await this.dashboard.cell(visitor.user, committeeId, cellId));
  }

  /** An upper level's own overview: every commune under its district or province. */
  async upperLevelPage(visitor: WebVisitor, language: Language, year?: string): Promise<string> {
    if (visitor.user.role !== 'overseer' || !visitor.user.areaId) throw new DomainError('ROLE_NOT_ALLOWED');
    const nowMs = Date.now();
    const currentYear = vietnamYearOf(nowMs);
    const view = await this.dashboard.area(visitor.user, visitor.user.areaId, shownYear(year, currentYear), nowMs);
    return upperLevelPage(language, personOf(visitor), view, currentYear);
  }
}

/** ?nam=: another year; anything that is not a year from 2000 to this one shows this year. */
function shownYear(year: string | undefined, currentYear: number): number {
  const asked = year !== undefined && /^\d{4}$/.test(year) ? Number(year) : currentYear;
  return asked >= FIRST_YEAR && asked <= currentYear ? asked : currentYear;
}

/** The office's own committee; for an upper level the commune the address names (whether it is under it, the dashboard decides). */
function committeeOf(visitor: WebVisitor, commune: string | undefined): string {
  if (visitor.user.role !== 'overseer') return officeOf(visitor);
  if (!isUuid(commune)) throw new DomainError('NOT_FOUND');
  return commune.toLowerCase();
}
