import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../libs/config/app-config.js';
import { ConfigModule } from '../../libs/config/config.module.js';
import { PersistenceModule } from '../../libs/persistence/persistence.module.js';
import { TemporalWorkerService } from './temporal-worker.service.js';

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule],
      providers: [TemporalWorkerService],
    };
  }
}
