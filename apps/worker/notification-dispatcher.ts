import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import {
  NOTIFICATION_DELIVERY_WORKFLOW_TYPE,
  notificationDeliveryWorkflowId,
  type NotificationDeliveryInput,
} from '../../workflows/notification-delivery/notification-delivery.contract.js';

/** How many notifications one pass takes; the rest wait for the next pass, a moment later. */
const BATCH = 200;
/** Starts in flight at once: enough to keep the round trips to Temporal overlapping, few enough for one frontend. */
const PARALLEL_STARTS = 20;

export interface DispatcherLog {
  warn(message: string): void;
}

/**
 * The outbox's reader (architecture.md: the notification row is the outbox). The activity that writes a
 * step writes its inbox rows in the same transaction and returns; this loop, off the step's path, starts one
 * delivery workflow per new row of its task queue and marks the row dispatched in one transaction. Rows are
 * taken with SKIP LOCKED, so several workers share the work; a start repeated after a crash finds the
 * workflow by its id and starts nothing twice. Only people with an email or a phone get a workflow: the others
 * are marked at once, and the delivery report explains that they have no address.
 */
export class NotificationDispatcher {
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly intervalMs: number,
    private readonly log: DispatcherLog,
  ) {}

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.pass = this.dispatchPending()
        .then((taken) => {
          if (this.failing) this.log.warn('Notification delivery dispatch works again');
          this.failing = false;
          // A full batch means more are waiting: take them at once.
          this.schedule(taken === BATCH ? 0 : this.intervalMs);
        })
        .catch((error: unknown) => {
          if (!this.failing) this.log.warn(`Notification delivery dispatch failed; retrying every ${this.intervalMs} ms: ${String(error)}`);
          this.failing = true;
          this.schedule(this.intervalMs);
        });
    }, delayMs);
  }

  /** One pass: the notifications taken, started and marked. */
  async dispatchPending(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await manager.query<{ id: string; reachable: boolean }[]>(
        `SELECT n.id, (u.email IS NOT NULL OR u.phone IS NOT NULL) AS reachable
           FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.dispatched_at IS NULL AND n.delivery_queue = $1
          ORDER BY n.created_at LIMIT ${BATCH} FOR UPDATE OF n SKIP LOCKED`,
        [this.taskQueue],
      );
      const reachable = pending.filter((row) => row.reachable).map((row) => row.id);
      for (let from = 0; from < reachable.length; from += PARALLEL_STARTS) {
        await Promise.all(reachable.slice(from, from + PARALLEL_STARTS).map((id) => this.startDelivery(id)));
      }
      if (pending.length > 0) {
        await manager.query(`UPDATE notifications SET dispatched_at = now() WHERE id = ANY($1::uuid[])`, [pending.map((row) => row.id)]);
      }
      return pending.length;
    });
  }

  private async startDelivery(notificationId: string): Promise<void> {
    const input: NotificationDeliveryInput = { notificationId };
    try {
      await this.client.workflow.start(NOTIFICATION_DELIVERY_WORKFLOW_TYPE, {
        workflowId: notificationDeliveryWorkflowId(notificationId),
        taskQueue: this.taskQueue,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    } catch (error) {
      // Started by an earlier pass that did not get to mark its rows: nothing to do twice.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
