import { Inject, Injectable } from '@nestjs/common';
import { isUuid } from '../../../libs/domain/input-bounds.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Language } from '../../../libs/wording/language.js';
import { vietnamYearOf } from '../dashboard/dashboard.mapper.js';
import { QUARTERS } from '../year-report/year-report.mapper.js';
import { YearReportService, type ReportFile, type ReportPeriodQuery } from '../year-report/year-report.service.js';
import { yearReportPage } from './pages/year-report.page.js';
import type { WebVisitor } from './web-sessions.service.js';
import { personOf } from './web.service.js';

/** The years the page may ask for: what the JSON API accepts, and never beyond this year. */
const FIRST_YEAR = 2000;

/** What the page's address says: ?nam=2026&quy=1, and for the admin &dang-uy=<committee>. */
export interface ReportAddress {
  year?: string;
  quarter?: string;
  committee?: string;
}

/**
 * The year report's page and files (issue 18) for a browser, through the same YearReportService, and so the same
 * access rule, as GET /api/committees/:id/year-report: the office reports on its own committee; the admin names
 * one (?dang-uy=, linked from its committee page), and so does an upper level (linked from a commune's overview);
 * a secretary or a guest is refused in words.
 */
@Injectable()
export class WebYearReportService {
  constructor(@Inject(YearReportService) private readonly reports: YearReportService) {}

  async page(visitor: WebVisitor, language: Language, address: ReportAddress): Promise<string> {
    const committeeId = reportCommitteeOf(visitor, address.committee);
    const nowMs = Date.now();
    const currentYear = vietnamYearOf(nowMs);
    const view = await this.reports.report(visitor.user, committeeId, periodOf(address, currentYear), nowMs);
    return yearReportPage(language, personOf(visitor), view, {
      currentYear,
      committeeParam: visitor.user.role === 'admin' || visitor.user.role === 'overseer' ? committeeId : null,
      linkCells: visitor.user.role === 'committee',
      linkCycles: visitor.user.role !== 'overseer',
    });
  }

  file(visitor: WebVisitor, format: 'xlsx' | 'docx' | 'pdf', address: ReportAddress): Promise<ReportFile> {
    const committeeId = reportCommitteeOf(visitor, address.committee);
    const period = periodOf(address, vietnamYearOf(Date.now()));
    return this.reports[format](visitor.user, committeeId, period);
  }
}

/**
 * The committee the report is of: the office's own; the one the admin or an upper level names (whether the commune is
 * under the upper level, the dashboard's rule decides); nobody else has the page.
 */
function reportCommitteeOf(visitor: WebVisitor, named: string | undefined): string {
  const { user } = visitor;
  if (user.role === 'committee' && user.committeeId) return user.committeeId;
  if (user.role !== 'admin' && user.role !== 'overseer') throw new DomainError('ROLE_NOT_ALLOWED');
  if (!isUuid(named)) throw new DomainError('NOT_FOUND');
  return named.toLowerCase();
}

/** ?nam= from 2000 to this year (anything else: this year), ?quy= 1 to 4 (anything else: the whole year). */
function periodOf(address: ReportAddress, currentYear: number): ReportPeriodQuery {
  const asked = address.year !== undefined && /^\d{4}$/.test(address.year) ? Number(address.year) : currentYear;
  const quarter = QUARTERS.find((candidate) => address.quarter === String(candidate)) ?? null;
  return { year: asked >= FIRST_YEAR && asked <= currentYear ? asked : currentYear, quarter };
}
