// The floor's driver: the same cycle as driveApiCycle, sent straight to the bare floorCycle workflow with
// a Temporal client (no HTTP, no database, no validation). Same updates in the same order, same payloads,
// and the timer changes modelMeeting makes for this cycle (see floor.workflow.ts).
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { WithStartWorkflowOperation } from '@temporalio/client';
import {
  acceptInvitationBody,
  acceptReviewBody,
  critiqueBody,
  launchBody,
  meetingBody,
  planBody,
  reportBody,
} from '../../scripts/lib/step-bodies.mjs';
import { BENCH_LAUNCH, BENCH_WINDOW, BENCH_WINDOW_MS } from './api.mjs';

export const FLOOR_WORKFLOW_PREFIX = 'bench-floor-';

export async function driveFloorCycle(client, taskQueue, commune, { record, pauseMs = 0 }) {
  const cycleId = randomUUID();
  const workflowId = `${FLOOR_WORKFLOW_PREFIX}${cycleId}`;
  const [host, ...visitors] = commune.cells;
  const staff = commune.staff.actor;
  const body = launchBody({
    ...BENCH_LAUNCH,
    committeeId: commune.committeeId,
    hostCellId: host.id,
    invitedCellIds: visitors.map((visitor) => visitor.id),
    meetingAt: new Date(Date.now() + 1000).toISOString(),
  });
  // The shape modelMeeting gets at launch (LaunchCycleInput), so the start payload is alike too.
  const launch = {
    ...body,
    cycleId,
    rubric: commune.rubric,
    schedule: {
      critiqueWindowMs: BENCH_WINDOW_MS,
      reportWindowMs: BENCH_WINDOW_MS,
      rsvpReminderLeadMs: 2 * 86_400_000,
      planDueLeadMs: 86_400_000,
      critiqueReminderLeadMs: BENCH_WINDOW_MS / 2,
      reportReminderLeadMs: BENCH_WINDOW_MS / 2,
    },
    critiqueWindow: BENCH_WINDOW,
    reportWindow: BENCH_WINDOW,
    launchedBy: staff.userId,
  };

  let started = performance.now();
  await client.workflow.executeUpdateWithStart('launch', {
    args: [],
    startWorkflowOperation: new WithStartWorkflowOperation('floorCycle', {
      workflowId,
      taskQueue,
      args: [{ cycleId, timerMs: BENCH_WINDOW_MS, launch }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  record('launch', performance.now() - started);

  const handle = client.workflow.getHandle(workflowId);
  const step = async (kind, update, timer, actor, input) => {
    if (pauseMs) await sleep(pauseMs);
    started = performance.now();
    const result = await handle.executeUpdate(update, { args: [{ timer, envelope: { actor, input } }] });
    record(kind, performance.now() - started);
    return result;
  };
  await step('plan', 'postPlan', 'none', host.secretary.actor, planBody());
  for (const [index, visitor] of visitors.entries()) {
    await step('rsvp', 'rsvp', 'keep', visitor.secretary.actor, { cellId: visitor.id, ...acceptInvitationBody({ index }) });
  }
  await step('meeting', 'recordMeeting', 'restart', host.secretary.actor, meetingBody({ attendingCellIds: visitors.map((visitor) => visitor.id) }));
  for (const [index, visitor] of visitors.entries()) {
    const last = index === visitors.length - 1;
    await step('critique', 'submitCritique', last ? 'restart' : 'keep', visitor.secretary.actor, critiqueBody({ index }));
  }
  const pointIds = visitors.map(() => randomUUID());
  await step('report', 'fileReport', 'none', host.secretary.actor, reportBody({ pointIds }));
  await step('review', 'review', 'close', staff, acceptReviewBody());
  return { workflowId, waitMs: 0, timersFired: 0, steps: 2 * visitors.length + 5 };
}
