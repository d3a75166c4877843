import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Client,
  ServiceError,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { StepOutcome } from '../../../libs/persistence/repositories/cycle-timeline.js';
import type { StepRecordSignals, StepRecordWatch } from '../../../libs/persistence/step-record-signals.js';
import { CYCLE_REJECTION, isErrorCode, type ErrorCode, type Rejection } from '../../../libs/domain/error-codes.js';
import {
  MODEL_MEETING_WORKFLOW_TYPE,
  launchUpdate,
  modelMeetingWorkflowId,
  stepRefusalQuery,
  type LaunchCycleInput,
  type ModelMeetingWorkflow,
  type StepEnvelope,
  type StepResult,
  type StepUpdate,
} from '../../../workflows/model-meeting/model-meeting.contract.js';

/** Where the gateway looks for a step's timeline row or its refusal (cycle-timeline.ts, outcomeOfStep). */
export type StepOutcomeLookup = (cycleId: string, stepId: string) => Promise<StepOutcome>;

/**
 * Pauses between looks for a step's record, in ms. The record's activity starts as the update is answered
 * and takes a few ms; the pauses grow so that a record held up (PostgreSQL restarting) costs few queries.
 * When the row's announcement can wake the wait (StepRecordSignals listening), it ends the wait with the row's
 * number and the pauses are only a fallback.
 */
const RECORD_LOOK_PAUSES_MS = [1, 2, 2, 3, 5, 5, 10, 10, 20, 20, 50];
const SIGNALLED_PAUSES_MS = [50, 100, 200];
/**
 * A refusal is found where the row is looked for (refused_steps, written by the record activity). The workflow
 * itself is asked (query stepRefusal) only this long before the deadline, once, before answering 503: for a
 * refusal kept only in the workflow (by a record activity from before refused_steps). Each ask is a query task,
 * and a replay of the cycle's history for a worker that no longer holds it: asked after 1 s and every 2 s, a
 * 300-cycle burst (every step over 1 s) ran at 6.1 steps/s and 233 ms of CPU a step, and at 6.9 and 215 without.
 */
const LAST_ASK_BEFORE_DEADLINE_MS = 1000;

/**
 * Sends cycle steps to Temporal as updates and turns every outcome into a StepResult or a DomainError:
 * a refusal keeps its code, a workflow that has ended answers WRONG_STAGE, and a Temporal that does not
 * answer within the deadline answers TEMPORAL_UNAVAILABLE (503), never a hang. A step the workflow answers
 * before its record is written (written: false) is answered here only once the record is in PostgreSQL, so
 * whoever reads the cycle next sees it; or with its refusal, when the database refused the record.
 */
export class CycleWorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly timeoutMs: number,
    private readonly outcomeOfStep: StepOutcomeLookup,
    private readonly signals: StepRecordSignals | null = null,
  ) {}

  async launch(input: LaunchCycleInput): Promise<StepResult> {
    const startWorkflowOperation = new WithStartWorkflowOperation<ModelMeetingWorkflow>(MODEL_MEETING_WORKFLOW_TYPE, {
      workflowId: modelMeetingWorkflowId(input.cycleId),
      taskQueue: this.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    return this.guard(() =>
      this.client.workflow.executeUpdateWithStart(launchUpdate, { startWorkflowOperation }),
    );
  }

  /** Whether the cycle's workflow was already started (a launch repeated after a 503 or an API crash). */
  async hasStarted(cycleId: string): Promise<boolean> {
    try {
      await this.guard(() => this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).describe());
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_STAGE') return false;
      throw error;
    }
  }

  /** Waits for the launch of a workflow already started to be recorded, and answers as the first launch did. */
  async resumeLaunch(cycleId: string): Promise<StepResult> {
    return this.guard(() => this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).executeUpdate(launchUpdate));
  }

  /**
   * Ends a cycle's workflow without asking it (its update path is stuck or refused): true when it was
   * running and is now terminated, false when it had already ended or never existed.
   */
  async terminate(cycleId: string, reason: string): Promise<boolean> {
    try {
      await this.guard(() => this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).terminate(reason));
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'WRONG_STAGE') return false;
      throw error;
    }
  }

  /**
   * `updateId`, when given, makes a repeat of the same request return the first outcome: Temporal keeps it per
   * workflow. Without it the step gets a fresh one, which its record carries.
   */
  async step<Input>(
    cycleId: string,
    update: StepUpdate<Input>,
    envelope: StepEnvelope<NoInfer<Input>>,
    updateId: string = randomUUID(),
  ): Promise<StepResult> {
    const deadline = Date.now() + this.timeoutMs;
    const handle = this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId));
    // Watched before the update is sent: the row's announcement cannot come before the watch, so the row is looked
    // for only when no announcement came in time (a repeat of a step written long ago, or the listening connection down).
    const watch = this.signals?.listening ? this.signals.watch(cycleId, updateId) : null;
    try {
      const { written, ...result } = await this.guard(() => handle.executeUpdate(update, { args: [envelope], updateId }));
      if (written !== false) return result;
      return { ...result, seq: await this.recordOf(cycleId, updateId, deadline, watch) };
    } finally {
      watch?.close();
    }
  }

  /**
   * The number the step's record was written under (a refusal before it may have renumbered it), once it is; or
   * the step's refusal, when the database refused its record. With a watch, the first look waits for its first pause.
   */
  private async recordOf(cycleId: string, stepId: string, deadline: number, watch: StepRecordWatch | null): Promise<number> {
    const pauses = watch ? SIGNALLED_PAUSES_MS : RECORD_LOOK_PAUSES_MS;
    const lastAsk = deadline - LAST_ASK_BEFORE_DEADLINE_MS;
    let asked = false;
    for (let look = 0; ; look += 1) {
      if (look > 0 || !watch) {
        const outcome = await this.outcomeOfStep(cycleId, stepId);
        if (outcome && 'seq' in outcome) return outcome.seq;
        if (outcome) throw new DomainError(isErrorCode(outcome.refused) ? outcome.refused : 'NOT_STORABLE');
      }
      if (!asked && Date.now() >= lastAsk) {
        asked = true;
        const refusal = await this.refusalOf(cycleId, stepId);
        if (refusal) throw new DomainError(refusal.code, refusal.params ?? {});
      }
      // Still being written (its activity retrying while PostgreSQL is away): the person tries again with the same key.
      if (Date.now() >= deadline) throw new DomainError('TEMPORAL_UNAVAILABLE');
      const untilNext = asked ? deadline - Date.now() : lastAsk - Date.now();
      const pause = Math.min(pauses[Math.min(look, pauses.length - 1)], Math.max(1, untilNext));
      // The row's announcement carries its number: no look after it.
      const announced = watch ? await watch.next(pause) : await sleep(pause, null);
      if (announced !== null) return announced;
    }
  }

  /** The refusal of a step answered before its record, or null: also while Temporal does not answer, as the record may still come. */
  private async refusalOf(cycleId: string, stepId: string): Promise<Rejection | null> {
    const handle = this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId));
    try {
      return await this.guard(() => handle.query(stepRefusalQuery, stepId));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'TEMPORAL_UNAVAILABLE') return null;
      throw error;
    }
  }

  private async guard<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await this.client.connection.withDeadline(Date.now() + this.timeoutMs, send);
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

/** gRPC status codes (NOT_FOUND, FAILED_PRECONDITION) for a workflow that has already ended. */
const ENDED_WORKFLOW_CODES: readonly number[] = [5, 9];

function toDomainError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === CYCLE_REJECTION) {
    const rejection = error.cause.details?.[0] as Rejection | undefined;
    const code = isErrorCode(rejection?.code) ? rejection.code : (error.cause.message as ErrorCode);
    return new DomainError(code, rejection?.params ?? {});
  }
  if (error instanceof WorkflowNotFoundError) return new DomainError('WRONG_STAGE');
  const grpc = isGrpcServiceError(error) ? error : error instanceof ServiceError && isGrpcServiceError(error.cause) ? error.cause : null;
  if (grpc && ENDED_WORKFLOW_CODES.includes(grpc.code)) return new DomainError('WRONG_STAGE');
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || grpc || error instanceof ServiceError) {
    return new DomainError('TEMPORAL_UNAVAILABLE');
  }
  return error;
}
