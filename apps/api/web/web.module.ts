import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { WebAssetsController } from './web-assets.controller.js';
import { WebController } from './web.controller.js';
import { WebSessionGuard } from './web-session.guard.js';
import { WebSessionsService } from './web-sessions.service.js';
import { WebService } from './web.service.js';

@Module({ imports: [AuthModule, TasksModule, CyclesModule, NotificationsModule], controllers: [WebController, WebAssetsController], providers: [WebService, WebSessionsService, WebSessionGuard] })
export class WebModule {}
