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
import { CYCLE_REJECTION, isErrorCode, type ErrorCode, type Rejection } from '../../../libs/domain/error-codes.js';
import {
  MODEL_MEETING_WORKFLOW_TYPE,
  launchUpdate,
  modelMeetingWorkflowId,
  type LaunchCycleInput,
  type ModelMeetingWorkflow,
  type StepEnvelope,
  type StepResult,
  type StepUpdate,
} from '../../../workflows/model-meeting/model-meeting.contract.js';

/**
 * Sends cycle steps to Temporal as updates and turns every outcome into a StepResult or a DomainError:
 * a refusal keeps its code, a workflow that has ended answers WRONG_STAGE, and a Temporal that does not
 * answer within the deadline answers TEMPORAL_UNAVAILABLE (503), never a hang.
 */
export class CycleWorkflowGateway {
  constructor(
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly timeoutMs: number,
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

  /** `updateId`, when given, makes a repeat of the same request return the first outcome: Temporal keeps it per workflow. */
  async step<Input>(cycleId: string, update: StepUpdate<Input>, envelope: StepEnvelope<NoInfer<Input>>, updateId?: string): Promise<StepResult> {
    const handle = this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId));
    return this.guard(() => handle.executeUpdate(update, { args: [envelope], updateId }));
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
