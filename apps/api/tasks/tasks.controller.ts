import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQuery } from '../common/page.query.js';
import { TasksService } from './tasks.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { TaskResponse } from './task.response.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get('tasks')
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @ApiOperation({ summary: 'Việc của tôi, hạn gần nhất trước' })
  @ApiOkResponse({ type: [TaskResponse] })
  @ApiRefusals(400, 401, 403)
  list(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.tasks.forUser(caller, page);
  }
}
