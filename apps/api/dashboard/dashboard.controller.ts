import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FIGURES_ROLES } from '../../../libs/domain/cycle-policy.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CommitteeIdParams } from '../committees/committee-id.params.js';
import { ApiRefusals } from '../common/error.response.js';
import { CommitteeCellParams } from '../users/user-id.params.js';
import { CellRecordResponse, CommitteeDashboardResponse } from './dashboard.response.js';
import { DashboardQuery } from './dashboard.query.js';
import { DashboardService } from './dashboard.service.js';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('committees')
export class DashboardController {
  constructor(@Inject(DashboardService) private readonly dashboard: DashboardService) {}

  @Get(':committeeId/dashboard')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({ summary: 'Tổng quan của Đảng ủy: các đợt theo giai đoạn, việc quá hạn và của ai, các buổi sinh hoạt chi bộ điểm trong năm và xếp loại' })
  @ApiOkResponse({ type: CommitteeDashboardResponse })
  @ApiRefusals(400, 401, 403, 404)
  committee(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: DashboardQuery) {
    return this.dashboard.committee(caller, params.committeeId, query.year);
  }

  @Get(':committeeId/cells/:cellId/dashboard')
  @Roles(...FIGURES_ROLES)
  @ApiOperation({ summary: 'Tình hình của một chi bộ: các lần làm chi bộ điểm và xếp loại, dự sinh hoạt và gửi nhận xét đúng hạn, việc đã cam kết chưa hoàn thành' })
  @ApiOkResponse({ type: CellRecordResponse })
  @ApiRefusals(400, 401, 403, 404)
  cell(@CurrentUser() caller: AuthUser, @Param() params: CommitteeCellParams) {
    return this.dashboard.cell(caller, params.committeeId, params.cellId);
  }
}
