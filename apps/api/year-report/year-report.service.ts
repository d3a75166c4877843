import { Inject, Injectable } from '@nestjs/common';
import { buildYearReport, reportTitle } from '../../../libs/documents/builders/year-report.document.js';
import { renderDocx } from '../../../libs/documents/render-docx.js';
import { renderPdf } from '../../../libs/documents/render-pdf.js';
import { vietnamDate } from '../../../libs/domain/input-bounds.js';
import { DashboardRepository } from '../../../libs/persistence/repositories/dashboard.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { CONTENT_TYPES } from '../documents/document-file-names.js';
import { toYearReport, vietnamPeriodBounds, type Quarter, type YearReportView } from './year-report.mapper.js';
import { yearReportWorkbook } from './year-report.workbook.js';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An export, ready to send. */
export interface ReportFile {
  bytes: Buffer;
  contentType: string;
  /** The Vietnamese name the browser saves it under, with its extension. */
  fileName: string;
}

/** The period asked for: a year, and a quarter of it or none (the whole year). */
export interface ReportPeriodQuery {
  year: number;
  quarter?: Quarter | null;
}

/**
 * The committee's report on a year or a quarter of model meetings (issue 18), as JSON, as an Excel workbook and as
 * a Party paper in Word. The access rule is the dashboard's (DashboardService.visibleCommittee): the office of the
 * committee and the admin; another committee's staff are told it does not exist. Read from PostgreSQL on each
 * request: the figures (and what is overdue) are as of the moment they are asked for.
 */
@Injectable()
export class YearReportService {
  constructor(
    @Inject(DashboardService) private readonly dashboard: DashboardService,
    @Inject(DashboardRepository) private readonly figures: DashboardRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
  ) {}

  async report(caller: AuthUser, committeeId: string, period: ReportPeriodQuery, nowMs = Date.now()): Promise<YearReportView> {
    const committeeName = await this.dashboard.visibleCommittee(caller, committeeId);
    const quarter = period.quarter ?? null;
    const { from, to } = vietnamPeriodBounds(period.year, quarter);
    const [meetings, meetingTallies, cellTallies, actionItems, cells] = await Promise.all([
      this.figures.meetingsBetween(committeeId, from, to),
      this.figures.meetingTallies(committeeId, from, to),
      this.figures.cellTallies(committeeId, from, to),
      this.figures.actionItemTallies(committeeId, from, to, vietnamDate(nowMs)),
      this.organisation.cellsOf(committeeId, { take: 10_000, skip: 0 }),
    ]);
    return toYearReport({ committeeId, committeeName, year: period.year, quarter, from, to, now: new Date(nowMs), meetings, meetingTallies, cellTallies, actionItems, cells });
  }

  async xlsx(caller: AuthUser, committeeId: string, period: ReportPeriodQuery): Promise<ReportFile> {
    const report = await this.report(caller, committeeId, period);
    return { bytes: await yearReportWorkbook(report), contentType: XLSX_CONTENT_TYPE, fileName: fileNameOf(report, 'xlsx') };
  }

  async docx(caller: AuthUser, committeeId: string, period: ReportPeriodQuery): Promise<ReportFile> {
    const report = await this.report(caller, committeeId, period);
    return { bytes: await renderDocx(buildYearReport(report)), contentType: CONTENT_TYPES.docx, fileName: fileNameOf(report, 'docx') };
  }

  /** The same Party paper as the DOCX, to print as it is (documents.md: every document exists as both). */
  async pdf(caller: AuthUser, committeeId: string, period: ReportPeriodQuery): Promise<ReportFile> {
    const report = await this.report(caller, committeeId, period);
    return { bytes: await renderPdf(buildYearReport(report)), contentType: CONTENT_TYPES.pdf, fileName: fileNameOf(report, 'pdf') };
  }
}

/** "Báo cáo kết quả sinh hoạt chi bộ điểm quý I năm 2026 - Đảng ủy xã Na Hối.xlsx". */
function fileNameOf(report: YearReportView, extension: string): string {
  return `${reportTitle(report.year, report.quarter)} - ${report.committeeName}.${extension}`;
}
