import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { outcomeOfStep } from '../../../libs/persistence/repositories/cycle-timeline.js';
import { StepRecordSignals } from '../../../libs/persistence/step-record-signals.js';
import { CycleWorkflowGateway } from './cycle-workflow.gateway.js';
import { StepRateLimitGuard } from '../common/step-rate-limit.guard.js';
import { CycleFollowUpService } from './cycle-follow-up.service.js';
import { CycleReadsService } from './cycle-reads.service.js';
import { CyclesController } from './cycles.controller.js';
import { CYCLE_WORKFLOW_GATEWAY, CyclesService } from './cycles.service.js';

@Module({
  controllers: [CyclesController],
  providers: [
    StepRateLimitGuard,
    CyclesService,
    CycleReadsService,
    CycleFollowUpService,
    {
      provide: CYCLE_WORKFLOW_GATEWAY,
      inject: [Client, APP_CONFIG, DataSource, StepRecordSignals],
      useFactory: (client: Client, config: AppConfig, dataSource: DataSource, signals: StepRecordSignals) =>
        new CycleWorkflowGateway(
          client,
          config.temporal.taskQueue,
          config.temporal.updateTimeoutMs,
          (cycleId, stepId) => outcomeOfStep(dataSource.manager, cycleId, stepId),
          signals,
        ),
    },
    {
      provide: StepRecordSignals,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const signals = new StepRecordSignals(config.database.url, config.database.applicationName ?? 'chi-bo-diem');
        await signals.start();
        return signals;
      },
    },
  ],
  exports: [CyclesService, CycleReadsService, CycleFollowUpService],
})
export class CyclesModule implements OnApplicationShutdown {
  constructor(@Inject(StepRecordSignals) private readonly signals: StepRecordSignals) {}

  async onApplicationShutdown(): Promise<void> {
    await this.signals.close();
  }
}
