import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../libs/config/app-config.js';
import { closeOnSignals } from '../../libs/config/graceful-shutdown.js';
import { runMain } from '../../libs/config/run-main.js';
import { WorkerModule } from './worker.module.js';

runMain(async () => {
  const config = loadConfig(process.env, 'worker');
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn', 'log'] });
  closeOnSignals(app);
  await app.init();
});
