import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OFFICE_ROLES } from '../../../libs/domain/cycle-policy.js';
import { CommitteeIdParams } from '../committees/committee-id.params.js';
import { AddRubricDto } from './add-rubric.dto.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQuery } from '../common/page.query.js';
import { RubricsService } from './rubrics.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { RubricResponse } from './rubric.response.js';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller()
export class RubricsController {
  constructor(@Inject(RubricsService) private readonly rubrics: RubricsService) {}

  @Get('rubrics')
  @Roles('admin', 'committee', 'secretary', 'guest')
  @ApiOperation({ summary: 'Các phiếu chấm điểm (có phiên bản)' })
  @ApiOkResponse({ type: [RubricResponse] })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.rubrics.list(caller, page);
  }

  @Post('committees/:committeeId/rubrics')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Đảng ủy lập phiên bản phiếu chấm điểm của mình (từ phiếu mẫu hoặc phiên bản trước); đợt đã khởi tạo giữ phiên bản cũ' })
  @ApiCreatedResponse({ type: RubricResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  addVersion(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Body() dto: AddRubricDto) {
    return this.rubrics.addVersion(caller, params.committeeId, dto);
  }
}
