import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQuery } from '../common/page.query.js';
import { RubricsService } from './rubrics.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { RubricResponse } from './rubric.response.js';

@ApiTags('rubrics')
@ApiBearerAuth()
@Controller('rubrics')
export class RubricsController {
  constructor(@Inject(RubricsService) private readonly rubrics: RubricsService) {}

  @Get()
  @Roles('admin', 'committee', 'secretary', 'guest')
  @ApiOperation({ summary: 'Các phiếu chấm điểm (có phiên bản)' })
  @ApiOkResponse({ type: [RubricResponse] })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.rubrics.list(caller, page);
  }
}
