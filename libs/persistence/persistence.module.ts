import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createDataSource } from './data-source.js';
import { AuditTrailRepository } from './repositories/audit-trail.js';
import { CycleFollowUpRepository } from './repositories/cycle-follow-up.repository.js';
import { CycleReadsRepository } from './repositories/cycle-reads.repository.js';
import { DatabaseProbe } from './repositories/database-probe.js';
import { IdempotencyRepository } from './repositories/idempotency.repository.js';
import { NotificationsRepository } from './repositories/notifications.repository.js';
import { OrganisationRepository } from './repositories/organisation.repository.js';
import { TasksRepository } from './repositories/tasks.repository.js';
import { UsersRepository } from './repositories/users.repository.js';
import { WebSessionsRepository } from './repositories/web-sessions.repository.js';
import { CommitteeChannelsRepository } from './repositories/committee-channels.repository.js';
import { DeliveryOutcomesRepository } from './repositories/delivery-outcomes.repository.js';
import { DashboardRepository } from './repositories/dashboard.repository.js';
import { AreasRepository } from './repositories/areas.repository.js';

/** Where each table's SQL lives: services ask these, never the DataSource. */
const REPOSITORIES = [
  CycleReadsRepository,
  CycleFollowUpRepository,
  OrganisationRepository,
  UsersRepository,
  TasksRepository,
  NotificationsRepository,
  IdempotencyRepository,
  DatabaseProbe,
  AuditTrailRepository,
  WebSessionsRepository,
  CommitteeChannelsRepository,
  DeliveryOutcomesRepository,
  DashboardRepository,
  AreasRepository,
];

/** One TypeORM DataSource per process, connected at start-up and closed on shutdown, and the repositories over it. */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const dataSource = createDataSource({
          url: config.database.url,
          poolSize: config.database.poolSize,
          applicationName: config.database.applicationName ?? 'chi-bo-diem',
        });
        return dataSource.initialize();
      },
    },
    ...REPOSITORIES,
  ],
  exports: [DataSource, ...REPOSITORIES],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
