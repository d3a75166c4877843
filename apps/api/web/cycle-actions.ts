import { CYCLE_ACTIONS, refusal, type CycleAction } from '../../../libs/domain/cycle-policy.js';
import type { CycleAccess } from '../cycles/cycle-reads.service.js';

/**
 * The actions on a cycle this person may take now, by the access policy (cycle-policy.ts), so a page offers
 * only what the API would let them try. A meeting is moved only before its time (domain.md): after it, the
 * workflow refuses a reschedule, so the page does not offer one.
 */
export function actionsOpen({ cycle, relation }: CycleAccess, nowMs: number): ReadonlySet<CycleAction> {
  const open = (Object.keys(CYCLE_ACTIONS) as CycleAction[]).filter((action) => refusal(action, relation, cycle.status) === null);
  return new Set(open.filter((action) => action !== 'reschedule' || cycle.meetingAt.getTime() > nowMs));
}
