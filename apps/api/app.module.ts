import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { AppConfig } from '../../libs/config/app-config.js';
import { ConfigModule } from '../../libs/config/config.module.js';
import { PersistenceModule } from '../../libs/persistence/persistence.module.js';
import { TemporalClientModule } from '../../libs/temporal/temporal-client.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { CommitteesModule } from './committees/committees.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { CyclesModule } from './cycles/cycles.module.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { AreasModule } from './areas/areas.module.js';
import { DeliveriesModule } from './deliveries/deliveries.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { HealthModule } from './health/health.module.js';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ProviderWebhooksModule } from './provider-webhooks/provider-webhooks.module.js';
import { RubricsModule } from './rubrics/rubrics.module.js';
import { TasksModule } from './tasks/tasks.module.js';
import { UsersModule } from './users/users.module.js';
import { WebModule } from './web/web.module.js';
import { YearReportModule } from './year-report/year-report.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PersistenceModule,
        TemporalClientModule,
        AuthModule,
        HealthModule,
        CommitteesModule,
        UsersModule,
        CyclesModule,
        DocumentsModule,
        TasksModule,
        RubricsModule,
        NotificationsModule,
        AuditModule,
        WebModule,
        ProviderWebhooksModule,
        DeliveriesModule,
        DashboardModule,
        AreasModule,
        YearReportModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
