import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogEntry } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../../activities/index.js';
import { loadConfig, type AppConfig } from '../../libs/config/app-config.js';
import { createDataSource } from '../../libs/persistence/data-source.js';
import { outcomeOfStep } from '../../libs/persistence/repositories/cycle-timeline.js';
import { CycleWorkflowGateway } from '../../apps/api/cycles/cycle-workflow.gateway.js';
import { dataConverterOf } from '../../libs/temporal/data-converter.js';
import { workflowSource } from '../../libs/temporal/workflow-source.js';

export const TEST_JWT_SECRET = 'test-only-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
/** Seals the suites' payloads: 32 bytes, base64, for tests only. */
export const TEST_PAYLOAD_KEY = Buffer.from('test-only-payload-key-32-bytes!!').toString('base64');

/** Settings for one suite: the real servers npm test provides, and a task queue of the suite's own. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  if (!process.env.TEST_DATABASE_URL || !process.env.TEST_TEMPORAL_ADDRESS) {
    throw new Error('The end-to-end suites need a real Temporal and PostgreSQL: run them with `npm test`, which provides both.');
  }
  return loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    TEMPORAL_ADDRESS: process.env.TEST_TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    JWT_SECRET: TEST_JWT_SECRET,
    PAYLOAD_KEY: TEST_PAYLOAD_KEY,
    DATABASE_POOL_SIZE: '5',
    ...overrides,
  });
}

export interface WorkerStack {
  config: AppConfig;
  dataSource: DataSource;
  client: Client;
  gateway: CycleWorkflowGateway;
  stop(): Promise<void>;
}

/** A worker in this process (workflows bundled from the TypeScript source), a client, and a database connection. */
export async function startWorkerStack(config = testConfig()): Promise<WorkerStack> {
  quietTemporalRuntime();
  const dataSource = await createDataSource({ url: config.database.url, poolSize: 5, applicationName: 'test' }).initialize();
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: config.temporal.address }),
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...workflowSource(),
    dataConverter: dataConverterOf(config.temporal, true),
    activities: createActivities(dataSource),
    shutdownGraceTime: 2000,
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: dataConverterOf(config.temporal) });
  const gateway = new CycleWorkflowGateway(client, config.temporal.taskQueue, config.temporal.updateTimeoutMs, (cycleId, stepId) =>
    outcomeOfStep(dataSource.manager, cycleId, stepId),
  );
  return {
    config,
    dataSource,
    client,
    gateway,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await dataSource.destroy();
    },
  };
}

let runtimeQuieted = false;

/** What workflows and activities of this jest worker logged at WARN or above, for suites that check a failure is logged. */
export const runtimeLog: LogEntry[] = [];

/** The SDK logs every bundle and state change at INFO; suites only want warnings. Once per process. */
export function quietTemporalRuntime(): void {
  if (runtimeQuieted) return;
  runtimeQuieted = true;
  try {
    const print = new DefaultLogger('WARN');
    Runtime.install({
      logger: new DefaultLogger('WARN', (entry) => {
        runtimeLog.push(entry);
        print.log(entry.level, entry.message, entry.meta);
      }),
    });
  } catch {
    // Already installed by an earlier suite in this jest worker: its settings stay.
  }
}
