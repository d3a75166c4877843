/**
 * actionItemFollowUp: one per installation and task queue, running for ever. Each sweep reminds the host
 * cell of its action items due soon and tells it and the committee of those overdue, for cycles that have
 * ended (closed, or cancelled after the report named items); items ticked off or dropped are left alone.
 *
 * Activities: sweepActionItems (idempotent: each reminder is one inbox row per item, kind and person).
 * Timers: one sleep between sweeps. Continues as new every SWEEPS_PER_RUN sweeps, so its history stays short.
 * Invariants: a sweep that fails is retried by Temporal; the next sweep runs only after it.
 */
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { ActionItemActivities } from '../../activities/action-items/action-items.activities.js';

export interface ActionItemFollowUpInput {
  intervalMs: number;
  reminderLeadDays: number;
}

const SWEEPS_PER_RUN = 100;

const { sweepActionItems } = proxyActivities<ActionItemActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

export async function actionItemFollowUp(input: ActionItemFollowUpInput): Promise<void> {
  for (let sweep = 0; sweep < SWEEPS_PER_RUN; sweep += 1) {
    await sweepActionItems({ reminderLeadDays: input.reminderLeadDays });
    await sleep(input.intervalMs);
  }
  await continueAsNew<typeof actionItemFollowUp>(input);
}
