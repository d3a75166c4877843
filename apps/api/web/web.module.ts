import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { WebAssetsController } from './web-assets.controller.js';
import { WebCommitteeController } from './web-committee.controller.js';
import { WebCommitteeService } from './web-committee.service.js';
import { WebController } from './web.controller.js';
import { WebFollowUpController } from './web-follow-up.controller.js';
import { WebFollowUpService } from './web-follow-up.service.js';
import { WebSessionGuard } from './web-session.guard.js';
import { WebSessionsService } from './web-sessions.service.js';
import { WebService } from './web.service.js';

@Module({
  imports: [AuthModule, TasksModule, CyclesModule, NotificationsModule],
  controllers: [WebController, WebCommitteeController, WebFollowUpController, WebAssetsController],
  providers: [WebService, WebSessionsService, WebSessionGuard, WebCommitteeService, WebFollowUpService],
})
export class WebModule {}
