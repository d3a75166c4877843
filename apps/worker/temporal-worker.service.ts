import { setFlagsFromString } from 'node:v8';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createActivities } from '../../activities/index.js';
import { createChannelAdapters, type ChannelAdapters } from '../../activities/notification-delivery/channel-adapters.js';
import type { AppConfig } from '../../libs/config/app-config.js';
import { APP_CONFIG } from '../../libs/config/config.module.js';
import { ACTION_ITEM_FOLLOW_UP_WORKFLOW_TYPE, actionItemFollowUpWorkflowId } from '../../libs/temporal/temporal.constants.js';
import { connectionOptionsOf } from '../../libs/temporal/connection-options.js';
import { dataConverterOf } from '../../libs/temporal/data-converter.js';
import { workflowSource } from '../../libs/temporal/workflow-source.js';
import { deliveryTaskQueueOf } from '../../workflows/notification-delivery/notification-delivery.contract.js';
import { NotificationDispatcher } from './notification-dispatcher.js';

let runtimeInstalled = false;

/** How long past the grace time the worker waits before it gives up the activities still running. */
const SHUTDOWN_FORCE_MARGIN_MS = 300;

/**
 * Each workflow thread the SDK starts is a V8 isolate of its own, given a server's young generation (16 MB
 * semi-spaces) unless told otherwise. A workflow task allocates little, so 2 MB ones keep the cycles' thread's
 * heap at 41 MB instead of 72–81 (worker RSS 343 MB instead of 365 with 1,000 cycles open). V8 reads the flag when
 * an isolate is made: set before the workers start their threads, it reaches them and not this thread's heap
 * (which gets the same size from the process's launch flags, scripts/lib/node-flags.mjs).
 */
const WORKFLOW_THREAD_SEMI_SPACE_MB = 2;

/** Runs the Temporal worker for the life of the Nest context and drains it on shutdown. */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private connection?: NativeConnection;
  private workers: Worker[] = [];
  private running: Promise<void>[] = [];
  private stopping = false;
  private channels?: ChannelAdapters;
  private clientConnection?: Connection;
  private dispatcher?: NotificationDispatcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!runtimeInstalled) {
      // Nest owns the signals (enableShutdownHooks); the SDK must not stop the worker behind its back.
      Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
      runtimeInstalled = true;
    }
    const { temporal, notifications } = this.config;
    setFlagsFromString(`--max-semi-space-size=${WORKFLOW_THREAD_SEMI_SPACE_MB}`);
    this.connection = await NativeConnection.connect(connectionOptionsOf(temporal));
    this.channels = createChannelAdapters(notifications, this.dataSource);
    const activities = createActivities(this.dataSource, { taskQueue: temporal.taskQueue, config: notifications, adapters: this.channels.adapters });
    // Both workers run the same workflow code: bundled once here when no prebuilt bundle is given.
    const source = workflowSource(temporal.workflowBundlePath);
    const workflows = 'workflowsPath' in source ? { workflowBundle: await bundleWorkflowCode({ workflowsPath: source.workflowsPath, logger: Runtime.instance().logger }) } : source;
    const common = {
      connection: this.connection,
      namespace: temporal.namespace,
      ...workflows,
      dataConverter: dataConverterOf(temporal, true),
      activities,
      shutdownGraceTime: temporal.workerShutdownGraceMs,
      // A write that does not end within the grace time (a row held by another transaction) would hold the
      // process for as long as it waits: past this, the worker gives it up; its transaction dies with the
      // process's connections and Temporal hands the step to another worker.
      shutdownForceTime: temporal.workerShutdownGraceMs + SHUTDOWN_FORCE_MARGIN_MS,
    };
    this.workers = [
      await Worker.create({
        ...common,
        taskQueue: temporal.taskQueue,
        // Most cycles wait weeks on a timer: an evicted one replays its few hundred events on its next step,
        // which is cheaper than holding every open cycle in memory (about 0.3 MB each).
        maxCachedWorkflows: temporal.workerMaxCachedWorkflows,
      }),
      // Deliveries on their own queue with few slots: a burst of them takes turns there, never ahead of a step.
      await Worker.create({
        ...common,
        taskQueue: deliveryTaskQueueOf(temporal.taskQueue),
        maxConcurrentWorkflowTaskExecutions: 2,
        maxConcurrentActivityTaskExecutions: notifications.workerConcurrency,
        maxCachedWorkflows: 50,
      }),
    ];
    this.running = this.workers.map((worker) =>
      worker.run().catch((error: unknown) => {
        // Past the force time the SDK gives up the activities still running (and says so with an error): a
        // stop that was asked for, not a failure.
        if (this.stopping) {
          this.logger.warn(`Stopped with activities still running after the grace time; Temporal gives them to other workers (${String(error)})`);
          return;
        }
        this.logger.error(`Worker stopped with an error: ${String(error)}`);
        process.exitCode = 1;
        process.kill(process.pid, 'SIGTERM');
      }),
    );
    this.logger.log(`Polling task queue "${temporal.taskQueue}" on ${temporal.address}`);
    this.clientConnection = await Connection.connect(connectionOptionsOf(temporal));
    const client = new Client({ connection: this.clientConnection, namespace: temporal.namespace, dataConverter: dataConverterOf(temporal) });
    await this.startActionItemFollowUp(client);
    this.dispatcher = new NotificationDispatcher(this.dataSource, client, temporal.taskQueue, notifications.dispatchIntervalMs, this.logger);
    this.dispatcher.start();
    this.logger.log(`Channels beyond the inbox: ${Object.keys(this.channels.adapters).join(', ') || 'none configured'}`);
  }

  /** Every worker makes sure the one follow-up sweeper of its task queue runs; the first start wins, the others find it. */
  private async startActionItemFollowUp(client: Client): Promise<void> {
    const { temporal, followUp } = this.config;
    await client.workflow.start(ACTION_ITEM_FOLLOW_UP_WORKFLOW_TYPE, {
      workflowId: actionItemFollowUpWorkflowId(temporal.taskQueue),
      taskQueue: temporal.taskQueue,
      args: [{ intervalMs: followUp.sweepIntervalMs, reminderLeadDays: followUp.reminderLeadDays }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.dispatcher?.stop();
    await this.clientConnection?.close().catch(() => undefined);
    for (const worker of this.workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    await Promise.all(this.running);
    await this.channels?.close();
    // After a forced shutdown the native worker may still hold the connection: the process ends either way.
    await this.connection?.close().catch((error: unknown) => this.logger.warn(`Temporal connection not closed cleanly: ${String(error)}`));
  }
}
