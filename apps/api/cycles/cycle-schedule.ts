import { durationToMs } from '../../../libs/domain/iso-duration.js';
import type { CycleSchedule } from '../../../workflows/model-meeting/model-meeting.types.js';
import type { LaunchCycleDto } from './dto/launch-cycle.dto.js';

const DAY = 86_400_000;
export const DEFAULT_CRITIQUE_WINDOW = 'P3D';
export const DEFAULT_REPORT_WINDOW = 'P7D';

/**
 * The cycle's timers from the launch request. A reminder lead defaults to a day or two, but never more than
 * half of its window, so a short window still gets its reminder.
 */
export function scheduleFrom(dto: LaunchCycleDto): CycleSchedule {
  const critiqueWindowMs = durationToMs(dto.critiqueWindow ?? DEFAULT_CRITIQUE_WINDOW)!;
  const reportWindowMs = durationToMs(dto.reportWindow ?? DEFAULT_REPORT_WINDOW)!;
  const lead = (value: string | undefined, fallback: number) => (value ? durationToMs(value)! : fallback);
  return {
    critiqueWindowMs,
    reportWindowMs,
    rsvpReminderLeadMs: lead(dto.reminders?.rsvpReminderLead, 2 * DAY),
    planDueLeadMs: lead(dto.reminders?.planDueLead, DAY),
    critiqueReminderLeadMs: lead(dto.reminders?.critiqueReminderLead, Math.min(DAY, critiqueWindowMs / 2)),
    reportReminderLeadMs: lead(dto.reminders?.reportReminderLead, Math.min(2 * DAY, reportWindowMs / 2)),
  };
}
