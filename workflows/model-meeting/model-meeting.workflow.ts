/**
 * modelMeeting: one durable workflow per cycle (sinh hoạt chi bộ điểm), from launch to CLOSED/CANCELLED.
 *
 * Messages (defined in model-meeting.contract.ts; updates, each with a synchronous validator):
 *   launch, pickHost, postPlan, rsvp, reschedule, recordMeeting, submitCritique, fileReport, review, cancel,
 *   inviteGuests (ruleset 2), claimAttendance (ruleset 3)
 *   queries: state; stepRefusal (patch answer-before-record)
 * Activities: recordSteps (recordStep before patch batched-step-records) writes every step; since patch
 *   rank-host-candidates, rankHostCandidates suggests hosts when a cycle is launched without one.
 * Timers (all derived from the state by model-meeting.timers.ts, so reschedule and revision move them):
 *   RSVP reminder, plan overdue (host reminded, committee alerted), critique reminder and close, report
 *   reminder and overdue escalation; since patch ruleset-2 also host selection overdue, plan reminder before
 *   its due time, meeting record reminder and overdue, review overdue. The cycle stays open until the
 *   committee acts.
 * Continue-as-new (patch continue-as-new-when-long): after STEPS_PER_RUN steps, or when Temporal suggests it,
 *   between steps, the run continues as new with the state and the last results (repeats answer as the first).
 * Patches: batched-step-records, rank-host-candidates, ruleset-2, ruleset-3, continue-as-new-when-long (the rules a run follows are fixed at its
 *   start, see model-meeting.state.ts, so a replay makes the decisions the run made), answer-before-record.
 * Invariants:
 *   - a payload that is not well formed (model-meeting.payloads.ts) is refused by the validator, before any
 *     rule: nothing PostgreSQL cannot store gets into a cycle;
 *   - a step is checked in the validator and checked again when its handler runs, then applied in the same
 *     synchronous turn, so two updates racing can never both pass on stale state;
 *   - every accepted step and fired timer is persisted in seq order (a retry writes nothing twice); a record
 *     the database refuses for its data is refused to its sender and undone, and the steps after it are
 *     applied again (step-writer.ts): the state runs ahead of the database only by the records being
 *     written, and the cycle goes on;
 *   - before patch answer-before-record (and for pickHost, which the database can refuse with HOST_BUSY,
 *     always) a step's update returns once its record is written. Since it, the other steps return as soon
 *     as the decision and the record's activity are in the history (one workflow task instead of two), with
 *     written: false; the API answers the person only when the record (step_id = the update id) is in
 *     PostgreSQL, so a GET right after still shows it. A record refused after its answer is kept by update id
 *     for stepRefusal, and the API answers that refusal;
 *   - a refusal is an ApplicationFailure of type CycleRejection carrying a stable error code.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  log,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { Actor } from '../../libs/domain/cycle.js';
import { CYCLE_REJECTION, type Rejection } from '../../libs/domain/error-codes.js';
import { isSealed } from '../../libs/temporal/sealed.js';
import type { CycleRecordActivities } from '../../activities/cycle-records/cycle-records.activities.js';
import type { HostCandidateActivities } from '../../activities/host-candidates/host-candidates.activities.js';
import {
  cancelUpdate,
  claimAttendanceUpdate,
  fileReportUpdate,
  inviteGuestsUpdate,
  launchUpdate,
  pickHostUpdate,
  postPlanUpdate,
  recordMeetingUpdate,
  rescheduleUpdate,
  reviewUpdate,
  rsvpUpdate,
  stateQuery,
  stepRefusalQuery,
  submitCritiqueUpdate,
} from './model-meeting.contract.js';
import { malformedLaunch, malformedStep } from './model-meeting.payloads.js';
import {
  applyCancel,
  applyClaimAttendance,
  applyFileReport,
  applyHostCandidatesRanked,
  applyInviteGuests,
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
  checkClaimAttendance,
  checkFileReport,
  checkInviteGuests,
  checkPickHost,
  checkPostPlan,
  checkRecordMeeting,
  checkReschedule,
  checkReview,
  checkRsvp,
  checkSubmitCritique,
  createCycleState,
  isOpen,
  isUnchangedRsvp,
  STEPS_PER_RUN,
} from './model-meeting.state.js';
import { isTimerPending, nextTimer } from './model-meeting.timers.js';
import type { ContinuedRun, LaunchCycleInput, ModelMeetingWorkflow, StepEnvelope, StepResult } from './model-meeting.contract.js';
import type { StepRecord } from './model-meeting.types.js';
import { StepWriter, type Produced, type WriteOutcome } from './step-writer.js';

const { rankHostCandidates } = proxyActivities<HostCandidateActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

const { recordStep, recordSteps } = proxyActivities<CycleRecordActivities>({
  // A write takes milliseconds; a short timeout lets a step whose worker died mid-write be retried soon.
  startToCloseTimeout: '10 seconds',
  // No attempt limit: while PostgreSQL is down the step waits (the API answers 503) and lands once it is back.
  // A record PostgreSQL refuses for its data is not an error: the activity answers it, and the step is refused.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** Bounds one activity's input (and so one history event) during a burst of steps: by count, and since ruleset 2 by size. */
const MAX_RECORDS_PER_ACTIVITY = 50;
const MAX_CHARS_PER_ACTIVITY = 512 * 1024;
/** A fired timer whose record the database refused is tried again after this, not in a loop. */
const REFUSED_TIMER_RETRY = '1 hour';
/**
 * Results carried to the next run, for steps repeated with their Idempotency-Key across the change of run: the
 * last two runs' worth, within a size that keeps the next run's input far below Temporal's payload limit.
 * (Older repeats are answered by the API's own record of first answers.)
 */
const RECENT_RESULTS_KEPT = 2 * STEPS_PER_RUN;
const RECENT_RESULTS_CHARS = 512 * 1024;

function refuse(rejection: Rejection | null): void {
  if (rejection) {
    throw ApplicationFailure.create({ type: CYCLE_REJECTION, message: rejection.code, details: [rejection], nonRetryable: true });
  }
}

function malformed(field: string | null): Rejection | null {
  return field ? { code: 'MALFORMED_STEP', params: { field } } : null;
}

/** The API validates launches; a malformed start from elsewhere fails the workflow at once instead of retrying forever. */
function requireWellFormed(input: LaunchCycleInput, ruleset: number): void {
  const wellFormed =
    ruleset >= 2
      ? malformedLaunch(input) === null && (ruleset < 3 || isSealed(input))
      : typeof input?.cycleId === 'string' &&
        typeof input.committeeId === 'string' &&
        Array.isArray(input.invitedCellIds) &&
        !Number.isNaN(Date.parse(input.meetingAt)) &&
        Array.isArray(input.rubric?.criteria) &&
        typeof input.schedule === 'object' &&
        input.schedule !== null;
  if (!wellFormed) throw ApplicationFailure.nonRetryable('Malformed launch input', 'InvalidLaunchInput');
}

export async function modelMeeting(input: LaunchCycleInput): ReturnType<ModelMeetingWorkflow> {
  // A run continued from an earlier one (continue-as-new) carries the cycle's state and its rules.
  const continued = input.continued;
  if (continued && !isSealed(input)) throw ApplicationFailure.nonRetryable('A continued cycle must come from its own run', 'InvalidLaunchInput');
  const batchedRecords = continued ? true : patched('batched-step-records');
  const ruleset = continued ? continued.state.ruleset : patched('ruleset-3') ? 3 : patched('ruleset-2') ? 2 : 1;
  const mayContinue = continued ? true : patched('continue-as-new-when-long');
  // In every run, continued ones too: a continued run recorded before this patch replays the old way.
  const answerBeforeRecord = patched('answer-before-record');
  if (!continued) requireWellFormed(input, ruleset);
  const state = continued ? continued.state : createCycleState(input, Date.now(), ruleset);
  /** Results of the last steps, by update id: a step repeated after the run continued answers as the first time. */
  const recentResults = new Map<string, StepResult>(continued?.recentResults ?? []);
  let recentChars = [...recentResults].reduce((sum, [id, result]) => sum + id.length + JSON.stringify(result).length, 0);
  /** Steps refused after they were answered (their record refused by the database), by update id. */
  const lateRefusals = new Map<string, Rejection>(continued?.lateRefusals ?? []);
  let stepsThisRun = 0;
  const wantsToContinue = () => mayContinue && isOpen(state) && (stepsThisRun >= STEPS_PER_RUN || workflowInfo().continueAsNewSuggested);

  const writer = new StepWriter({
    state,
    chained: !batchedRecords,
    write: (records): Promise<WriteOutcome> => (batchedRecords ? recordSteps(records) : recordStep(records[0])),
    maxRecords: batchedRecords ? MAX_RECORDS_PER_ACTIVITY : 1,
    maxChars: ruleset >= 2 ? MAX_CHARS_PER_ACTIVITY : Number.POSITIVE_INFINITY,
    refusal: (refused, record) => {
      log.error('A step could not be stored and was refused', { cycleId: input.cycleId, seq: record.seq, event: record.event, refused });
      return ApplicationFailure.create({
        type: CYCLE_REJECTION,
        message: refused?.code ?? 'NOT_STORABLE',
        details: [{ code: refused?.code ?? 'NOT_STORABLE' } satisfies Rejection],
        nonRetryable: true,
      });
    },
  });
  const resultOf = (produced: Produced<Partial<StepResult>> | null): StepResult => ({
    seq: produced?.record.seq ?? state.seq,
    stage: state.stage,
    ...produced?.result,
  });

  const launchedAt = Date.now();
  const launched = continued
    ? Promise.resolve(null)
    : writer.submit(() => ({ record: applyLaunch(state, input, launchedAt), result: {} }), { fatal: true });
  const launchResult: StepResult = continued ? continued.launchResult : { seq: state.seq, stage: state.stage };

  setHandler(stateQuery, () => state);
  setHandler(stepRefusalQuery, (stepId) => lateRefusals.get(stepId) ?? null);
  setHandler(launchUpdate, async () => {
    await launched;
    return launchResult;
  });

  /** Registers a step: validated on arrival, checked again and applied when its handler runs, then persisted. */
  function step<T>(
    update: UpdateDefinition<StepResult, [StepEnvelope<T>]>,
    check: (actor: Actor, payload: T, now: number) => Rejection | null,
    apply: (actor: Actor, payload: T, now: number) => { record: StepRecord; extra?: Partial<StepResult> },
    /** Refusals for the validator alone: they never run on replay, so they may change without a patch. */
    refuseOnArrival: (payload: T) => Rejection | null = () => null,
  ): void {
    setHandler(
      update,
      async ({ actor, input: payload }) => {
        const updateId = currentUpdateInfo()?.id;
        const earlier = updateId === undefined ? undefined : recentResults.get(updateId);
        if (earlier) return earlier;
        const now = Date.now();
        const early = answerBeforeRecord && updateId !== undefined && update.name !== pickHostUpdate.name;
        // What the step became, the last time it was applied (a refusal before it re-applies it).
        const applied: { last: Produced<Partial<StepResult>> | null } = { last: null };
        const written = writer.submit(() => {
          refuse(check(actor, payload, now));
          const { record, extra } = apply(actor, payload, now);
          applied.last = { record: early ? { ...record, stepId: updateId } : record, result: extra ?? {} };
          return applied.last;
        });
        let result: StepResult;
        if (early && applied.last) {
          result = { ...resultOf(applied.last), written: false };
          written.catch((error: unknown) => refusedAfterAnswer(updateId, error));
        } else {
          result = resultOf(await written);
        }
        stepsThisRun += 1;
        if (updateId !== undefined) remember(updateId, result);
        return result;
      },
      {
        validator: (envelope) => {
          // A step the previous run already took (repeated with its key after the run continued) answers as then.
          const updateId = currentUpdateInfo()?.id;
          if (updateId !== undefined && recentResults.has(updateId)) return;
          // Only the API (holding PAYLOAD_KEY) seals a step: one made up by a bare Temporal client is not vouched for.
          if (!isSealed(envelope)) refuse({ code: 'NOT_VOUCHED' });
          refuse(malformed(malformedStep(update.name, envelope)));
          refuse(check(envelope.actor, envelope.input, Date.now()));
          refuse(refuseOnArrival(envelope.input));
        },
      },
    );
  }

  step(
    pickHostUpdate,
    (actor, payload) => checkPickHost(state, actor, payload),
    (actor, payload, now) => ({ record: applyPickHost(state, actor, payload, now) }),
  );
  step(
    inviteGuestsUpdate,
    (actor, payload) => checkInviteGuests(state, actor, payload),
    (actor, payload, now) => ({ record: applyInviteGuests(state, actor, payload, now) }),
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
    (payload) => (isUnchangedRsvp(state, payload) ? { code: 'UNCHANGED' } : null),
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
    claimAttendanceUpdate,
    (actor, payload, now) => checkClaimAttendance(state, actor, payload, now),
    (actor, payload, now) => ({ record: applyClaimAttendance(state, actor, payload, now) }),
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

  try {
    await launched;
  } catch (error) {
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(`The launch could not be recorded: ${String(error)}`, 'LaunchNotRecorded');
  }
  if (!continued && state.stage === 'HOST_SELECTION' && patched('rank-host-candidates')) await suggestHosts();
  while (isOpen(state) && !wantsToContinue()) {
    const timer = nextTimer(state);
    const stillNext = () => isOpen(state) && !wantsToContinue() && nextTimer(state)?.key === timer?.key;
    if (!timer) {
      await condition(() => !stillNext());
      continue;
    }
    const remaining = timer.at - Date.now();
    if (remaining > 0 && (await condition(() => !stillNext(), remaining))) continue;
    const firedAt = Date.now();
    try {
      await writer.submit(() => (isTimerPending(state, timer) ? { record: applyTimer(state, timer, firedAt), result: {} } : null));
    } catch {
      await sleep(REFUSED_TIMER_RETRY);
    }
  }

  /** Ranking is advice: if it cannot be had, the committee still picks from the list of cells. */
  async function suggestHosts(): Promise<void> {
    try {
      const candidates = await rankHostCandidates(input.cycleId);
      if (state.stage === 'HOST_SELECTION') {
        const rankedAt = Date.now();
        await writer.submit(() =>
          state.stage === 'HOST_SELECTION' ? { record: applyHostCandidatesRanked(state, candidates, rankedAt), result: {} } : null,
        );
      }
    } catch (error) {
      log.warn('Host candidates could not be ranked', { cycleId: input.cycleId, error: String(error) });
    }
  }

  if (wantsToContinue()) {
    // Between steps, never in the middle of one: every accepted step is written and answered first.
    await condition(() => writer.idle && allHandlersFinished());
    if (isOpen(state)) {
      const carried: ContinuedRun = {
        state,
        launchResult,
        recentResults: [...recentResults.entries()],
        ...(lateRefusals.size > 0 ? { lateRefusals: [...lateRefusals.entries()] } : {}),
      };
      return continueAsNew<typeof modelMeeting>({ ...input, continued: carried });
    }
  }

  /** A step refused once it had been answered: kept for the API's stepRefusal query (the last few, like results). */
  function refusedAfterAnswer(updateId: string, error: unknown): void {
    const rejection = error instanceof ApplicationFailure ? (error.details?.[0] as Rejection | undefined) : undefined;
    lateRefusals.set(updateId, rejection ?? { code: 'NOT_STORABLE' });
    while (lateRefusals.size > RECENT_RESULTS_KEPT) lateRefusals.delete(lateRefusals.keys().next().value as string);
  }

  /** Keeps the last few results (Temporal answers repeats within a run itself; these serve the next run). */
  function remember(updateId: string, result: StepResult): void {
    recentResults.delete(updateId);
    recentResults.set(updateId, result);
    recentChars += updateId.length + JSON.stringify(result).length;
    while (recentResults.size > RECENT_RESULTS_KEPT || recentChars > RECENT_RESULTS_CHARS) {
      const [oldestId, oldest] = recentResults.entries().next().value as [string, StepResult];
      recentResults.delete(oldestId);
      recentChars -= oldestId.length + JSON.stringify(oldest).length;
    }
  }

  await writer.settled();
  await condition(() => writer.idle && allHandlersFinished());
  return { stage: state.stage };
}
