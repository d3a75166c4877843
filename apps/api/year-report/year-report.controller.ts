import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { FIGURES_ROLES } from '../../../libs/domain/cycle-policy.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CommitteeIdParams } from '../committees/committee-id.params.js';
import { ApiRefusals } from '../common/error.response.js';
import { CONTENT_TYPES } from '../documents/document-file-names.js';
import { sendReportFile } from './year-report.reply.js';
import { YearReportQuery } from './year-report.query.js';
import { YearReportResponse } from './year-report.response.js';
import { XLSX_CONTENT_TYPE, YearReportService } from './year-report.service.js';

/** The committee's report on a year or a quarter (issue 18): the figures, and the same as a workbook and as a Party paper. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('committees')
export class YearReportController {
  constructor(@Inject(YearReportService) private readonly reports: YearReportService) {}

  @Get(':committeeId/year-report')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({
    summary: 'Báo cáo năm (hoặc quý) của Đảng ủy: số liệu toàn Đảng bộ, từng buổi sinh hoạt chi bộ điểm và từng chi bộ',
    description:
      'Kỳ theo lịch Việt Nam. Từng chi bộ: số buổi làm chi bộ điểm và xếp loại, số lượt được mời, dự, từ chối, gửi nhận xét, góp ý đúng hạn hay không, ghi nội dung vận dụng bài học kinh nghiệm, việc đã cam kết và việc chưa hoàn thành.',
  })
  @ApiOkResponse({ type: YearReportResponse })
  @ApiRefusals(400, 401, 403, 404)
  report(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: YearReportQuery): Promise<YearReportResponse> {
    return this.reports.report(caller, params.committeeId, query);
  }

  @Get(':committeeId/year-report/export.xlsx')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({ summary: 'Báo cáo năm (hoặc quý) dạng Excel: mỗi bảng một trang tính (tổng hợp, các buổi sinh hoạt, các chi bộ)' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Tệp Excel (XLSX); Content-Disposition kèm tên tiếng Việt (filename*)', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals(400, 401, 403, 404)
  async xlsx(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: YearReportQuery, @Res() response: Response): Promise<void> {
    sendReportFile(response, await this.reports.xlsx(caller, params.committeeId, query));
  }

  @Get(':committeeId/year-report/export.docx')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({ summary: 'Báo cáo năm (hoặc quý) dạng Word theo thể thức văn bản của Đảng (Hướng dẫn 36-HD/VPTW), để sửa trước khi ký' })
  @ApiProduces(CONTENT_TYPES.docx)
  @ApiOkResponse({ description: 'Tệp Word (DOCX); Content-Disposition kèm tên tiếng Việt (filename*)', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals(400, 401, 403, 404)
  async docx(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: YearReportQuery, @Res() response: Response): Promise<void> {
    sendReportFile(response, await this.reports.docx(caller, params.committeeId, query));
  }

  @Get(':committeeId/year-report/export.pdf')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({ summary: 'Báo cáo năm (hoặc quý) dạng PDF, cùng nội dung và thể thức với bản Word, để in' })
  @ApiProduces(CONTENT_TYPES.pdf)
  @ApiOkResponse({ description: 'Tệp PDF; Content-Disposition kèm tên tiếng Việt (filename*)', schema: { type: 'string', format: 'binary' } })
  @ApiRefusals(400, 401, 403, 404)
  async pdf(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: YearReportQuery, @Res() response: Response): Promise<void> {
    sendReportFile(response, await this.reports.pdf(caller, params.committeeId, query));
  }
}
