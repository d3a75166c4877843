import { randomUUID } from 'node:crypto';
import { DEFAULT_RUBRIC } from '../../libs/domain/default-rubric.js';
import type { CycleSchedule, LaunchCycleInput } from '../../workflows/model-meeting/model-meeting.contract.js';
import type { CycleWorkflowGateway } from '../../apps/api/cycles/cycle-workflow.gateway.js';
import type { TestCell, TestCommune } from './organisation.fixture.js';
import { rsvpUpdate } from '../../workflows/model-meeting/model-meeting.contract.js';

const DAY = 86_400_000;

/** Every duration of the cycle is an input, so suites run a whole cycle in seconds of real time. */
export function fastSchedule(overrides: Partial<CycleSchedule> = {}): CycleSchedule {
  return {
    critiqueWindowMs: 60_000,
    reportWindowMs: 60_000,
    rsvpReminderLeadMs: DAY,
    planDueLeadMs: DAY,
    critiqueReminderLeadMs: 30_000,
    reportReminderLeadMs: 30_000,
    // Suites record a meeting (of 95 minutes, ended a moment ago) seconds after its scheduled time.
    earlyStartToleranceMs: 3 * 3_600_000,
    ...overrides,
  };
}

export function launchInput(
  commune: TestCommune,
  options: { hostIndex?: number | null; invited?: number[]; meetingInMs?: number; schedule?: Partial<CycleSchedule> } = {},
): LaunchCycleInput {
  const hostIndex = options.hostIndex === undefined ? 0 : options.hostIndex;
  const invited = options.invited ?? commune.cells.map((_, index) => index).filter((index) => index !== hostIndex);
  return {
    cycleId: randomUUID(),
    committeeId: commune.committeeId,
    title: 'Sinh hoạt chi bộ điểm quý IV',
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
    kind: 'regular',
    hostCellId: hostIndex === null ? null : commune.cells[hostIndex].id,
    invitedCellIds: invited.map((index) => commune.cells[index].id),
    meetingAt: new Date(Date.now() + (options.meetingInMs ?? 1500)).toISOString(),
    location: 'Nhà văn hóa thôn Na Hối Tày',
    rubric: { id: DEFAULT_RUBRIC.id, name: DEFAULT_RUBRIC.name, version: DEFAULT_RUBRIC.version, criteria: DEFAULT_RUBRIC.criteria },
    critiqueWindow: 'PT60S',
    reportWindow: 'PT60S',
    schedule: fastSchedule(options.schedule),
    launchedBy: commune.staff.userId,
  };
}

export function meetingRecord(attendingCellIds: string[], startedAt = Date.now() - 100 * 60_000) {
  return {
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(startedAt + 95 * 60_000).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1, absentWithoutReason: 0 },
    attendingCellIds,
    minutes: 'Biên bản buổi sinh hoạt: chi bộ đã thảo luận, thống nhất nghị quyết tháng.',
    resolution: 'Nghị quyết: tập trung phát triển đảng viên mới.',
  };
}

/** Ruleset 3 records as attending only cells that accepted: each named cell's secretary accepts first. */
export async function acceptInvitations(gateway: CycleWorkflowGateway, cycleId: string, cells: TestCell[]): Promise<void> {
  for (const cell of cells) await gateway.step(cycleId, rsvpUpdate, { actor: cell.secretary, input: { cellId: cell.id, response: 'accept' } });
}
