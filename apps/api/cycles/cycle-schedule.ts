import { completeSchedule, DEFAULT_CRITIQUE_WINDOW, DEFAULT_REPORT_WINDOW, DEFAULT_REVIEW_WINDOW, type CycleSchedule } from '../../../libs/domain/cycle-schedule.js';
import { durationToMs } from '../../../libs/domain/iso-duration.js';
import type { LaunchCycleDto } from './dto/launch-cycle.dto.js';

/** The cycle's timers from the launch request: what it names, the domain's defaults for the rest. */
export function scheduleFrom(dto: LaunchCycleDto): Required<CycleSchedule> {
  const ms = (value: string | undefined) => (value ? (durationToMs(value) ?? undefined) : undefined);
  const leads = dto.reminders ?? {};
  const given: CycleSchedule = {
    critiqueWindowMs: ms(dto.critiqueWindow ?? DEFAULT_CRITIQUE_WINDOW)!,
    reportWindowMs: ms(dto.reportWindow ?? DEFAULT_REPORT_WINDOW)!,
    reviewWindowMs: ms(dto.reviewWindow ?? DEFAULT_REVIEW_WINDOW),
    rsvpReminderLeadMs: ms(leads.rsvpReminderLead)!,
    planDueLeadMs: ms(leads.planDueLead)!,
    critiqueReminderLeadMs: ms(leads.critiqueReminderLead)!,
    reportReminderLeadMs: ms(leads.reportReminderLead)!,
    hostPickLeadMs: ms(leads.hostPickLead),
    planReminderLeadMs: ms(leads.planReminderLead),
    recordReminderDelayMs: ms(leads.recordReminderDelay),
    recordDueDelayMs: ms(leads.recordDueDelay),
    earlyStartToleranceMs: ms(leads.earlyStartTolerance),
  };
  return completeSchedule(given);
}
