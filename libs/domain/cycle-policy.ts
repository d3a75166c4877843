/**
 * Who may do what, in one place. The API's role guard, its cycle services, the task list, and the
 * workflow's own checks all read this file, and so will pages, document downloads and channels.
 *
 * A person's relation to a cycle: staff of its committee, secretary of its host cell, secretary of an
 * invited cell, an upper-level guest invited by name, or the admin. Each action names the relations that
 * may attempt it and the stages it is open in; the workflow then decides the finer rules (attended,
 * deadline, limits). Plain data and pure functions: the workflow sandbox imports this file.
 */
import { OPEN_STAGES, type CycleStage, type TaskAction } from './cycle.js';
import type { ErrorCode } from './error-codes.js';
import type { Role } from './roles.js';

export type CycleRelation = 'admin' | 'committee' | 'host' | 'invited' | 'guest';

/** The part of a signed-in person (or a workflow step's actor) that access depends on. */
export interface Person {
  role: Role;
  committeeId: string | null;
  cellId: string | null;
}

// ── who is who ───────────────────────────────────────────────────────────────────────────────────────

export function isStaffOf(person: Person, committeeId: string): boolean {
  return person.role === 'committee' && person.committeeId === committeeId;
}

export function isHostSecretary(person: Person, hostCellId: string | null): boolean {
  return person.role === 'secretary' && person.cellId !== null && person.cellId === hostCellId;
}

export function isSecretaryOf(person: Person, cellId: string): boolean {
  return person.role === 'secretary' && person.cellId === cellId;
}

/** What decides a person's relation to one cycle: its row, and whether the person's cell or self is invited. */
export interface CycleParties {
  committeeId: string;
  hostCellId: string | null;
  stage: CycleStage;
  cellInvited: boolean;
  guestInvited: boolean;
}

/**
 * The person's relation to the cycle, or why they have none: NOT_FOUND for another committee's cycle (or,
 * before the host is picked, for everyone but its committee: the invitations have not gone out), and
 * NOT_INVITED for a secretary of this committee whose cell has no part in it.
 */
export function relationTo(person: Person, cycle: CycleParties): CycleRelation | 'NOT_FOUND' | 'NOT_INVITED' {
  if (person.role === 'admin') return 'admin';
  const announced = cycle.stage !== 'HOST_SELECTION';
  if (person.role === 'guest') return cycle.guestInvited && announced ? 'guest' : 'NOT_FOUND';
  if (person.committeeId !== cycle.committeeId) return 'NOT_FOUND';
  if (person.role === 'committee') return 'committee';
  if (!announced) return 'NOT_FOUND';
  if (isHostSecretary(person, cycle.hostCellId)) return 'host';
  return person.cellId && cycle.cellInvited ? 'invited' : 'NOT_INVITED';
}

/** Committees a person sees: the admin every one, everyone else their own. */
export function maySeeCommittee(person: Person, committeeId: string): boolean {
  return person.role === 'admin' || person.committeeId === committeeId;
}

/**
 * Whose figures (the dashboard, a cell's record, the year report) a person reads: the committees it sees, and for
 * an upper level's account (overseer) every commune under its area, directly or through a district of its
 * province. `areasAbove` are the commune's district and province (as many as it has). Reading only: no other
 * rule opens anything to an overseer, so every step and every change stays refused to it.
 */
export function mayReadFiguresOf(person: Person & { areaId?: string | null }, committeeId: string, areasAbove: readonly string[]): boolean {
  if (person.role === 'overseer') return mayReadAreaFigures(person, areasAbove);
  return maySeeCommittee(person, committeeId);
}

/**
 * Whose overview of communes side by side a person reads: the admin any area's; an upper level's account its own
 * area's and, for a province, each of its districts'. `areaAndAbove` is the area and its province, if any.
 */
export function mayReadAreaFigures(person: Person & { areaId?: string | null }, areaAndAbove: readonly string[]): boolean {
  if (person.role === 'admin') return true;
  return person.role === 'overseer' && !!person.areaId && areaAndAbove.includes(person.areaId);
}

/** Accounts a person may make: the admin any; committee staff secretaries of their cells and the guests they invite. */
export function mayCreateAccount(person: Person, role: Role): boolean {
  return person.role === 'admin' || (person.role === 'committee' && (role === 'secretary' || role === 'guest'));
}

/** The part of an account the office manages. */
export interface Account extends Person {
  id: string;
}

/**
 * Whose account a person may change (name, role, cell, deactivation, password reset): the admin anyone's
 * but its own deactivation; committee staff the secretaries and guests of their own committee. Anyone else
 * does not see the account at all (NOT_FOUND), so another committee's people stay hidden.
 */
export function accountRefusal(person: Account, target: Account, change: 'edit' | 'deactivate'): ErrorCode | null {
  if (person.role === 'admin') return change === 'deactivate' && person.id === target.id ? 'ROLE_NOT_ALLOWED' : null;
  if (person.role !== 'committee' || target.committeeId !== person.committeeId) return 'NOT_FOUND';
  return target.role === 'secretary' || target.role === 'guest' ? null : 'ROLE_NOT_ALLOWED';
}

/** Score sheets a person sees: the admin every one; everyone else the templates (null) and their committee's own. */
export function rubricOwnersVisibleTo(person: Person): 'all' | (string | null)[] {
  return person.role === 'admin' || !person.committeeId ? 'all' : [null, person.committeeId];
}

// ── what each relation may do ────────────────────────────────────────────────────────────────────────

interface ActionRule {
  /** The relations that may attempt the action. */
  by: readonly CycleRelation[];
  /** The stages it is open in (absent: any). */
  stages?: readonly CycleStage[];
  /** The refusal for anyone else who can see the cycle. */
  otherwise: ErrorCode;
}

/** Every action on a cycle. Names of workflow steps are their update names. */
export const CYCLE_ACTIONS = {
  view: { by: ['admin', 'committee', 'host', 'invited', 'guest'], otherwise: 'NOT_FOUND' },
  rankHosts: { by: ['committee'], otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
  pickHost: { by: ['committee'], stages: ['HOST_SELECTION'], otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
  inviteGuests: { by: ['committee'], stages: ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE'], otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
  postPlan: { by: ['host'], stages: ['PREPARATION', 'SCHEDULED'], otherwise: 'NOT_HOST_SECRETARY' },
  rsvp: { by: ['invited'], stages: ['PREPARATION', 'SCHEDULED'], otherwise: 'NOT_INVITED' },
  reschedule: { by: ['committee', 'host'], stages: ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED'], otherwise: 'NOT_HOST_SECRETARY' },
  recordMeeting: { by: ['host'], stages: ['SCHEDULED'], otherwise: 'NOT_HOST_SECRETARY' },
  claimAttendance: { by: ['invited'], stages: ['CRITIQUE'], otherwise: 'NOT_INVITED' },
  submitCritique: { by: ['invited', 'guest'], stages: ['CRITIQUE'], otherwise: 'NOT_ATTENDING' },
  fileReport: { by: ['host'], stages: ['REPORTING'], otherwise: 'NOT_HOST_SECRETARY' },
  review: { by: ['committee'], stages: ['REVIEW'], otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
  cancel: { by: ['committee', 'admin'], stages: OPEN_STAGES, otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
  recordAdoption: { by: ['invited'], stages: ['CLOSED'], otherwise: 'NOT_INVITED' },
  settleActionItem: { by: ['committee', 'host'], stages: ['CLOSED', 'CANCELLED'], otherwise: 'NOT_HOST_SECRETARY' },
  /** What became of the cycle's notifications on each channel, per person: the office follows up who was not reached. */
  viewDeliveries: { by: ['committee', 'admin'], otherwise: 'NOT_COMMITTEE_OF_CYCLE' },
} as const satisfies Record<string, ActionRule>;
export type CycleAction = keyof typeof CYCLE_ACTIONS;

/** Those who manage the organisation (accounts, cells, the audit trail): the admin, and committee staff for their own committee. */
export const OFFICE_ROLES: readonly Role[] = ['admin', 'committee'];

/** Those who read a committee's figures (mayReadFiguresOf decides whose): the office, and the upper levels over it. */
export const FIGURES_ROLES: readonly Role[] = [...OFFICE_ROLES, 'overseer'];

/** Those who read an area's overview (mayReadAreaFigures decides which): the admin, and the upper levels. */
export const AREA_ROLES: readonly Role[] = ['admin', 'overseer'];

/** Launching is not an action on an existing cycle: committee staff launch for their committee, the admin for any. */
export const LAUNCH_ROLES: readonly Role[] = ['committee', 'admin'];

const ROLE_OF: Record<CycleRelation, Role> = { admin: 'admin', committee: 'committee', host: 'secretary', invited: 'secretary', guest: 'guest' };

/** The roles whose holders can stand in a relation allowed to take the action: what the role guard lets through. */
export function rolesFor(action: CycleAction): Role[] {
  return [...new Set(CYCLE_ACTIONS[action].by.map((relation) => ROLE_OF[relation]))];
}

export function isOpenIn(action: CycleAction, stage: CycleStage): boolean {
  const rule: ActionRule = CYCLE_ACTIONS[action];
  return rule.stages === undefined || rule.stages.includes(stage);
}

/** Why this relation may not take the action in this stage, or null when it may try. */
export function refusal(action: CycleAction, relation: CycleRelation, stage: CycleStage): { code: ErrorCode; stage?: CycleStage } | null {
  const rule: ActionRule = CYCLE_ACTIONS[action];
  if (!rule.by.includes(relation)) return { code: rule.otherwise };
  if (!isOpenIn(action, stage)) return { code: 'WRONG_STAGE', stage };
  return null;
}

// ── what is each person's to do ──────────────────────────────────────────────────────────────────────

/** Each task of "Việc của tôi" is an action, in the stages where it is still waiting for someone. */
export const TASKS: Record<TaskAction, { action: CycleAction; stages: readonly CycleStage[] }> = {
  SELECT_HOST: { action: 'pickHost', stages: ['HOST_SELECTION'] },
  // The plan may be revised until the meeting; it is a task only until it is first posted.
  SUBMIT_PLAN: { action: 'postPlan', stages: ['PREPARATION'] },
  RSVP: { action: 'rsvp', stages: ['PREPARATION', 'SCHEDULED'] },
  RECORD_MEETING: { action: 'recordMeeting', stages: ['SCHEDULED'] },
  SUBMIT_CRITIQUE: { action: 'submitCritique', stages: ['CRITIQUE'] },
  SUBMIT_REPORT: { action: 'fileReport', stages: ['REPORTING'] },
  REVIEW_REPORT: { action: 'review', stages: ['REVIEW'] },
  COMPLETE_ACTION_ITEM: { action: 'settleActionItem', stages: ['CLOSED', 'CANCELLED'] },
};
