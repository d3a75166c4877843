import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OFFICE_ROLES, rolesFor } from '../../../libs/domain/cycle-policy.js';
import type { Language } from '../../../libs/wording/language.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CommitteeIdParams } from '../committees/committee-id.params.js';
import { ApiRefusals } from '../common/error.response.js';
import { PageQuery } from '../common/page.query.js';
import { RequestLanguage } from '../common/request-language.decorator.js';
import { CycleIdParams } from '../cycles/dto/cycle-id.params.js';
import { DeliveriesService } from './deliveries.service.js';
import { DeliveryReportItemResponse, UnreachedItemResponse } from './delivery.response.js';
import { UnreachedQuery } from './unreached.query.js';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller()
export class DeliveriesController {
  constructor(@Inject(DeliveriesService) private readonly deliveries: DeliveriesService) {}

  @Get('cycles/:id/deliveries')
  @Roles(...rolesFor('viewDeliveries'))
  @ApiOperation({ summary: 'Tình hình gửi thông báo của đợt sinh hoạt: từng thông báo, từng người, từng kênh (mới nhất trước)' })
  @ApiOkResponse({ type: [DeliveryReportItemResponse] })
  @ApiRefusals(400, 401, 403, 404)
  ofCycle(@CurrentUser() caller: AuthUser, @Param() params: CycleIdParams, @Query() page: PageQuery, @RequestLanguage() language: Language) {
    return this.deliveries.ofCycle(caller, params.id, page, language);
  }

  @Get('committees/:committeeId/unreached')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Các thông báo chưa đến được người nhận qua kênh nào (chưa đọc, không gửi được), mới nhất trước, kèm lý do của từng kênh' })
  @ApiOkResponse({ type: [UnreachedItemResponse] })
  @ApiRefusals(400, 401, 403, 404)
  unreached(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() query: UnreachedQuery, @RequestLanguage() language: Language) {
    return this.deliveries.unreached(caller, params.committeeId, query, language);
  }
}
