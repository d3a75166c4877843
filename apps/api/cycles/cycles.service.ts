import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_CRITIQUE_WINDOW, DEFAULT_REPORT_WINDOW, PLANNING_HORIZON_MS, scheduleFrom } from '../../../libs/domain/cycle-schedule.js';
import { OPEN_STAGES } from '../../../libs/domain/cycle.js';
import { maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Language } from '../../../libs/wording/language.js';
import type { RubricEntity } from '../../../libs/persistence/entities/rubric.entity.js';
import { CycleFollowUpRepository } from '../../../libs/persistence/repositories/cycle-follow-up.repository.js';
import { CycleReadsRepository } from '../../../libs/persistence/repositories/cycle-reads.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import {
  cancelUpdate,
  inviteGuestsUpdate,
  pickHostUpdate,
  submitCritiqueUpdate,
  type LaunchCycleInput,
  type StepResult,
  type StepUpdate,
  type SubmitCritiqueInput,
} from '../../../workflows/model-meeting/model-meeting.contract.js';
import { actorOf, type AuthUser } from '../auth/auth-user.js';
import type { Actor } from '../../../libs/domain/cycle.js';
import type { CycleEntity } from '../../../libs/persistence/entities/cycle.entity.js';
import { derivedUuid } from '../idempotency/idempotency.js';
import { CycleReadsService, type StepAccess } from './cycle-reads.service.js';
import { CycleWorkflowGateway } from './cycle-workflow.gateway.js';
import { toCritiqueView, type CritiqueView, type CycleView } from './cycle.mapper.js';
import type { LaunchCycleDto } from './dto/launch-cycle.dto.js';
import { requireOpenCommittee } from '../common/open-committee.js';

export const CYCLE_WORKFLOW_GATEWAY = Symbol('CYCLE_WORKFLOW_GATEWAY');

/**
 * Every change to a cycle goes to its workflow as an update and is answered from the result: the API
 * checks the shape and the caller's place, the workflow decides whether the step fits the cycle now.
 */
@Injectable()
export class CyclesService {
  constructor(
    @Inject(CycleReadsRepository) private readonly cycles: CycleReadsRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(CycleFollowUpRepository) private readonly followUps: CycleFollowUpRepository,
    @Inject(CycleReadsService) private readonly reads: CycleReadsService,
    @Inject(CYCLE_WORKFLOW_GATEWAY) private readonly gateway: CycleWorkflowGateway,
  ) {}

  async launch(caller: AuthUser, dto: LaunchCycleDto, language: Language, idempotencyKey?: string): Promise<CycleView> {
    const cycleId = idempotencyKey ? derivedUuid('cycle', caller.id, idempotencyKey) : randomUUID();
    if (idempotencyKey && (await this.gateway.hasStarted(cycleId))) {
      // A repeat of a launch that already acted (its first answer was lost to a 503 or a crash): the
      // checks held then; they may not now (meetingAt may have passed), and the answer must be the same.
      await this.gateway.resumeLaunch(cycleId);
      return this.reads.view(caller, cycleId, language);
    }
    if (!maySeeCommittee(caller, dto.committeeId)) throw new DomainError('NOT_FOUND');
    await requireOpenCommittee(this.organisation, dto.committeeId);
    if (dto.hostCellId && dto.invitedCellIds.includes(dto.hostCellId)) throw new DomainError('HOST_IS_INVITED');
    await this.requireCellsOf(dto.committeeId, [...dto.invitedCellIds, ...(dto.hostCellId ? [dto.hostCellId] : [])]);
    const meetingAt = Date.parse(dto.meetingAt);
    if (meetingAt <= Date.now()) throw new DomainError('MEETING_NOT_IN_FUTURE');
    if (meetingAt > Date.now() + PLANNING_HORIZON_MS) throw new DomainError('MEETING_TOO_FAR');
    if (dto.hostCellId) await this.requireHostFree(dto.hostCellId, cycleId);
    if (dto.guestIds?.length) await this.requireGuestsOf(dto.committeeId, dto.guestIds);
    const rubric = await this.rubricFor(dto.committeeId, dto.rubricId);
    if (rubric.kind && rubric.kind !== dto.kind) throw new DomainError('RUBRIC_NOT_FOR_KIND');

    const input: LaunchCycleInput = {
      cycleId,
      committeeId: dto.committeeId,
      title: dto.title,
      topic: dto.topic,
      kind: dto.kind,
      hostCellId: dto.hostCellId ?? null,
      invitedCellIds: dto.invitedCellIds,
      meetingAt: new Date(meetingAt).toISOString(),
      location: dto.location,
      rubric: { id: rubric.id, name: rubric.name, version: rubric.version, criteria: rubric.criteria, pointStep: rubric.pointStep },
      critiqueWindow: dto.critiqueWindow ?? DEFAULT_CRITIQUE_WINDOW,
      reportWindow: dto.reportWindow ?? DEFAULT_REPORT_WINDOW,
      schedule: scheduleFrom(dto),
      launchedBy: caller.id,
      guestIds: dto.guestIds ?? [],
    };
    await this.gateway.launch(input);
    return this.reads.view(caller, input.cycleId, language);
  }

  async pickHost(caller: AuthUser, cycleId: string, cellId: string, language: Language, idempotencyKey?: string): Promise<CycleView> {
    const access = await this.reads.stepAccess(caller, cycleId);
    await this.requireCellsOf(access.cycle.committeeId, [cellId]);
    await this.requireHostFree(cellId, cycleId);
    await this.send(caller, access, pickHostUpdate, { cellId }, idempotencyKey);
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  async inviteGuests(caller: AuthUser, cycleId: string, guestIds: string[], language: Language, idempotencyKey?: string): Promise<CycleView> {
    const access = await this.reads.stepAccess(caller, cycleId);
    await this.requireGuestsOf(access.cycle.committeeId, guestIds);
    await this.send(caller, access, inviteGuestsUpdate, { guestIds }, idempotencyKey);
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  /** Sends one step and answers with the cycle as the caller may see it right after. */
  async step<Input>(caller: AuthUser, cycleId: string, update: StepUpdate<Input>, input: Input, language: Language, idempotencyKey?: string): Promise<CycleView> {
    const access = await this.reads.stepAccess(caller, cycleId);
    try {
      await this.send(caller, access, update, input, idempotencyKey);
    } catch (error) {
      // The same answer again is not a step: the cycle as it stands is the answer.
      if (!(error instanceof DomainError && error.code === 'UNCHANGED')) throw await this.withPointText(cycleId, error);
    }
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  /** A refusal about a critique point names it by the start of its text (the workflow knows only its id). */
  private async withPointText(cycleId: string, error: unknown): Promise<unknown> {
    if (!(error instanceof DomainError) || typeof error.params.pointId !== 'string' || error.params.pointText !== undefined) return error;
    const text = await this.cycles.pointText(cycleId, error.params.pointId);
    return text === null ? error : new DomainError(error.code, { ...error.params, pointText: text });
  }

  /**
   * The committee (or the admin) cancels a cycle. When its workflow cannot take the step (stuck, refusing
   * updates, or gone while the record says the cycle is open), it is ended without being asked and the
   * cancellation is written to the record directly, on the timeline with who and why: there is always a
   * way to cancel.
   */
  async cancel(caller: AuthUser, cycleId: string, reason: string, language: Language, idempotencyKey?: string): Promise<CycleView> {
    const access = await this.reads.stepAccess(caller, cycleId);
    try {
      await this.send(caller, access, cancelUpdate, { reason }, idempotencyKey);
    } catch (error) {
      if (!(await this.workflowCannotCancel(error, cycleId))) throw error;
      await this.gateway.terminate(cycleId, `Hủy khi quy trình không phản hồi: ${reason}`);
      await this.followUps.forceCancel(cycleId, caller.id, reason);
    }
    return this.reads.viewAfterStep(caller, access, cycleId, language);
  }

  /** A refusal of the cycle's own rules stands; a workflow that did not answer, or has ended under an open record, is stuck. */
  private async workflowCannotCancel(error: unknown, cycleId: string): Promise<boolean> {
    if (!(error instanceof DomainError)) return false;
    if (error.code === 'TEMPORAL_UNAVAILABLE') return true;
    if (error.code !== 'WRONG_STAGE') return false;
    const status = await this.cycles.status(cycleId);
    return status !== null && OPEN_STAGES.includes(status);
  }

  async submitCritique(caller: AuthUser, cycleId: string, input: SubmitCritiqueInput, idempotencyKey?: string): Promise<CritiqueView> {
    const access = await this.reads.stepAccess(caller, cycleId);
    const result = await this.send(caller, access, submitCritiqueUpdate, input, idempotencyKey);
    return toCritiqueView(await this.cycles.critique(result.critiqueId as string));
  }

  /** The caller's step as a workflow update; the Idempotency-Key, when given, becomes its update id. */
  private async send<Input>(caller: AuthUser, { cycle }: StepAccess, update: StepUpdate<Input>, input: Input, idempotencyKey?: string): Promise<StepResult> {
    const cycleId = cycle.id;
    const updateId = idempotencyKey ? derivedUuid('update', caller.id, update.name, idempotencyKey) : undefined;
    try {
      return await this.gateway.step(cycleId, update, { actor: actorFor(caller, cycle), input }, updateId);
    } catch (error) {
      // A cycle whose workflow has ended (closed or cancelled) cannot say its stage: its record can.
      if (error instanceof DomainError && error.code === 'WRONG_STAGE' && error.params.stage === undefined) {
        const status = await this.cycles.status(cycleId);
        if (status) throw new DomainError('WRONG_STAGE', { stage: status });
      }
      throw error;
    }
  }

  private async requireCellsOf(committeeId: string, cellIds: string[]): Promise<void> {
    const unknown = await this.organisation.firstCellNotOf(committeeId, cellIds);
    if (unknown) throw new DomainError('INVALID_CELL', { cellId: unknown });
  }

  /**
   * A cell never hosts two open cycles. Checked here for a clear answer; the database's trigger holds the
   * rule when two requests race, and the workflow then refuses the step with the same code.
   */
  private async requireHostFree(cellId: string, exceptCycleId?: string): Promise<void> {
    if (await this.cycles.hostsAnOpenCycle(cellId, exceptCycleId)) throw new DomainError('HOST_BUSY');
  }

  /** Guests are guest accounts made by this committee (or by the admin for it). */
  private async requireGuestsOf(committeeId: string, guestIds: string[]): Promise<void> {
    if (!(await this.organisation.areGuestsOf(committeeId, guestIds))) throw new DomainError('NOT_FOUND');
  }

  /** The requested rubric version (a template, or one of this committee's own), else the default template. */
  private async rubricFor(committeeId: string, rubricId?: string): Promise<RubricEntity> {
    const rubric = await this.organisation.rubricFor(committeeId, rubricId);
    if (!rubric) throw new DomainError('NOT_FOUND');
    return rubric;
  }

}

/**
 * The caller as the cycle's workflow knows people. A cycle that moved with a committee merger still has the
 * committee it was launched for in its workflow: the merged committee's staff act for it as that committee.
 */
function actorFor(caller: AuthUser, cycle: Pick<CycleEntity, 'committeeId' | 'launchedCommitteeId'>): Actor {
  const actor = actorOf(caller);
  if (actor.role === 'committee' && actor.committeeId === cycle.committeeId && cycle.launchedCommitteeId) actor.committeeId = cycle.launchedCommitteeId;
  return actor;
}
