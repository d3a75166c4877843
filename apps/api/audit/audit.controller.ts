import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OFFICE_ROLES } from '../../../libs/domain/cycle-policy.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { ApiRefusals } from '../common/error.response.js';
import { AuditQuery } from './audit.query.js';
import { AuditEventResponse } from './audit.response.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  @Get()
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Nhật ký thay đổi tổ chức: ai, khi nào, thay đổi gì, trước và sau, mới nhất trước' })
  @ApiOkResponse({ type: [AuditEventResponse] })
  @ApiRefusals(400, 401, 403, 404)
  read(@CurrentUser() caller: AuthUser, @Query() query: AuditQuery) {
    return this.audit.read(caller, query);
  }
}
