/**
 * modelMeeting: one durable workflow per cycle (sinh hoạt chi bộ điểm), from launch to CLOSED/CANCELLED.
 *
 * Messages (updates, each with a synchronous validator; names are a wire contract):
 *   launch, pickHost, postPlan, rsvp, reschedule, recordMeeting, submitCritique, fileReport, review, cancel
 *   query: state
 * Activities: recordSteps (recordStep before patch batched-step-records) writes every step; since patch
 *   rank-host-candidates, rankHostCandidates suggests hosts when a cycle is launched without one.
 * Timers (all derived from the state by pendingTimers, so reschedule and revision move them):
 *   RSVP reminder, plan overdue (host reminded, committee alerted), critique reminder and close,
 *   report reminder and overdue escalation. The cycle stays open until the committee acts.
 * Invariants:
 *   - a step is checked in the validator and checked again when its handler runs, then applied in the same
 *     synchronous turn, so two updates racing can never both pass on stale state;
 *   - every accepted step and fired timer is persisted in seq order (recordSteps, in batches during a
 *     burst; recordStep before the batched-step-records patch) before the update returns: a GET right
 *     after shows it, and a retry writes nothing twice;
 *   - a refusal is an ApplicationFailure of type CycleRejection carrying a stable error code.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  setHandler,
  uuid4,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../libs/domain/cycle.js';
import { CYCLE_REJECTION, type Rejection } from '../../libs/domain/error-codes.js';
import type { CycleRecordActivities } from '../../activities/cycle-records/cycle-records.activities.js';
import type { HostCandidateActivities } from '../../activities/host-candidates/host-candidates.activities.js';
import {
  cancelUpdate,
  fileReportUpdate,
  launchUpdate,
  pickHostUpdate,
  postPlanUpdate,
  recordMeetingUpdate,
  rescheduleUpdate,
  reviewUpdate,
  rsvpUpdate,
  stateQuery,
  submitCritiqueUpdate,
} from './model-meeting.messages.js';
import {
  applyCancel,
  applyFileReport,
  applyHostCandidatesRanked,
  applyLaunch,
  applyPickHost,
  applyPostPlan,
  applyRecordMeeting,
  applyReschedule,
  applyReview,
  applyRsvp,
  applySubmitCritique,
  applyTimer,
  checkCancel,
  checkFileReport,
  checkPickHost,
  checkPostPlan,
  checkRecordMeeting,
  checkReschedule,
  checkReview,
  checkRsvp,
  checkSubmitCritique,
  createCycleState,
  isOpen,
  nextTimer,
  type CycleState,
} from './model-meeting.state.js';
import type { LaunchCycleInput, StepEnvelope, StepRecord, StepResult } from './model-meeting.types.js';

const { rankHostCandidates } = proxyActivities<HostCandidateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

const { recordStep, recordSteps } = proxyActivities<CycleRecordActivities>({
  // A write takes milliseconds; a short timeout lets a step whose worker died mid-write be retried soon.
  startToCloseTimeout: '10 seconds',
  // No attempt limit: while PostgreSQL is down the step waits (the API answers 503) and lands once it is back.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** Bounds one activity's input (and so one history event) during a burst of steps. */
const MAX_RECORDS_PER_ACTIVITY = 50;

function refuse(rejection: Rejection | null): void {
  if (rejection) {
    throw ApplicationFailure.create({ type: CYCLE_REJECTION, message: rejection.code, details: [rejection], nonRetryable: true });
  }
}

/** The API validates launches; a malformed start from elsewhere fails the workflow at once instead of retrying forever. */
function requireWellFormed(input: LaunchCycleInput): void {
  const wellFormed =
    typeof input?.cycleId === 'string' &&
    typeof input.committeeId === 'string' &&
    Array.isArray(input.invitedCellIds) &&
    !Number.isNaN(Date.parse(input.meetingAt)) &&
    Array.isArray(input.rubric?.criteria) &&
    typeof input.schedule === 'object' &&
    input.schedule !== null;
  if (!wellFormed) throw ApplicationFailure.nonRetryable('Malformed launch input', 'InvalidLaunchInput');
}

export async function modelMeeting(input: LaunchCycleInput): Promise<{ stage: CycleState['stage'] }> {
  requireWellFormed(input);
  const state = createCycleState(input, Date.now());

  // Steps are written in seq order. Since the batched-step-records patch, the records waiting while one
  // write is under way go together in the next activity, so a burst of steps costs a few activities.
  const batchedRecords = patched('batched-step-records');
  const waiting: { record: StepRecord; written: () => void; failed: (error: unknown) => void }[] = [];
  let writing = false;
  const writeWaiting = async (): Promise<void> => {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting.splice(0, MAX_RECORDS_PER_ACTIVITY);
      try {
        await recordSteps(batch.map((item) => item.record));
        for (const item of batch) item.written();
      } catch (error) {
        for (const item of batch) item.failed(error);
      }
    }
    writing = false;
  };
  let legacyChain: Promise<void> = Promise.resolve();
  const persist = (record: StepRecord): Promise<void> => {
    if (!batchedRecords) {
      const written = legacyChain.then(() => recordStep(record));
      legacyChain = written;
      return written;
    }
    return new Promise<void>((written, failed) => {
      waiting.push({ record, written, failed });
      if (!writing) void writeWaiting();
    });
  };
  const resultOf = (record: StepRecord, extra: Partial<StepResult> = {}): StepResult => ({
    seq: record.seq,
    stage: state.stage,
    ...extra,
  });

  const launched = persist(applyLaunch(state, input, Date.now()));
  const launchResult: StepResult = { seq: state.seq, stage: state.stage };

  setHandler(stateQuery, () => state);
  setHandler(launchUpdate, async () => {
    await launched;
    return launchResult;
  });

  /** Registers a step: validated on arrival, checked again and applied when its handler runs, then persisted. */
  function step<T>(
    update: UpdateDefinition<StepResult, [StepEnvelope<T>]>,
    check: (actor: Actor, payload: T, now: number) => Rejection | null,
    apply: (actor: Actor, payload: T, now: number) => { record: StepRecord; extra?: Partial<StepResult> },
  ): void {
    setHandler(
      update,
      async ({ actor, input: payload }) => {
        const now = Date.now();
        refuse(check(actor, payload, now));
        const { record, extra } = apply(actor, payload, now);
        await persist(record);
        return resultOf(record, extra);
      },
      { validator: ({ actor, input: payload }) => refuse(check(actor, payload, Date.now())) },
    );
  }

  step(
    pickHostUpdate,
    (actor, payload) => checkPickHost(state, actor, payload),
    (actor, payload, now) => ({ record: applyPickHost(state, actor, payload, now) }),
  );
  step(
    postPlanUpdate,
    (actor) => checkPostPlan(state, actor),
    (actor, payload, now) => ({ record: applyPostPlan(state, actor, payload, now) }),
  );
  step(
    rsvpUpdate,
    (actor, payload) => checkRsvp(state, actor, payload),
    (actor, payload, now) => ({ record: applyRsvp(state, actor, payload, now) }),
  );
  step(
    rescheduleUpdate,
    (actor, payload, now) => checkReschedule(state, actor, payload, now),
    (actor, payload, now) => ({ record: applyReschedule(state, actor, payload, now) }),
  );
  step(
    recordMeetingUpdate,
    (actor, payload, now) => checkRecordMeeting(state, actor, payload, now),
    (actor, payload, now) => ({ record: applyRecordMeeting(state, actor, payload, now) }),
  );
  step(
    submitCritiqueUpdate,
    (actor, payload, now) => checkSubmitCritique(state, actor, payload, now),
    (actor, payload, now) => {
      const { record, critiqueId, pointIds } = applySubmitCritique(state, actor, payload, now, uuid4);
      return { record, extra: { critiqueId, pointIds } };
    },
  );
  step(
    fileReportUpdate,
    (actor, payload) => checkFileReport(state, actor, payload),
    (actor, payload, now) => ({ record: applyFileReport(state, actor, payload, now, uuid4) }),
  );
  step(
    reviewUpdate,
    (actor, payload) => checkReview(state, actor, payload),
    (actor, payload, now) => ({ record: applyReview(state, actor, payload, now) }),
  );
  step(
    cancelUpdate,
    (actor) => checkCancel(state, actor),
    (actor, payload, now) => ({ record: applyCancel(state, actor, payload, now) }),
  );

  await launched;
  if (state.stage === 'HOST_SELECTION' && patched('rank-host-candidates')) await suggestHosts();
  while (isOpen(state)) {
    const timer = nextTimer(state);
    const stillNext = () => isOpen(state) && nextTimer(state)?.key === timer?.key;
    if (!timer) {
      await condition(() => !stillNext());
      continue;
    }
    const remaining = timer.at - Date.now();
    if (remaining > 0 && (await condition(() => !stillNext(), remaining))) continue;
    await persist(applyTimer(state, timer, Date.now()));
  }

  /** Ranking is advice: if it cannot be had, the committee still picks from the list of cells. */
  async function suggestHosts(): Promise<void> {
    try {
      const candidates = await rankHostCandidates(input.cycleId);
      if (state.stage === 'HOST_SELECTION') await persist(applyHostCandidatesRanked(state, candidates, Date.now()));
    } catch (error) {
      log.warn('Host candidates could not be ranked', { cycleId: input.cycleId, error: String(error) });
    }
  }

  await legacyChain;
  await condition(() => !writing && waiting.length === 0 && allHandlersFinished());
  return { stage: state.stage };
}
