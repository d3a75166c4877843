import { CYCLE_STAGES, TASK_ACTIONS } from './cycle.js';
import {
  CYCLE_ACTIONS,
  TASKS,
  accountRefusal,
  isOpenIn,
  mayReadAreaFigures,
  mayReadFiguresOf,
  refusal,
  relationTo,
  rolesFor,
  type CycleParties,
  type Person,
} from './cycle-policy.js';

const committeeA = 'committee-a';
const host = 'cell-host';
const visitor = 'cell-visitor';
const bystander = 'cell-bystander';

const staff: Person = { role: 'committee', committeeId: committeeA, cellId: null };
const otherStaff: Person = { role: 'committee', committeeId: 'committee-b', cellId: null };
const admin: Person = { role: 'admin', committeeId: null, cellId: null };
const guest: Person = { role: 'guest', committeeId: committeeA, cellId: null };
const secretaryOf = (cellId: string, committeeId = committeeA): Person => ({ role: 'secretary', committeeId, cellId });

function cycle(overrides: Partial<CycleParties> = {}): CycleParties {
  return { committeeId: committeeA, hostCellId: host, stage: 'PREPARATION', cellInvited: false, guestInvited: false, ...overrides };
}

describe('relationTo: a person’s place in one cycle', () => {
  it('names each relation', () => {
    expect(relationTo(admin, cycle())).toBe('admin');
    expect(relationTo(staff, cycle())).toBe('committee');
    expect(relationTo(secretaryOf(host), cycle())).toBe('host');
    expect(relationTo(secretaryOf(visitor), cycle({ cellInvited: true }))).toBe('invited');
    expect(relationTo(guest, cycle({ guestInvited: true }))).toBe('guest');
  });

  it('hides another committee’s cycle as if it did not exist', () => {
    expect(relationTo(otherStaff, cycle())).toBe('NOT_FOUND');
    expect(relationTo(secretaryOf(visitor, 'committee-b'), cycle({ cellInvited: true }))).toBe('NOT_FOUND');
  });

  it('before the host is picked, only the committee (and the admin) know of the cycle', () => {
    const selecting = cycle({ stage: 'HOST_SELECTION', hostCellId: null, cellInvited: true, guestInvited: true });
    expect(relationTo(staff, selecting)).toBe('committee');
    expect(relationTo(admin, selecting)).toBe('admin');
    expect(relationTo(secretaryOf(visitor), selecting)).toBe('NOT_FOUND');
    expect(relationTo(guest, selecting)).toBe('NOT_FOUND');
  });

  it('a secretary of the committee whose cell has no part is refused, a guest not invited sees nothing', () => {
    expect(relationTo(secretaryOf(bystander), cycle())).toBe('NOT_INVITED');
    expect(relationTo({ role: 'secretary', committeeId: committeeA, cellId: null }, cycle({ cellInvited: true }))).toBe('NOT_INVITED');
    expect(relationTo(guest, cycle())).toBe('NOT_FOUND');
  });
});

describe('the action table', () => {
  it('lets the role guard through exactly the roles that can hold an allowed relation', () => {
    expect(rolesFor('pickHost')).toEqual(['committee']);
    expect(rolesFor('postPlan')).toEqual(['secretary']);
    expect(rolesFor('reschedule').sort()).toEqual(['committee', 'secretary']);
    expect(rolesFor('submitCritique').sort()).toEqual(['guest', 'secretary']);
    expect(rolesFor('cancel').sort()).toEqual(['admin', 'committee']);
    expect(rolesFor('view').sort()).toEqual(['admin', 'committee', 'guest', 'secretary']);
  });

  it('refuses the wrong relation with the action’s own code before looking at the stage', () => {
    expect(refusal('recordAdoption', 'host', 'PREPARATION')).toEqual({ code: 'NOT_INVITED' });
    expect(refusal('settleActionItem', 'invited', 'CLOSED')).toEqual({ code: 'NOT_HOST_SECRETARY' });
    expect(refusal('recordAdoption', 'invited', 'REVIEW')).toEqual({ code: 'WRONG_STAGE', stage: 'REVIEW' });
    expect(refusal('settleActionItem', 'committee', 'CANCELLED')).toBeNull();
    expect(refusal('view', 'guest', 'HOST_SELECTION')).toBeNull();
  });

  it('keeps cancel open exactly while the cycle is', () => {
    const open = CYCLE_STAGES.filter((stage) => isOpenIn('cancel', stage));
    expect(open).toEqual(['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW']);
  });

  it('lists every task once, waiting only in stages its action is open in', () => {
    expect(Object.keys(TASKS).sort()).toEqual([...TASK_ACTIONS].sort());
    for (const task of TASK_ACTIONS) {
      const { action, stages } = TASKS[task];
      expect(action in CYCLE_ACTIONS).toBe(true);
      for (const stage of stages) expect([task, stage, isOpenIn(action, stage)]).toEqual([task, stage, true]);
    }
  });
});

describe('accountRefusal: whose account the office may change', () => {
  const officeA = { ...staff, id: 'staff-a' };
  const secretaryA = { ...secretaryOf(visitor), id: 'secretary-a' };
  const secretaryB = { ...secretaryOf(visitor, 'committee-b'), id: 'secretary-b' };
  const root = { ...admin, id: 'admin-1' };

  it('lets committee staff change their own committee’s secretaries and guests, and nobody else’s', () => {
    expect(accountRefusal(officeA, secretaryA, 'edit')).toBeNull();
    expect(accountRefusal(officeA, { ...guest, id: 'guest-a' }, 'deactivate')).toBeNull();
    expect(accountRefusal(officeA, secretaryB, 'edit')).toBe('NOT_FOUND');
    expect(accountRefusal(officeA, { ...staff, id: 'staff-a2' }, 'edit')).toBe('ROLE_NOT_ALLOWED');
    expect(accountRefusal(officeA, root, 'edit')).toBe('NOT_FOUND');
  });

  it('lets the admin change anyone but not deactivate itself; a secretary changes no one', () => {
    expect(accountRefusal(root, secretaryB, 'deactivate')).toBeNull();
    expect(accountRefusal(root, officeA, 'edit')).toBeNull();
    expect(accountRefusal(root, root, 'edit')).toBeNull();
    expect(accountRefusal(root, root, 'deactivate')).toBe('ROLE_NOT_ALLOWED');
    expect(accountRefusal(secretaryA, { ...secretaryOf(host), id: 'secretary-host' }, 'edit')).toBe('NOT_FOUND');
  });
});

describe('mayReadFiguresOf / mayReadAreaFigures: the figures an upper level reads', () => {
  const province = 'province-lc';
  const district = 'district-mk';
  const otherDistrict = 'district-bh';
  const overseerOf = (areaId: string | null): Person & { areaId: string | null } => ({ role: 'overseer', committeeId: null, cellId: null, areaId });
  const underDistrict = [district, province];
  const underProvinceOnly = [province];

  it('opens a commune to the overseer of its district or of its province, directly or through the district, and to no other', () => {
    expect(mayReadFiguresOf(overseerOf(district), committeeA, underDistrict)).toBe(true);
    expect(mayReadFiguresOf(overseerOf(province), committeeA, underDistrict)).toBe(true);
    expect(mayReadFiguresOf(overseerOf(province), committeeA, underProvinceOnly)).toBe(true);
    expect(mayReadFiguresOf(overseerOf(otherDistrict), committeeA, underDistrict)).toBe(false);
    expect(mayReadFiguresOf(overseerOf(district), committeeA, underProvinceOnly)).toBe(false);
    expect(mayReadFiguresOf(overseerOf(district), committeeA, [])).toBe(false);
    expect(mayReadFiguresOf(overseerOf(null), committeeA, underDistrict)).toBe(false);
  });

  it('leaves the office and the admin as they were: their own committee, every committee', () => {
    expect(mayReadFiguresOf(staff, committeeA, [])).toBe(true);
    expect(mayReadFiguresOf(otherStaff, committeeA, underDistrict)).toBe(false);
    expect(mayReadFiguresOf(admin, committeeA, [])).toBe(true);
  });

  it('opens an area’s overview to its overseer, a district’s also to its province’s; to the admin every one; to no office', () => {
    expect(mayReadAreaFigures(overseerOf(province), [province])).toBe(true);
    expect(mayReadAreaFigures(overseerOf(province), [district, province])).toBe(true);
    expect(mayReadAreaFigures(overseerOf(district), [district, province])).toBe(true);
    expect(mayReadAreaFigures(overseerOf(district), [province])).toBe(false);
    expect(mayReadAreaFigures(overseerOf(otherDistrict), [district, province])).toBe(false);
    expect(mayReadAreaFigures(admin, [district, province])).toBe(true);
    expect(mayReadAreaFigures(staff, [district, province])).toBe(false);
  });

  it('gives an overseer no relation to any cycle and no role in any action', () => {
    expect(relationTo(overseerOf(district), cycle())).toBe('NOT_FOUND');
    for (const action of Object.keys(CYCLE_ACTIONS) as (keyof typeof CYCLE_ACTIONS)[]) expect(rolesFor(action)).not.toContain('overseer');
  });
});
