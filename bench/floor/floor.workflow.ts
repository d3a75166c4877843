/**
 * The floor for `npm run bench`: a bare workflow doing the same sequence of Temporal operations as one
 * modelMeeting cycle (an update-with-start whose launch record is one activity, then one update per step,
 * each running one no-op activity, and the same timers started and cancelled at the same steps), with no
 * validation, no state rules and no database. The bench drives it with a plain Temporal client.
 *
 * As modelMeeting does since its patch answer-before-record, a step's update answers as soon as its activity
 * is scheduled (one workflow task), and the activities run one after another in step order; the launch
 * still waits for its activity. The floor's client does not wait for the activity: ours waits for its record.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

/** What the timer does at this step, mirroring modelMeeting's pendingTimers for the benchmarked cycle. */
export type FloorTimerChange = 'keep' | 'none' | 'restart' | 'close';

export interface FloorStep {
  timer: FloorTimerChange;
  /** The same envelope the API sends to modelMeeting, so payloads (and history bytes) are alike. */
  envelope: unknown;
}

export interface FloorInput {
  cycleId: string;
  /** Long enough never to fire during a run, as the bench's critique and report windows are. */
  timerMs: number;
  launch: unknown;
}

export interface FloorResult {
  seq: number;
}

export interface FloorActivities {
  noop(payload: unknown): Promise<void>;
}

/** The update names of modelMeeting that the bench's cycle uses (launch is separate: it takes no argument). */
export const FLOOR_STEP_NAMES = ['postPlan', 'rsvp', 'recordMeeting', 'submitCritique', 'fileReport', 'review'] as const;

const { noop } = proxyActivities<FloorActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

export async function floorCycle(input: FloorInput): Promise<{ steps: number }> {
  let seq = 1;
  let open = true;
  // A timer is pending from launch on (modelMeeting's plan-overdue timer); 0 means no timer.
  let timerGeneration = 1;
  const launched = noop(input.launch);

  let written: Promise<unknown> = launched;

  setHandler(defineUpdate<FloorResult, []>('launch'), async () => {
    await launched;
    return { seq: 1 };
  });
  for (const name of FLOOR_STEP_NAMES) {
    setHandler(defineUpdate<FloorResult, [FloorStep]>(name), async (step) => {
      seq += 1;
      const mine = seq;
      if (step.timer === 'none') timerGeneration = 0;
      else if (step.timer === 'restart') timerGeneration = mine + 1;
      else if (step.timer === 'close') open = false;
      written = written.then(() => noop(step.envelope));
      return { seq: mine };
    });
  }

  await launched;
  while (open) {
    const generation = timerGeneration;
    const changed = () => !open || timerGeneration !== generation;
    if (generation === 0) {
      await condition(changed);
      continue;
    }
    if (await condition(changed, input.timerMs)) continue;
    // The timer fired (never in a bench run): like a reminder, one record, then no timer until the next change.
    timerGeneration = 0;
    await noop({ timer: generation });
  }
  await written;
  await condition(allHandlersFinished);
  return { steps: seq };
}
