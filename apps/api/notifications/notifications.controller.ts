import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { PageQuery } from '../common/page.query.js';
import { NotificationsService } from './notifications.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { NotificationResponse } from './notification.response.js';

@ApiTags('me')
@ApiBearerAuth()
@Controller('me')
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @ApiOperation({ summary: 'Hộp thông báo của tôi' })
  @ApiOkResponse({ type: [NotificationResponse] })
  @ApiRefusals(400, 401, 403)
  inbox(@CurrentUser() caller: AuthUser, @Query() page: PageQuery) {
    return this.notifications.inbox(caller, page);
  }
}
