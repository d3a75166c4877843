import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CommitteesModule } from '../committees/committees.module.js';
import { CyclesModule } from '../cycles/cycles.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TasksModule } from '../tasks/tasks.module.js';
import { UsersModule } from '../users/users.module.js';
import { DeliveriesModule } from '../deliveries/deliveries.module.js';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { YearReportModule } from '../year-report/year-report.module.js';
import { WebChannelsController } from './web-channels.controller.js';
import { WebChannelsService } from './web-channels.service.js';
import { WebAssetsController } from './web-assets.controller.js';
import { WebAdminService } from './web-admin.service.js';
import { WebCellsService } from './web-cells.service.js';
import { WebCommitteeController } from './web-committee.controller.js';
import { WebCommitteeService } from './web-committee.service.js';
import { WebDashboardController } from './web-dashboard.controller.js';
import { WebDashboardService } from './web-dashboard.service.js';
import { WebController } from './web.controller.js';
import { WebDocumentsController } from './web-documents.controller.js';
import { WebFollowUpController } from './web-follow-up.controller.js';
import { WebFollowUpService } from './web-follow-up.service.js';
import { WebFormOnceService } from './web-form-once.service.js';
import { WebOrganisationController } from './web-organisation.controller.js';
import { WebPasswordService } from './web-password.service.js';
import { WebSessionGuard } from './web-session.guard.js';
import { WebSessionsService } from './web-sessions.service.js';
import { WebService } from './web.service.js';
import { WebYearReportController } from './web-year-report.controller.js';
import { WebYearReportService } from './web-year-report.service.js';

@Module({
  imports: [AuthModule, TasksModule, CyclesModule, NotificationsModule, CommitteesModule, UsersModule, DocumentsModule, DeliveriesModule, DashboardModule, YearReportModule],
  controllers: [WebController, WebCommitteeController, WebFollowUpController, WebOrganisationController, WebAssetsController, WebDocumentsController, WebChannelsController, WebDashboardController, WebYearReportController],
  providers: [
    WebService,
    WebSessionsService,
    WebSessionGuard,
    WebCommitteeService,
    WebFollowUpService,
    WebFormOnceService,
    WebCellsService,
    WebAdminService,
    WebPasswordService,
    WebChannelsService,
    WebDashboardService,
    WebYearReportService,
  ],
})
export class WebModule {}
