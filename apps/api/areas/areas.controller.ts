import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AREA_ROLES } from '../../../libs/domain/cycle-policy.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiRefusals } from '../common/error.response.js';
import { PageQuery } from '../common/page.query.js';
import { AreaDashboardResponse } from '../dashboard/area-dashboard.response.js';
import { DashboardQuery } from '../dashboard/dashboard.query.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { AreaIdParams } from './area-id.params.js';
import { AreaResponse } from './area.response.js';
import { AreasService } from './areas.service.js';
import { CreateAreaDto } from './create-area.dto.js';

@ApiTags('areas')
@ApiBearerAuth()
@Controller('areas')
export class AreasController {
  constructor(
    @Inject(AreasService) private readonly areas: AreasService,
    @Inject(DashboardService) private readonly figures: DashboardService,
  ) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Tạo tỉnh (Tỉnh ủy) hoặc huyện (Huyện ủy) trực thuộc một tỉnh (quản trị)' })
  @ApiCreatedResponse({ type: AreaResponse })
  @ApiRefusals(400, 401, 403)
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateAreaDto) {
    return this.areas.create(caller, dto);
  }

  @Get()
  @Roles(...AREA_ROLES)
  @ApiOperation({ summary: 'Các tỉnh, huyện: quản trị xem tất cả; tài khoản cấp trên xem đơn vị của mình và các huyện trực thuộc' })
  @ApiOkResponse({ type: [AreaResponse] })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.areas.list(caller, page);
  }

  @Get(':areaId/dashboard')
  @Roles(...AREA_ROLES)
  @ApiOperation({ summary: 'Tổng quan của cấp trên: số liệu chính của từng Đảng bộ xã trực thuộc, đặt cạnh nhau, và tổng cộng' })
  @ApiOkResponse({ type: AreaDashboardResponse })
  @ApiRefusals(400, 401, 403, 404)
  dashboard(@CurrentUser() caller: AuthUser, @Param() params: AreaIdParams, @Query() query: DashboardQuery) {
    return this.figures.area(caller, params.areaId, query.year);
  }
}
