import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../libs/config/app-config.js';
import { ConfigModule } from '../../libs/config/config.module.js';
import { PersistenceModule } from '../../libs/persistence/persistence.module.js';
import { TemporalClientModule } from '../../libs/temporal/temporal-client.module.js';
import { HealthModule } from './health/health.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, TemporalClientModule, HealthModule],
    };
  }
}
