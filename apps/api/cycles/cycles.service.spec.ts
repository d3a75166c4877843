import { describe, expect, it } from '@jest/globals';
import type { CycleStage } from '../../../libs/domain/cycle.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { CycleFollowUpRepository } from '../../../libs/persistence/repositories/cycle-follow-up.repository.js';
import type { CycleReadsRepository } from '../../../libs/persistence/repositories/cycle-reads.repository.js';
import type { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { CycleReadsService } from './cycle-reads.service.js';
import type { CycleWorkflowGateway } from './cycle-workflow.gateway.js';
import { CyclesService } from './cycles.service.js';

/**
 * The decision behind "there is always a way to cancel", without PostgreSQL or Temporal: the repositories
 * and the gateway are stand-ins here; test/insider-abuse.e2e.ts runs the same cases against the real ones.
 */
const staff: AuthUser = {
  id: 'user-1',
  username: 'vanphong',
  fullName: 'Văn phòng Đảng ủy',
  role: 'committee',
  committeeId: 'committee-1',
  cellId: null,
  areaId: null,
  mustChangePassword: false,
};

function serviceWhere(options: { cancelAnswers: Error | null; recordedStatus: CycleStage | null }) {
  const calls: string[] = [];
  const gateway = {
    step: async () => {
      calls.push('send cancel');
      if (options.cancelAnswers) throw options.cancelAnswers;
      return { seq: 9, stage: 'CANCELLED' };
    },
    terminate: async () => {
      calls.push('terminate');
      return true;
    },
  } as unknown as CycleWorkflowGateway;
  const cycles = { status: async () => options.recordedStatus } as unknown as CycleReadsRepository;
  const followUps = {
    forceCancel: async (_cycleId: string, actorId: string, reason: string) => {
      calls.push(`force cancel by ${actorId}: ${reason}`);
    },
  } as unknown as CycleFollowUpRepository;
  const reads = {
    stepAccess: async () => ({ cycle: { id: 'cycle-1' }, relation: 'committee' }),
    viewAfterStep: async () => ({ id: 'cycle-1' }),
  } as unknown as CycleReadsService;
  const service = new CyclesService(cycles, {} as OrganisationRepository, followUps, reads, gateway);
  return { service, calls };
}

async function cancelOutcome(options: { cancelAnswers: Error | null; recordedStatus: CycleStage | null }) {
  const { service, calls } = serviceWhere(options);
  const answer = await service.cancel(staff, 'cycle-1', 'Thiên tai', 'vi').then(
    () => 'cancelled',
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
  return { answer, calls };
}

describe('cancelling a cycle', () => {
  it('goes through the workflow when it answers', async () => {
    expect(await cancelOutcome({ cancelAnswers: null, recordedStatus: 'PREPARATION' })).toEqual({ answer: 'cancelled', calls: ['send cancel'] });
  });

  it('ends a workflow that does not answer and writes the cancellation with who and why', async () => {
    expect(await cancelOutcome({ cancelAnswers: new DomainError('TEMPORAL_UNAVAILABLE'), recordedStatus: 'CRITIQUE' })).toEqual({
      answer: 'cancelled',
      calls: ['send cancel', 'terminate', 'force cancel by user-1: Thiên tai'],
    });
  });

  it('ends a workflow that is gone while the record still says the cycle is open', async () => {
    expect(await cancelOutcome({ cancelAnswers: new DomainError('WRONG_STAGE'), recordedStatus: 'REPORTING' })).toEqual({
      answer: 'cancelled',
      calls: ['send cancel', 'terminate', 'force cancel by user-1: Thiên tai'],
    });
  });

  it('keeps a refusal of the cycle’s own rules: a closed cycle stays closed, a stranger stays refused', async () => {
    expect(await cancelOutcome({ cancelAnswers: new DomainError('WRONG_STAGE'), recordedStatus: 'CLOSED' })).toEqual({
      answer: 'WRONG_STAGE',
      calls: ['send cancel'],
    });
    expect(await cancelOutcome({ cancelAnswers: new DomainError('NOT_COMMITTEE_OF_CYCLE'), recordedStatus: 'PREPARATION' })).toEqual({
      answer: 'NOT_COMMITTEE_OF_CYCLE',
      calls: ['send cancel'],
    });
  });

  it('does not force anything on an error it does not understand', async () => {
    expect(await cancelOutcome({ cancelAnswers: new Error('boom'), recordedStatus: 'PREPARATION' })).toEqual({ answer: 'Error: boom', calls: ['send cancel'] });
  });
});
