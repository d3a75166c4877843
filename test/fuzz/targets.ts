import fc from 'fast-check';
import { DEFAULT_RUBRIC } from '../../libs/domain/default-rubric.js';
import { CRITIQUE_STAGES, POINT_KINDS, RATINGS } from '../../libs/domain/cycle.js';
import { LIST_LIMITS } from '../../libs/domain/input-bounds.js';
import { TEST_PASSWORD } from '../support/commune-api.fixture.js';
import {
  acceptedCells,
  ADOPTION_RECORDS,
  allPoints,
  attendingCells,
  band,
  cellsCanClose,
  claimable,
  CRITERIA,
  dueRange,
  fullOnRequired,
  isOpen,
  mixedAnswerWanted,
  openSlots,
  pointsToAnswer,
  RSVP_ANSWERS,
  topRuledOut,
  type Lane,
  type Rating,
  type Scores,
  type StepName,
} from './model.js';
import {
  addDays,
  badNameArb,
  DAY,
  formatInstant,
  HOUR,
  idArb,
  MINUTE,
  nameArb,
  passwordArb,
  textArb,
  timeStyleArb,
  weakPasswordArb,
  type IdSpec,
} from './values.js';
import type { Json } from './wire.js';
import { sleep } from '../support/eventually.js';
import { STEP_PATHS, SUCCESS, type Identity, type Move, type World } from './world.js';

/**
 * Every mutating endpoint: its well-formed but unusual bodies (the majority of cases, aimed at a cycle that
 * can take them, from the person who may send them), bodies that are well formed but break a documented
 * rule (never accepted), who may send it, and which cycles it is fuzzed on.
 */

/** A case aimed at the endpoint as it should be used: the caller, the path's ids, the body (null: none). */
export interface OnTarget {
  caller: string;
  ids: IdSpec[];
  body: Json | null;
  /** The statuses a valid case may get; default: the success, or 409 (the cycle moved on, a limit was reached). */
  expect?: number[];
}

export interface Context {
  world: World;
  lane: Lane | null;
}

export interface Target {
  name: string;
  /** The cycle step, for endpoints that act on a cycle. */
  step?: StepName;
  success: 200 | 201;
  path(ids: string[]): string;
  /** Every property name the endpoint's body knows (any other is rejected), and the required ones ("points.*.text"). */
  fields: string[];
  required: string[];
  /** Whether a valid case of this endpoint can go to this cycle now. */
  fits?(lane: Lane, world: World): boolean;
  /** Lower first. */
  preference?(lane: Lane): number;
  /** Cycles that valid steps (each checked) bring to where this endpoint can be fuzzed on them. */
  convert?: { from(lane: Lane, world: World): boolean; to(lane: Lane): boolean; options?: Parameters<World['forward']>[1] };
  /** Makes new cycles this endpoint can be fuzzed on (when none fits): valid steps only, each checked. */
  replenish?(world: World, wanted: number): Promise<void>;
  valid(context: Context): fc.Arbitrary<OnTarget>;
  /** Well formed, but against a documented rule: never accepted. */
  semantic?(context: Context): fc.Arbitrary<OnTarget>;
  /** The second path id of a case aimed elsewhere. */
  otherIds?(context: Context): fc.Arbitrary<IdSpec>;
  /** Whether this person may do this at all (false: a 2xx would be a leak); undefined when it depends on more. */
  allowed(identity: Identity, lane: Lane | null, ids: string[], world: World): boolean | undefined;
  /** The valid step that shows a cycle of this endpoint still moves (default: the cycle's next step). */
  probe?(world: World, lane: Lane): Move | null;
  /** For endpoints that are not cycle steps: what a success must echo. */
  echo?(sent: Record<string, unknown>, answer: Record<string, unknown>): string[];
  /** Public endpoint (no token needed). */
  public?: true;
}

// ---------------------------------------------------------------------------------------------------
// Shared pieces.

const future = (minMs: number, maxMs: number) =>
  fc
    .tuple(
      fc.oneof({ weight: 1, arbitrary: fc.constantFrom(minMs, maxMs) }, { weight: 4, arbitrary: fc.integer({ min: minMs, max: maxMs }) }),
      timeStyleArb,
    )
    .map(([offset, style]) => formatInstant(Math.floor((Date.now() + offset) / 1000) * 1000 + (offset % 997), style));

/** Every meeting time up to this far ahead is accepted ("~2 years", notes rule 4). */
const HORIZON_MS = 729 * DAY;
const DURATIONS = ['P3D', 'PT1H', 'P1W', 'PT30S', 'P1DT12H', 'P7D', 'PT1S', 'P366D', 'PT13H', 'P2W', 'PT0.5S'];
const durationArb = fc.constantFrom(...DURATIONS.filter((duration) => duration !== 'PT0.5S'));

const pointsOf = (max: number) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.constant(max) }, { weight: 5, arbitrary: fc.integer({ min: 0, max: 2 * max }).map((n) => n / 2) });

const sheetOf = (criteria: typeof CRITERIA): fc.Arbitrary<Scores> =>
  fc.tuple(...criteria.map((criterion) => pointsOf(criterion.maxPoints))).map((values) => Object.fromEntries(criteria.map((criterion, index) => [criterion.id, values[index]])));

/** A complete sheet worth exactly `sum`: half points taken off criteria (optionally the marked ones last). */
function sheetWorth(sum: number, keepMarked: boolean, rotate: number): Scores {
  const order = CRITERIA.map((_, index) => CRITERIA[(index + rotate) % CRITERIA.length]).sort((a, b) => (keepMarked ? Number(a.requiredForTop) - Number(b.requiredForTop) : 0));
  const sheet: Scores = Object.fromEntries(CRITERIA.map((criterion) => [criterion.id, criterion.maxPoints]));
  let remaining = 100 - sum;
  for (const criterion of order) {
    const cut = Math.min(remaining, criterion.maxPoints);
    sheet[criterion.id] = criterion.maxPoints - cut;
    remaining -= cut;
  }
  return sheet;
}

/** Complete sheets: any, and ones on the edges of the bands (49.5/50, 69.5/70, 89.5/90, 100). */
const completeSheetArb: fc.Arbitrary<Scores> = fc.oneof(
  sheetOf(CRITERIA),
  fc.tuple(fc.constantFrom(0, 49.5, 50, 69.5, 70, 89.5, 90, 94.5, 100), fc.boolean(), fc.nat(7)).map(([sum, keep, rotate]) => sheetWorth(sum, keep, rotate)),
);
const partialSheetArb: fc.Arbitrary<Scores> = fc
  .subarray(CRITERIA, { minLength: 1, maxLength: CRITERIA.length - 1 })
  .chain((criteria) => sheetOf(criteria));

/** A visitor's scores and rating: the rating agrees with a complete sheet; Tốt with a partial one needs its marked criteria full. */
const critiqueScoringArb: fc.Arbitrary<{ scores?: Scores; rating?: Rating }> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constantFrom(...RATINGS).map((rating) => ({ rating })) },
  {
    weight: 3,
    arbitrary: partialSheetArb.chain((scores) =>
      fc
        .constantFrom<(Rating | undefined)[]>(undefined, 'KHA', 'TRUNG_BINH', 'KEM', ...(fullOnRequired(scores) ? (['TOT'] as Rating[]) : []))
        .map((rating) => (rating ? { scores, rating } : { scores })),
    ),
  },
  { weight: 3, arbitrary: fc.tuple(completeSheetArb, fc.boolean()).map(([scores, rated]) => (rated ? { scores, rating: band(scores)! } : { scores })) },
);

/** Sheets the rubric refuses: half a point off the step, above a criterion's maximum, a criterion it does not have. */
const badSheetArb: fc.Arbitrary<Scores> = fc.oneof(
  fc.constantFrom<Scores>({ conduct: 25.3 }, { results: 0.25 }, { time: 5.5 }, { attendance: 6 }, { conduct: 30.5 }, { khong_co: 3 }, { preparation: 10.01 }),
  completeSheetArb.map((sheet) => ({ ...sheet, preparation: 12 })),
);

const upper = (id: string) => fc.oneof({ weight: 6, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: fc.constant(id.toUpperCase()) });
const laneIds = (lane: Lane) => [{ id: lane.id }] as IdSpec[];
const pick = <T>(items: readonly T[]) => {
  if (items.length === 0) throw new Error('nothing to pick from (the world is too small for this many runs)');
  return fc.constantFrom(...items);
};

function guestKey(world: World, userId: string): string {
  return [...world.identities.values()].find((identity) => identity.userId === userId)!.key;
}

const isCommitteeOf = (identity: Identity, lane: Lane) => identity.role === 'committee' && identity.committeeId === lane.committeeId;
const isHostSecretary = (identity: Identity, lane: Lane) => identity.role === 'secretary' && identity.cellId !== null && identity.cellId === lane.hostCellId;

// ---------------------------------------------------------------------------------------------------
// Endpoints that are not cycle steps.

const login: Target = {
  name: 'POST /api/auth/login',
  success: 200,
  path: () => '/api/auth/login',
  fields: ['username', 'password'],
  required: ['username', 'password'],
  public: true,
  // The login is rate limited (429, api.md) when FUZZ_RUNS is large.
  valid: ({ world }) =>
    fc.oneof(
      pick(['staff', 'otherStaff']).map((key): OnTarget => ({ caller: 'nobody', ids: [], body: { username: world.identity(key).username, password: TEST_PASSWORD }, expect: [200, 429] })),
      // Usernames are unique without regard to case (README): the same account in other capitals.
      pick(['staff', 'otherStaff']).map((key): OnTarget => ({ caller: 'nobody', ids: [], body: { username: world.identity(key).username.toUpperCase(), password: TEST_PASSWORD }, expect: [200, 429] })),
      fc
        .tuple(pick(['admin', 'staff', 'sec:0']), textArb(200))
        .filter(([, password]) => password !== TEST_PASSWORD && password !== 'admin')
        .map(([key, password]): OnTarget => ({ caller: 'nobody', ids: [], body: { username: world.identity(key).username, password }, expect: [401, 429] })),
      fc
        .tuple(textArb(100), textArb(200))
        .filter(([username]) => ![...world.identities.values()].some((identity) => identity.username === username))
        .map(([username, password]): OnTarget => ({ caller: 'nobody', ids: [], body: { username, password }, expect: [401, 429] })),
    ),
  allowed: () => undefined,
  echo: (sent, answer) => {
    const user = answer.user as Record<string, unknown> | undefined;
    const username = typeof sent.username === 'string' ? sent.username.toLowerCase() : sent.username;
    return typeof answer.accessToken === 'string' && user?.username === username ? [] : [`the login answer ${JSON.stringify(answer).slice(0, 200)} is not the token of ${String(sent.username)}`];
  },
};

/** README: a name is stored in NFC, so the name a creation answers is the one sent, in NFC. */
const asStored = (name: unknown) => (typeof name === 'string' ? name.normalize('NFC') : name);

const committees: Target = {
  name: 'POST /api/committees',
  success: 201,
  path: () => '/api/committees',
  fields: ['name'],
  required: ['name'],
  valid: () => fc.record({ name: nameArb(200) }).map((body): OnTarget => ({ caller: 'admin', ids: [], body, expect: [201, 409] })),
  semantic: () => badNameArb.map((name): OnTarget => ({ caller: 'admin', ids: [], body: { name } })),
  allowed: (identity) => identity.role === 'admin',
  echo: (sent, answer) =>
    answer.name === asStored(sent.name) && typeof answer.id === 'string' ? [] : [`created ${JSON.stringify(answer).slice(0, 300)}, sent name ${JSON.stringify(sent.name)} (stored NFC)`],
};

const cells: Target = {
  name: 'POST /api/committees/:id/cells',
  success: 201,
  path: (ids) => `/api/committees/${ids[0]}/cells`,
  fields: ['name', 'memberCount'],
  required: ['name', 'memberCount'],
  valid: ({ world }) =>
    fc
      .record({
        caller: pick(['admin', 'staff']),
        committee: idArb(world.committeeId),
        name: nameArb(200),
        memberCount: fc.oneof(fc.constantFrom(1, 5000), fc.integer({ min: 1, max: 5000 })),
      })
      .map(({ caller, committee, name, memberCount }): OnTarget => ({ caller, ids: [committee], body: { name, memberCount }, expect: [201, 409] })),
  semantic: ({ world }) =>
    fc.oneof(
      fc.record({ name: nameArb(200), memberCount: fc.integer({ min: 1, max: 5000 }) }).map((body): OnTarget => ({ caller: 'staff', ids: [{ id: world.otherCommitteeId }], body })),
      fc
        .record({ caller: pick(['admin', 'staff']), name: badNameArb, memberCount: fc.integer({ min: 1, max: 5000 }) })
        .map(({ caller, ...body }): OnTarget => ({ caller, ids: [{ id: world.committeeId }], body })),
    ),
  otherIds: ({ world }) => fc.constantFrom<IdSpec>({ id: world.committeeId }, { id: world.otherCommitteeId }),
  allowed: (identity, _lane, ids) => identity.role === 'admin' || (identity.role === 'committee' ? (identity.committeeId === ids[0]?.toLowerCase() ? undefined : false) : false),
  echo: (sent, answer) =>
    answer.name === asStored(sent.name) && answer.memberCount === sent.memberCount
      ? []
      : [`created ${JSON.stringify(answer).slice(0, 300)}, sent ${JSON.stringify(sent).slice(0, 300)} (the name stored NFC)`],
};

/** Usernames taken (in lower case: README, usernames are unique without regard to case): the world's and those the fuzzing created. */
const takenUsernames = new Set<string>();

const users: Target = {
  name: 'POST /api/users',
  success: 201,
  path: () => '/api/users',
  fields: ['username', 'password', 'fullName', 'role', 'committeeId', 'cellId'],
  required: ['username', 'password', 'fullName', 'role'],
  valid: ({ world }) => {
    const taken = [...new Set([...takenUsernames, ...[...world.identities.values()].map((identity) => identity.username.toLowerCase()).filter((name) => name !== '')])];
    // Mostly new names (the shortest and longest too, in any capitals); now and then one that is taken, in
    // other capitals than it was created with: refused as taken, whatever else the body holds.
    const fresh = fc.oneof(
      { weight: 6, arbitrary: fc.tuple(fc.stringMatching(/^[a-zA-Z0-9._-]{0,40}$/), fc.uuid()).map(([prefix, uuid]) => `${prefix}${uuid.replace(/-/g, '')}`.slice(-64)) },
      { weight: 1, arbitrary: fc.uuid().map((uuid) => uuid.slice(0, 3)) },
      { weight: 1, arbitrary: fc.constantFrom('abc', 'a'.repeat(64), '...', '-_-', 'Z.9') },
    );
    const account = fc
      .oneof(
        { weight: 9, arbitrary: fresh.map((username) => ({ username, expect: takenUsernames.has(username.toLowerCase()) ? [409] : [201, 409] })) },
        {
          weight: 1,
          arbitrary: pick(taken)
            .chain((name) => fc.constantFrom(name.toUpperCase(), `${name.charAt(0).toUpperCase()}${name.slice(1)}`, name.replace(/[a-z]/g, (letter, at: number) => (at % 2 === 0 ? letter.toUpperCase() : letter))))
            .map((username) => ({ username, expect: [409] })),
        },
      )
      .chain(({ username, expect }) => fc.record({ username: fc.constant(username), password: passwordArb(username), fullName: nameArb(200), expect: fc.constant(expect) }));
    const ownCells = [...world.visitorCells.slice(0, 4), ...world.hostCells.slice(-4)];
    return fc.oneof(
      fc
        .record({ caller: pick(['admin', 'staff']), account, cellId: pick(ownCells), withCommittee: fc.boolean() })
        .map(({ caller, withCommittee, account: { expect, ...rest }, cellId }): OnTarget => ({
          caller,
          ids: [],
          body: { ...rest, role: 'secretary', ...(withCommittee || caller === 'admin' ? { committeeId: world.committeeId } : {}), cellId },
          expect,
        })),
      fc
        .record({ caller: pick(['admin', 'staff']), account })
        .map(({ caller, account: { expect, ...rest } }): OnTarget => ({ caller, ids: [], body: { ...rest, role: 'guest', committeeId: world.committeeId }, expect })),
      fc
        .record({ account, committeeId: pick([world.committeeId, world.otherCommitteeId]) })
        .map(({ account: { expect, ...rest }, committeeId }): OnTarget => ({ caller: 'admin', ids: [], body: { ...rest, role: 'committee', committeeId }, expect })),
      account.map(({ expect, ...rest }): OnTarget => ({ caller: 'admin', ids: [], body: { ...rest, role: 'admin' }, expect })),
    );
  },
  semantic: ({ world }) =>
    fc.record({ username: fc.stringMatching(/^[a-z0-9]{6,20}$/), fullName: nameArb(200) }).chain(({ username, fullName }) =>
      fc.oneof(
        fc.constantFrom<OnTarget>(
          { caller: 'staff', ids: [], body: { username, password: TEST_PASSWORD, fullName, role: 'admin' } },
          { caller: 'staff', ids: [], body: { username, password: TEST_PASSWORD, fullName, role: 'committee', committeeId: world.committeeId } },
          { caller: 'staff', ids: [], body: { username, password: TEST_PASSWORD, fullName, role: 'secretary', cellId: world.otherCell } },
          { caller: 'admin', ids: [], body: { username, password: TEST_PASSWORD, fullName, role: 'admin', committeeId: world.committeeId } },
          { caller: 'admin', ids: [], body: { username, password: TEST_PASSWORD, fullName, role: 'guest', cellId: world.hostCells[0], committeeId: world.committeeId } },
        ),
        // Issue 10: a weak password, or a name that hides or turns text around, is refused.
        fc
          .tuple(pick(['admin', 'staff']), weakPasswordArb(username))
          .map(([caller, password]): OnTarget => ({ caller, ids: [], body: { username, password, fullName, role: 'guest', committeeId: world.committeeId } })),
        fc
          .tuple(pick(['admin', 'staff']), badNameArb)
          .map(([caller, name]): OnTarget => ({ caller, ids: [], body: { username, password: TEST_PASSWORD, fullName: name, role: 'guest', committeeId: world.committeeId } })),
      ),
    ),
  allowed: (identity) => (identity.role === 'admin' ? true : identity.role === 'committee' ? undefined : false),
  echo: (sent, answer) => {
    const problems: string[] = [];
    // README: usernames are kept in lower case (unique without regard to case), names in NFC.
    const stored: Record<string, unknown> = { username: typeof sent.username === 'string' ? sent.username.toLowerCase() : sent.username, fullName: asStored(sent.fullName), role: sent.role };
    for (const field of ['username', 'fullName', 'role'] as const) if (answer[field] !== stored[field]) problems.push(`${field}: created ${JSON.stringify(answer[field])}, sent ${JSON.stringify(sent[field])}`);
    if (typeof answer.username === 'string') takenUsernames.add(answer.username.toLowerCase());
    const sentCell = typeof sent.cellId === 'string' ? sent.cellId.toLowerCase() : null;
    const createdCell = typeof answer.cellId === 'string' ? answer.cellId.toLowerCase() : null;
    if (sentCell !== null && createdCell !== sentCell) problems.push(`cellId: created ${JSON.stringify(answer.cellId)}, sent ${sentCell}`);
    if ('password' in answer) problems.push('the created user shows its password');
    return problems;
  },
};

// ---------------------------------------------------------------------------------------------------
// Launching a cycle.

const launch: Target = {
  name: 'POST /api/cycles',
  success: 201,
  path: () => '/api/cycles',
  fields: [
    'committeeId',
    'title',
    'topic',
    'kind',
    'hostCellId',
    'invitedCellIds',
    'meetingAt',
    'location',
    'rubricId',
    'critiqueWindow',
    'reportWindow',
    'reviewWindow',
    'guestIds',
    'reminders',
    'rsvpReminderLead',
    'planDueLead',
    'critiqueReminderLead',
    'reportReminderLead',
    'hostPickLead',
    'planReminderLead',
    'recordReminderDelay',
    'recordDueDelay',
    'earlyStartTolerance',
  ],
  required: ['committeeId', 'title', 'topic', 'kind', 'invitedCellIds', 'meetingAt', 'location'],
  valid: ({ world }) => {
    const free = world.freeHosts().slice(0, 30);
    return fc
      .record(
        {
          caller: pick(['staff', 'staff', 'admin']),
          title: textArb(300),
          topic: textArb(1000),
          kind: pick(['regular', 'thematic']),
          hostCellId: free.length > 0 ? upper(free[free.length - 1]) : fc.constant(undefined),
          withHost: fc.integer({ min: 0, max: 9 }).map((n) => n < 3 && free.length > 0),
          invitedCellIds: fc.shuffledSubarray(world.visitorCells, { minLength: 1 }),
          meetingAt: future(5 * MINUTE, HORIZON_MS),
          location: textArb(300),
          rubricId: fc.constant(DEFAULT_RUBRIC.id),
          critiqueWindow: durationArb,
          reportWindow: durationArb,
          reviewWindow: durationArb,
          reminders: fc.record(
            {
              rsvpReminderLead: durationArb,
              planDueLead: durationArb,
              critiqueReminderLead: durationArb,
              reportReminderLead: durationArb,
              hostPickLead: durationArb,
              planReminderLead: durationArb,
              recordReminderDelay: durationArb,
              recordDueDelay: durationArb,
              earlyStartTolerance: durationArb,
            },
            { requiredKeys: [] },
          ),
          guestIds: fc.shuffledSubarray(world.guests.slice(0, 25), { maxLength: 20 }),
        },
        { requiredKeys: ['caller', 'title', 'topic', 'kind', 'withHost', 'invitedCellIds', 'meetingAt', 'location'] },
      )
      .map(({ caller, withHost, hostCellId, ...rest }): OnTarget => ({
        caller,
        ids: [],
        body: { committeeId: world.committeeId, ...(withHost && hostCellId ? { hostCellId } : {}), ...rest },
      }));
  },
  semantic: ({ world }) => {
    const base = { committeeId: world.committeeId, title: 'Sinh hoạt chi bộ điểm', topic: 'Chủ đề', kind: 'regular', location: 'Hội trường' };
    const [visitor] = world.visitorCells;
    const busy = [...world.busy.keys()][0];
    return fc.tuple(future(5 * MINUTE, 30 * DAY), timeStyleArb).chain(([meetingAt, style]) =>
      fc.constantFrom<OnTarget>(
        { caller: 'staff', ids: [], body: { ...base, hostCellId: visitor, invitedCellIds: [visitor], meetingAt } },
        { caller: 'staff', ids: [], body: { ...base, invitedCellIds: [world.otherCell], meetingAt } },
        { caller: 'staff', ids: [], body: { ...base, invitedCellIds: [visitor], meetingAt: formatInstant(Date.now() - HOUR, style) } },
        { caller: 'staff', ids: [], body: { ...base, invitedCellIds: [visitor], meetingAt: formatInstant(Date.now() + 3 * 366 * DAY, style) } },
        { caller: 'staff', ids: [], body: { ...base, invitedCellIds: [visitor], meetingAt, guestIds: [world.foreignGuestId] } },
        { caller: 'staff', ids: [], body: { ...base, committeeId: world.otherCommitteeId, invitedCellIds: [world.otherCell], meetingAt } },
        ...(busy ? [{ caller: 'staff', ids: [], body: { ...base, hostCellId: busy, invitedCellIds: [visitor], meetingAt } }] : []),
      ),
    );
  },
  allowed: (identity) => (identity.role === 'admin' ? true : identity.role === 'committee' ? undefined : false),
};

// ---------------------------------------------------------------------------------------------------
// Cycle steps.

const stepPath = (step: StepName) => (ids: string[]) => STEP_PATHS[step](ids[0], ids[1] ?? '');

function stepTarget(step: StepName, rest: Omit<Target, 'name' | 'step' | 'success' | 'path'> & { name: string }): Target {
  return { step, success: SUCCESS[step], path: stepPath(step), ...rest };
}

const freeOf = (world: World, lane: Lane) => world.freeHosts().filter((cellId) => !lane.invitations.has(cellId));

const host = stepTarget('host', {
  name: 'POST /api/cycles/:id/host',
  fields: ['cellId'],
  required: ['cellId'],
  fits: (lane) => lane.status === 'HOST_SELECTION' && lane.tag !== 'foreign',
  preference: (lane) => (lane.tag === 'hostPick' ? 0 : lane.tag === 'launched' ? 1 : 2),
  replenish: async (world, wanted) => {
    await Promise.all(Array.from({ length: wanted }, () => world.launch('hostPick', { host: false, invited: world.visitorCells.slice(0, 3), meetingAt: Date.now() + 4000 })));
  },
  valid: ({ world, lane }) => {
    const free = freeOf(world, lane!).slice(0, 12);
    const invited = lane!.invitations.size >= 2 ? [...lane!.invitations.keys()].filter((cellId) => !world.busy.has(cellId)) : [];
    return fc
      .oneof({ weight: 5, arbitrary: pick(free) }, ...(invited.length > 0 ? [{ weight: 1, arbitrary: pick(invited) }] : []))
      .chain(upper)
      .map((cellId): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: { cellId } }));
  },
  semantic: ({ world, lane }) => {
    const busy = [...world.busy.keys()].slice(0, 5);
    return pick([world.otherCell, ...busy]).map((cellId): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: { cellId } }));
  },
  allowed: (identity, lane) => isCommitteeOf(identity, lane!),
});

const guests = stepTarget('guests', {
  name: 'POST /api/cycles/:id/guests',
  fields: ['guestIds'],
  required: ['guestIds'],
  fits: (lane) => ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE'].includes(lane.status) && lane.guests.size < 19 && lane.tag === 'guests',
  replenish: async (world, wanted) => {
    await Promise.all(Array.from({ length: wanted }, () => world.launch('guests', { host: false, invited: world.visitorCells.slice(3, 6), meetingAt: Date.now() + 30 * DAY })));
  },
  valid: ({ world, lane }) => {
    const fresh = world.guests.filter((guestId) => !lane!.guests.has(guestId));
    const old = [...lane!.guests];
    const room = Math.min(20 - lane!.guests.size, fresh.length);
    return fc
      .tuple(
        fc.oneof({ weight: 4, arbitrary: fc.shuffledSubarray(fresh, { minLength: 1, maxLength: Math.min(room, 3) }) }, { weight: 1, arbitrary: fc.constant(fresh.slice(0, room)) }),
        fc.shuffledSubarray(old, { maxLength: Math.min(old.length, 3) }),
      )
      .filter(([add, again]) => add.length + again.length <= 20)
      .chain(([add, again]) => fc.tuple(...[...add, ...again].map(upper)))
      .map((guestIds): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: { guestIds } }));
  },
  semantic: ({ world, lane }) =>
    pick([[world.foreignGuestId], [world.identity('sec:0').userId], ...(lane!.guests.size > 0 ? [[...lane!.guests].slice(0, 2)] : [])]).map(
      (guestIds): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: { guestIds } }),
    ),
  allowed: (identity, lane) => isCommitteeOf(identity, lane!),
  probe: (world, lane) => {
    const fresh = world.guests.find((guestId) => !lane.guests.has(guestId));
    return fresh && lane.guests.size < 19 ? { step: 'guests', actor: 'staff', body: { guestIds: [fresh] } } : null;
  },
});

const reschedule = stepTarget('reschedule', {
  name: 'POST /api/cycles/:id/reschedule',
  fields: ['meetingAt', 'reason'],
  required: ['meetingAt', 'reason'],
  fits: (lane) => ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED'].includes(lane.status) && lane.meetingAt > Date.now() + 10 * MINUTE && lane.reschedules < 4 && lane.tag === 'resched',
  replenish: async (world, wanted) => {
    await Promise.all(
      Array.from({ length: wanted }, (_, index) => world.launch('resched', { host: index % 2 === 0, invited: world.visitorCells.slice(6, 9), meetingAt: Date.now() + 20 * DAY })),
    );
  },
  valid: ({ world, lane }) =>
    fc
      .record({ caller: pick(lane!.hostCellId ? ['staff', world.hostSecretary(lane!)] : ['staff']), meetingAt: future(5 * MINUTE, HORIZON_MS), reason: textArb(1000) })
      .map(({ caller, ...body }): OnTarget => ({ caller, ids: laneIds(lane!), body })),
  semantic: ({ lane }) =>
    fc
      .tuple(timeStyleArb, textArb(1000), pick([-HOUR, -DAY, 3 * 366 * DAY]))
      .map(([style, reason, offset]): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: { meetingAt: formatInstant(Date.now() + offset, style), reason } })),
  allowed: (identity, lane) => isCommitteeOf(identity, lane!) || isHostSecretary(identity, lane!),
  probe: (_world, lane) =>
    lane.reschedules < 5 && lane.meetingAt > Date.now() + MINUTE
      ? { step: 'reschedule', actor: 'staff', body: { meetingAt: new Date(Date.now() + 25 * DAY).toISOString(), reason: 'Trùng lịch thu hoạch' } }
      : null,
});

const plan = stepTarget('plan', {
  name: 'POST /api/cycles/:id/plan',
  fields: ['agenda', 'content', 'draftResolution'],
  required: ['agenda', 'content'],
  fits: (lane) => ['PREPARATION', 'SCHEDULED'].includes(lane.status) && lane.planPosts < 9 && lane.hostCellId !== null && lane.tag !== 'foreign',
  convert: { from: (lane) => lane.status === 'HOST_SELECTION' && ['hostPick', 'launched'].includes(lane.tag), to: (lane) => lane.status === 'PREPARATION' },
  // Meetings set far ahead first: the ones already due are wanted for recording.
  preference: (lane) => (lane.meetingAt > Date.now() ? 0 : 1),
  valid: ({ world, lane }) =>
    fc
      .constantFrom('content', 'draft', 'agenda', 'none')
      .chain((big) =>
        fc.record(
          {
            agenda: big === 'agenda' ? fc.array(textArb(500, { short: true }), { minLength: 50, maxLength: 50 }) : fc.array(textArb(500), { minLength: 1, maxLength: 5 }),
            content: textArb(20_000, { short: big !== 'content' }),
            draftResolution: textArb(20_000, { min: 0, short: big !== 'draft' }),
          },
          { requiredKeys: ['agenda', 'content'] },
        ),
      )
      .map((body): OnTarget => ({ caller: world.hostSecretary(lane!), ids: laneIds(lane!), body })),
  allowed: (identity, lane) => isHostSecretary(identity, lane!),
  probe: (world, lane) =>
    lane.planPosts < 9 && ['PREPARATION', 'SCHEDULED'].includes(lane.status)
      ? { step: 'plan', actor: world.hostSecretary(lane), body: { agenda: ['Khai mạc'], content: 'Kế hoạch đã cập nhật' } }
      : null,
});

/** A cell's answers (notes rule 5: a few per cell; the suite stays within three). */
const answerable = (lane: Lane) => [...lane.invitations.entries()].filter(([, invitation]) => invitation.answers < 3).map(([cellId]) => cellId);

const rsvp = stepTarget('rsvp', {
  name: 'POST /api/cycles/:id/invitations/:cellId/rsvp',
  fields: ['response', 'delegate', 'note'],
  required: ['response'],
  fits: (lane) => ['PREPARATION', 'SCHEDULED'].includes(lane.status) && answerable(lane).length > 0 && lane.tag !== 'foreign',
  convert: { from: (lane) => lane.status === 'HOST_SELECTION' && ['hostPick', 'launched'].includes(lane.tag), to: (lane) => lane.status === 'PREPARATION' },
  preference: (lane) => (lane.tag === 'wide-rsvp' ? 0 : lane.meetingAt > Date.now() ? 1 : 2),
  valid: ({ world, lane }) => {
    const answers = fc
      .record(
        {
          cellId: pick(answerable(lane!).slice(0, 8)),
          response: pick(['accept', 'decline']),
          delegate: nameArb(200),
          note: textArb(1000, { min: 0 }),
        },
        { requiredKeys: ['cellId', 'response'] },
      )
      .chain(({ cellId, ...body }) =>
        idArb(cellId).map((cell): OnTarget => ({ caller: world.secretaryOf.get(cellId)!, ids: [{ id: lane!.id }, cell], body })),
      );
    // The standing answer sent again (issue 10): the cycle as it stands, no new step, not counted.
    const standing = [...lane!.invitations.entries()].filter(([, invitation]) => invitation.responded && invitation.status !== 'PENDING').slice(0, 8);
    const again = (cellId: string) => {
      const invitation = lane!.invitations.get(cellId)!;
      const body = {
        response: invitation.status === 'ACCEPTED' ? 'accept' : 'decline',
        ...(invitation.delegate !== null ? { delegate: invitation.delegate } : {}),
        ...(invitation.note !== null ? { note: invitation.note } : {}),
      };
      return idArb(cellId).map(
        (cell): OnTarget => ({ caller: world.secretaryOf.get(cellId)!, ids: [{ id: lane!.id }, cell], body, expect: invitation.answers < RSVP_ANSWERS + lane!.reschedules ? [200] : [200, 409] }),
      );
    };
    return standing.length > 0 ? fc.oneof({ weight: 5, arbitrary: answers }, { weight: 1, arbitrary: pick(standing.map(([cellId]) => cellId)).chain(again) }) : answers;
  },
  otherIds: ({ world, lane }) => pick<IdSpec>([...[...(lane?.invitations.keys() ?? [])].map((id) => ({ id })), { id: world.otherCell }, { id: world.hostCells[0] }]),
  allowed: (identity, lane, ids) => identity.role === 'secretary' && identity.cellId === ids[1]?.toLowerCase() && lane!.invitations.has(identity.cellId),
  probe: (world, lane) => {
    const cellId = [...lane.invitations.entries()].find(([, invitation]) => invitation.answers === 0)?.[0];
    return cellId && ['PREPARATION', 'SCHEDULED'].includes(lane.status)
      ? { step: 'rsvp', actor: world.secretaryOf.get(cellId)!, body: { response: 'accept', delegate: 'Đồng chí Bí thư' }, extra: cellId }
      : null;
  },
});

/** Attendance counts that add up: present and absent within the members not exempted, at 0 and at the largest cell. */
const attendanceArb = fc
  .tuple(fc.oneof({ weight: 2, arbitrary: fc.constantFrom(1, 2, 21, 5000) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 5000 }) }), fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(1000), fc.nat(9))
  .map(([sum, e, p, r, u, shape]) => {
    const exempted = shape === 0 ? sum - 1 : shape < 3 ? Math.floor(((sum - 1) * e) / 4000) : 0;
    const members = sum - exempted;
    const present = shape === 1 ? 0 : shape === 3 ? members : Math.floor((members * p) / 1000);
    const withReason = Math.floor(((members - present) * r) / 1000);
    const withoutReason = shape === 4 ? 0 : Math.floor(((members - present - withReason) * u) / 1000);
    return { present, total: sum, withReason, withoutReason, exempted };
  })
  .chain(({ present, total: sum, withReason, withoutReason, exempted }) =>
    fc.record(
      {
        present: fc.constant(present),
        total: fc.constant(sum),
        absentWithReason: fc.constant(withReason),
        absentWithoutReason: fc.constant(withoutReason),
        exempted: fc.constant(exempted),
      },
      { requiredKeys: ['present', 'total', ...(withReason > 0 ? ['absentWithReason' as const] : []), ...(withoutReason > 0 ? ['absentWithoutReason' as const] : []), ...(exempted > 0 ? ['exempted' as const] : [])] },
    ),
  );

const LENGTHS = [MINUTE, 89 * MINUTE, 90 * MINUTE, 119 * MINUTE, 120 * MINUTE, 12 * HOUR, 95 * MINUTE];

const meeting = stepTarget('meeting', {
  name: 'POST /api/cycles/:id/meeting',
  fields: ['startedAt', 'endedAt', 'attendance', 'present', 'total', 'absentWithReason', 'absentWithoutReason', 'exempted', 'attendingCellIds', 'minutes', 'resolution', 'selfScores', 'combined'],
  required: ['startedAt', 'endedAt', 'attendance', 'attendance.present', 'attendance.total', 'attendingCellIds', 'minutes'],
  // Ruleset 3: a cell can be recorded as attending once it accepted; the meetings fuzzed have one that did,
  // one that declined and one that did not answer (the RSVPs fuzzed before leave other mixes).
  fits: (lane) => lane.status === 'SCHEDULED' && lane.meetingAt <= Date.now() && lane.tag !== 'foreign' && acceptedCells(lane).length > 0,
  convert: {
    from: (lane) => ['HOST_SELECTION', 'PREPARATION', 'SCHEDULED'].includes(lane.status) && lane.meetingAt <= Date.now() && ['hostPick', 'launched'].includes(lane.tag),
    to: (lane) => lane.status === 'SCHEDULED' && mixedAnswerWanted(lane) === null,
    options: { attending: 'mixed' },
  },
  replenish: async (world, wanted) => {
    const lanes = await Promise.all(Array.from({ length: wanted }, () => world.launch('hostPick', { host: true, invited: world.visitorCells.slice(0, 3), meetingAt: Date.now() + 3000 })));
    await Promise.all(lanes.map((lane) => world.advance(lane, (candidate) => candidate.status === 'SCHEDULED' && mixedAnswerWanted(candidate) === null, { attending: 'mixed' })));
    await sleep(Math.max(0, ...lanes.map((lane) => lane.meetingAt - Date.now() + 50)));
  },
  // A cell left out keeps its claim for the attendance fuzzing: the cycle shows it moves by taking a guest.
  probe: (world, lane) => {
    const guest = world.guests.find((guestId) => !lane.guests.has(guestId));
    return lane.status === 'CRITIQUE' && claimable(lane).length > 0 && guest && lane.guests.size < 20
      ? { step: 'guests', actor: 'staff', body: { guestIds: [guest] } }
      : world.forward(lane);
  },
  valid: ({ world, lane }) => {
    const now = Date.now() - 2000;
    const earliest = lane!.meetingAt - lane!.toleranceMs;
    const times = fc
      .tuple(fc.oneof({ weight: 3, arbitrary: pick(LENGTHS) }, { weight: 2, arbitrary: fc.integer({ min: 1000, max: 12 * HOUR }) }), fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true })), timeStyleArb, timeStyleArb)
      .map(([length, at, startStyle, endStyle]) => {
        const started = Math.round(earliest + (now - length - earliest) * at);
        return { startedAt: formatInstant(started, startStyle), endedAt: formatInstant(started + length, endStyle) };
      });
    return fc
      .tuple(times, fc.constantFrom('minutes', 'resolution', 'none'))
      .chain(([time, big]) =>
        fc.record(
          {
            attendance: attendanceArb,
            // Ruleset 3: only cells that accepted can be recorded as attending; any of them may be left out.
            attendingCellIds: fc.shuffledSubarray(acceptedCells(lane!)).chain((cellIds): fc.Arbitrary<string[]> => (cellIds.length > 0 ? fc.tuple(...cellIds.map(upper)) : fc.constant([]))),
            minutes: textArb(50_000, { short: big !== 'minutes' }),
            resolution: textArb(50_000, { min: 0, short: big !== 'resolution' }),
            selfScores: fc.oneof(partialSheetArb, completeSheetArb),
            combined: fc.boolean(),
          },
          { requiredKeys: ['attendance', 'attendingCellIds', 'minutes'] },
        ).map((rest) => ({ ...time, ...rest })),
      )
      .map((body): OnTarget => ({ caller: world.hostSecretary(lane!), ids: laneIds(lane!), body: body }));
  },
  semantic: ({ world, lane }) => {
    const now = Date.now();
    const earliest = lane!.meetingAt - lane!.toleranceMs;
    const ok = { attendance: { present: 20, total: 21 }, attendingCellIds: [], minutes: 'Biên bản' };
    const at = (start: number, end: number) => ({ startedAt: new Date(start).toISOString(), endedAt: new Date(end).toISOString() });
    const cases: Record<string, unknown>[] = [
      { ...ok, ...at(earliest - 1000, earliest + 95 * MINUTE) },
      { ...ok, ...at(earliest, earliest + 12 * HOUR + 1000) },
      { ...ok, ...at(now - 10 * MINUTE, now + 10 * MINUTE) },
      { ...ok, ...at(now - 10 * MINUTE, now - 10 * MINUTE) },
      { ...ok, ...at(now - 5 * MINUTE, now - 10 * MINUTE) },
      { ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), attendance: { present: 20, total: 21, absentWithReason: 2 } },
      { ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), attendance: { present: 0, total: 21, exempted: 21 } },
      { ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), attendingCellIds: [world.hostCells[world.hostCells.length - 1]] },
      { ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), attendingCellIds: [world.otherCell] },
      // Ruleset 3: a cell that has not accepted (declined, or not answered) cannot be recorded as attending.
      ...[...lane!.invitations.entries()]
        .filter(([, invitation]) => invitation.status !== 'ACCEPTED')
        .map(([cellId]) => ({ ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), attendingCellIds: [...acceptedCells(lane!), cellId] })),
    ];
    return fc.oneof(pick(cases), badSheetArb.map((selfScores) => ({ ...ok, ...at(now - 100 * MINUTE, now - 5 * MINUTE), selfScores }))).map(
      (body): OnTarget => ({ caller: world.hostSecretary(lane!), ids: laneIds(lane!), body: body as Json }),
    );
  },
  allowed: (identity, lane) => isHostSecretary(identity, lane!),
});

/** Left-out cells of this cycle whose secretary the suite knows. */
const claimers = (world: World, lane: Lane) => claimable(lane).filter((cellId) => world.secretaryOf.has(cellId));

/**
 * Ruleset 3: a cell that accepted and that the host left out of the meeting's record says it attended, while
 * the critique window is open (body {} or { delegate }: who came for it, a name); it then critiques like the others.
 */
const attendance = stepTarget('attendance', {
  name: 'POST /api/cycles/:id/attendance',
  fields: ['delegate'],
  required: [],
  fits: (lane, world) => lane.tag !== 'foreign' && claimers(world, lane).length > 0,
  // The meetings fuzzed just before left some cells out; then cycles with many left out.
  preference: (lane) => (lane.tag === 'claims' ? 1 : 0),
  replenish: async (world, wanted) => {
    // Eight cells accept (and a guest is invited), the host records two of them: six may say they attended.
    const lanes = await Promise.all(
      Array.from({ length: wanted }, (_, index) =>
        world.launch('claims', { host: true, invited: world.visitorCells.slice(12, 20), meetingAt: Date.now() + 3000, guests: world.guests.slice(20 + index, 21 + index) }),
      ),
    );
    await Promise.all(
      lanes.map(async (lane) => {
        await world.advance(lane, (candidate) => candidate.status === 'SCHEDULED' && acceptedCells(candidate).length === candidate.invitations.size, { attending: 'all' });
        await world.move(lane, world.meetingMove(lane, acceptedCells(lane).slice(0, 2)));
      }),
    );
  },
  valid: ({ world, lane }) =>
    fc
      .tuple(
        pick(claimers(world, lane!).slice(0, 8)),
        fc.oneof(
          { weight: 2, arbitrary: fc.constant<Json | null>({}) },
          { weight: 1, arbitrary: fc.constant<Json | null>(null) },
          { weight: 3, arbitrary: nameArb(200).map((delegate): Json | null => ({ delegate })) },
        ),
      )
      .map(([cellId, body]): OnTarget => ({ caller: world.secretaryOf.get(cellId)!, ids: laneIds(lane!), body })),
  semantic: ({ world, lane }) => {
    const secretaryOf = (cellId: string) => world.secretaryOf.get(cellId);
    const known = (cellIds: string[]) => cellIds.filter((cellId) => secretaryOf(cellId) !== undefined);
    const notAccepted = known([...lane!.invitations.entries()].filter(([, invitation]) => invitation.status !== 'ACCEPTED').map(([cellId]) => cellId));
    const attending = known(attendingCells(lane!));
    const outsider = known(world.hostCells.filter((cellId) => cellId !== lane!.hostCellId && !lane!.invitations.has(cellId))).slice(0, 3);
    const callers: string[] = [
      ...notAccepted.map((cellId) => secretaryOf(cellId)!), // declined or never answered: ATTENDING_NOT_ACCEPTED
      ...attending.map((cellId) => secretaryOf(cellId)!), // attending already: ALREADY_DONE
      ...outsider.map((cellId) => secretaryOf(cellId)!), // not invited
      world.hostSecretary(lane!),
    ];
    return fc.oneof(
      pick(callers).map((caller): OnTarget => ({ caller, ids: laneIds(lane!), body: {} })),
      // The delegate is a name: nothing invisible or direction-changing in it.
      fc.tuple(pick(claimers(world, lane!)), badNameArb).map(([cellId, delegate]): OnTarget => ({ caller: secretaryOf(cellId)!, ids: laneIds(lane!), body: { delegate } })),
    );
  },
  allowed: (identity, lane) => (identity.role === 'secretary' && identity.cellId !== null && claimable(lane!).includes(identity.cellId) ? undefined : false),
});

const critiquePointsArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ stage: pick(CRITIQUE_STAGES), kind: pick(POINT_KINDS), text: textArb(5000) }).map((point) => [point]) },
  { weight: 4, arbitrary: fc.array(fc.record({ stage: pick(CRITIQUE_STAGES), kind: pick(POINT_KINDS), text: textArb(5000, { short: true }) }), { minLength: 2, maxLength: 6 }) },
  {
    weight: 2,
    arbitrary: fc
      .shuffledSubarray(CRITIQUE_STAGES.flatMap((stage) => POINT_KINDS.map((kind) => ({ stage, kind }))), { minLength: 18 })
      .chain((pairs) => fc.tuple(...pairs.map((pair) => textArb(5000, { short: true }).map((text) => ({ ...pair, text }))))),
  },
  {
    weight: 2,
    arbitrary: fc.array(fc.record({ stage: pick(CRITIQUE_STAGES), kind: pick(POINT_KINDS), text: textArb(200, { short: true }) }), {
      minLength: LIST_LIMITS.points,
      maxLength: LIST_LIMITS.points,
    }),
  },
);

const critique = stepTarget('critique', {
  name: 'POST /api/cycles/:id/critiques',
  fields: ['points', 'stage', 'kind', 'text', 'scores', 'rating'],
  required: ['points', 'points.*.stage', 'points.*.kind', 'points.*.text'],
  fits: (lane) => {
    const slots = openSlots(lane);
    return lane.tag !== 'foreign' && slots.cells.length + slots.guests.length > 1;
  },
  preference: (lane) => (lane.tag === 'wide' ? 0 : 1),
  replenish: async (world, wanted) => {
    // Half the visiting cells (every one accepts first, ruleset 3) and every guest a cycle may have.
    const lanes = await Promise.all(
      Array.from({ length: wanted }, () =>
        world.launch('wide', { host: true, invited: world.visitorCells.slice(0, 12), meetingAt: Date.now() + 3000, guests: world.guests.slice(0, 20) }),
      ),
    );
    await Promise.all(lanes.map((lane) => world.advance(lane, (candidate) => candidate.status === 'CRITIQUE', { attending: 'all' })));
  },
  valid: ({ world, lane }) => {
    const slots = openSlots(lane!);
    const callers = [...slots.cells.slice(0, 4).map((cellId) => world.secretaryOf.get(cellId)!), ...slots.guests.slice(0, 3).map((guestId) => guestKey(world, guestId))];
    return fc
      .tuple(pick(callers), critiquePointsArb, critiqueScoringArb)
      .map(([caller, points, scoring]): OnTarget => ({ caller, ids: laneIds(lane!), body: { points, ...scoring } }));
  },
  semantic: ({ world, lane }) => {
    const critic = world.nextCritic(lane!)!;
    const points = [{ stage: 'content', kind: 'weakness', text: 'Chưa sâu' }];
    const scored = fc
      .oneof(
        completeSheetArb.chain((scores) => pick(RATINGS.filter((rating) => rating !== band(scores))).map((rating) => ({ scores, rating }))),
        partialSheetArb.filter((scores) => !fullOnRequired(scores)).map((scores) => ({ scores, rating: 'TOT' })),
        badSheetArb.map((scores) => ({ scores })),
      )
      .map((scoring): OnTarget => ({ caller: critic, ids: laneIds(lane!), body: { points, ...scoring } }));
    // Ruleset 3: a cell that accepted but was left out critiques only once it has said it attended.
    const leftOut = claimable(lane!).filter((cellId) => world.secretaryOf.has(cellId));
    return leftOut.length === 0
      ? scored
      : fc.oneof(scored, pick(leftOut).map((cellId): OnTarget => ({ caller: world.secretaryOf.get(cellId)!, ids: laneIds(lane!), body: { points } })));
  },
  allowed: (identity, lane) => {
    if (identity.role === 'guest') return lane!.guests.has(identity.userId) ? undefined : false;
    return identity.role === 'secretary' && attendingCells(lane!).includes(identity.cellId ?? '') ? undefined : false;
  },
});

/** Steps the cells need to close the critique window: a critique from each attending cell, a claim and a critique from each left out. */
const stepsToClose = (lane: Lane) => openSlots(lane).cells.length + 2 * claimable(lane).length;

/** A cycle whose report fits in a body (a few hundred points to answer; see the suite's own case for more). */
const reportable = (lane: Lane) => lane.tag !== 'foreign' && lane.hostCellId !== null && pointsToAnswer(lane).length <= 300;

const report = stepTarget('report', {
  name: 'POST /api/cycles/:id/report',
  fields: ['responses', 'pointId', 'stance', 'text', 'lessons', 'actionItems', 'title', 'owner', 'dueDate'],
  required: ['responses', 'responses.*.pointId', 'responses.*.stance', 'responses.*.text', 'lessons', 'actionItems', 'actionItems.*.title', 'actionItems.*.owner', 'actionItems.*.dueDate'],
  fits: (lane) => lane.status === 'REPORTING' && reportable(lane),
  convert: {
    from: (lane) =>
      reportable(lane) &&
      ((lane.status === 'REVIEW' && lane.revisions < 5) ||
        (lane.status === 'SCHEDULED' && lane.meetingAt <= Date.now() && lane.tag === 'hostPick') ||
        (cellsCanClose(lane) && stepsToClose(lane) <= 4)),
    to: (lane) => lane.status === 'REPORTING',
    options: { attending: 'one', review: 'revise' },
  },
  valid: ({ world, lane }) => {
    const answer = pointsToAnswer(lane!);
    const strengths = allPoints(lane!).filter((point) => point.kind === 'strength');
    const { earliest, latest } = dueRange(lane!.meetingAt);
    const span = Math.round((Date.parse(latest) - Date.parse(earliest)) / DAY);
    const dueDate = fc.oneof(
      { weight: 2, arbitrary: pick([earliest, latest]) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: span }).map((days) => addDays(earliest, days)) },
      ...(earliest <= '2028-02-29' && latest >= '2028-02-29' ? [{ weight: 1, arbitrary: fc.constant('2028-02-29') }] : []),
    );
    const many = answer.length + strengths.length > 6;
    const item = (short: boolean) => fc.record({ title: textArb(500, { short }), owner: textArb(200, { short }), dueDate });
    return fc
      .tuple(
        fc.shuffledSubarray(strengths),
        fc.tuple(...answer.map(() => fc.tuple(pick(['accept', 'partly', 'disagree']), textArb(5000, { short: many })))),
      )
      .chain(([extra, answers]) => {
        const points = [...answer, ...extra];
        return fc
          .tuple(
            fc.tuple(...points.map((point) => upper(point.id))),
            fc.tuple(...extra.map(() => fc.tuple(pick(['accept', 'partly', 'disagree']), textArb(5000, { short: true })))),
            fc.shuffledSubarray(points.map((_, index) => index), { minLength: points.length }),
          )
          .map(([ids, extraAnswers, order]) => {
            const all = [...answers, ...extraAnswers];
            return order.map((index) => ({ pointId: ids[index], stance: all[index][0], text: all[index][1] }));
          });
      })
      .chain((responses) =>
        fc.record({
          responses: fc.constant(responses),
          lessons: fc.oneof(
            { weight: 2, arbitrary: textArb(5000, { short: many }).map((lesson) => [lesson]) },
            { weight: 3, arbitrary: fc.array(textArb(5000, { short: true }), { minLength: 1, maxLength: 5 }) },
            { weight: 1, arbitrary: fc.array(textArb(100, { short: true }), { minLength: 100, maxLength: 100 }) },
          ),
          actionItems: fc.oneof(
            { weight: 2, arbitrary: fc.constant([]) },
            { weight: 4, arbitrary: fc.array(item(many), { minLength: 1, maxLength: 5 }) },
            { weight: 1, arbitrary: fc.array(item(true), { minLength: 100, maxLength: 100 }) },
          ),
        }),
      )
      .map((body): OnTarget => ({ caller: world.hostSecretary(lane!), ids: laneIds(lane!), body: body as unknown as Json }));
  },
  semantic: ({ world, lane }) => {
    const answer = pointsToAnswer(lane!);
    const responses = answer.map((point) => ({ pointId: point.id, stance: 'accept', text: 'Tiếp thu' }));
    const { earliest, latest } = dueRange(lane!.meetingAt);
    const ok = { responses, lessons: ['Bài học'], actionItems: [] as unknown[] };
    const item = (dueDate: string) => ({ title: 'Việc', owner: 'Chi ủy', dueDate });
    return pick<Record<string, unknown>>([
      { ...ok, actionItems: [item(addDays(earliest, -1))] },
      { ...ok, actionItems: [item(addDays(latest, 1))] },
      { ...ok, actionItems: [item('2099-12-31')] },
      { ...ok, lessons: [] },
      { ...ok, responses: [...responses, { pointId: '7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d', stance: 'accept', text: 'x' }] },
      ...(answer.length > 0 ? [{ ...ok, responses: responses.slice(1) }, { ...ok, responses: [...responses, responses[0]] }] : []),
    ]).map((body): OnTarget => ({ caller: world.hostSecretary(lane!), ids: laneIds(lane!), body: body as Json }));
  },
  allowed: (identity, lane) => isHostSecretary(identity, lane!),
  // A report taken in is sent back (while revisions remain), so the cycle can take another.
  probe: (world, lane) => (lane.status === 'REVIEW' && lane.revisions < 5 ? world.forward(lane, { review: 'revise' }) : world.forward(lane)),
});

function reviewScoringArb(lane: Lane): fc.Arbitrary<{ rating: Rating; scores?: Scores }> {
  const topAllowed = !topRuledOut(lane.meeting);
  const ratings = RATINGS.filter((rating) => rating !== 'TOT' || topAllowed);
  return fc.oneof(
    { weight: 3, arbitrary: pick(ratings).map((rating) => ({ rating })) },
    {
      weight: 2,
      arbitrary: partialSheetArb.chain((scores) => pick(ratings.filter((rating) => rating !== 'TOT' || fullOnRequired(scores))).map((rating) => ({ rating, scores }))),
    },
    {
      weight: 3,
      // A sheet worth Tốt on a meeting that rules Tốt out is left out: what it is worth then is a matter of reading.
      arbitrary: completeSheetArb.filter((scores) => topAllowed || band(scores) !== 'TOT').map((scores) => ({ rating: band(scores)!, scores })),
    },
  );
}

const review = stepTarget('review', {
  name: 'POST /api/cycles/:id/review',
  fields: ['decision', 'rating', 'comment', 'scores'],
  required: ['decision'],
  fits: (lane) => lane.status === 'REVIEW' && lane.tag !== 'foreign',
  convert: {
    from: (lane) =>
      reportable(lane) &&
      (lane.status === 'REPORTING' || (lane.status === 'SCHEDULED' && lane.meetingAt <= Date.now() && lane.tag === 'hostPick') || (cellsCanClose(lane) && stepsToClose(lane) <= 4)),
    to: (lane) => lane.status === 'REVIEW',
    options: { attending: 'none' },
  },
  valid: ({ lane }) => {
    const accept = reviewScoringArb(lane!).chain((scoring) =>
      fc.record({ comment: textArb(5000, { min: 0 }) }, { requiredKeys: [] }).map((rest) => ({ decision: 'accept', ...scoring, ...rest })),
    );
    const revise = fc.record(
      { decision: fc.constant('revise'), comment: textArb(5000, { min: 0 }), scores: fc.oneof(partialSheetArb, completeSheetArb) },
      { requiredKeys: ['decision'] },
    );
    return (lane!.revisions < 5 ? fc.oneof({ weight: 3, arbitrary: revise }, { weight: 2, arbitrary: accept }) : accept).map(
      (body): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: body }),
    );
  },
  semantic: ({ lane }) =>
    fc
      .oneof(
        fc.constant<Record<string, unknown>>({ decision: 'accept' }),
        completeSheetArb
          .filter((scores) => !(band(scores) === 'TOT' && topRuledOut(lane!.meeting)))
          .chain((scores) => pick(RATINGS.filter((rating) => rating !== band(scores))).map((rating) => ({ decision: 'accept', rating, scores }))),
        badSheetArb.map((scores) => ({ decision: 'accept', rating: 'KHA', scores })),
        ...(topRuledOut(lane!.meeting) ? [fc.constant<Record<string, unknown>>({ decision: 'accept', rating: 'TOT' })] : []),
      )
      .map((body): OnTarget => ({ caller: 'staff', ids: laneIds(lane!), body: body as Json })),
  allowed: (identity, lane) => isCommitteeOf(identity, lane!),
  // A revision asked for is answered with a new report, so the cycle comes back for review.
  probe: (world, lane) => world.forward(lane, { review: lane.revisions < 4 ? 'revise' : 'accept' }),
});

const cancel = stepTarget('cancel', {
  name: 'POST /api/cycles/:id/cancel',
  fields: ['reason'],
  required: ['reason'],
  fits: (lane) => isOpen(lane) && lane.tag !== 'foreign',
  // What the other endpoints were fuzzed on first (they are done with it), then the rest.
  preference: (lane) => (['REVIEW', 'REPORTING'].includes(lane.status) ? 0 : 1),
  replenish: async (world, wanted) => {
    await Promise.all(Array.from({ length: wanted }, () => world.launch('cancel', { host: false, invited: world.visitorCells.slice(0, 2), meetingAt: Date.now() + 10 * DAY })));
  },
  // Issue 10: the installation's admin may cancel too.
  valid: ({ lane }) =>
    fc
      .tuple(fc.oneof({ weight: 3, arbitrary: fc.constant('staff') }, { weight: 1, arbitrary: fc.constant('admin') }), textArb(1000))
      .map(([caller, reason]): OnTarget => ({ caller, ids: laneIds(lane!), body: { reason } })),
  allowed: (identity, lane) => isCommitteeOf(identity, lane!) || identity.role === 'admin',
  // Cancelling is the valid step of every open stage; a cancelled cycle's next is ticking off an action item.
  probe: (world, lane) => (isOpen(lane) ? { step: 'cancel', actor: 'staff', body: { reason: 'Hủy theo quyết định của Đảng ủy' } } : world.forward(lane)),
});

const adoption = stepTarget('adoption', {
  name: 'POST /api/cycles/:id/adoption',
  fields: ['text'],
  required: ['text'],
  fits: (lane) => lane.status === 'CLOSED' && adopters(lane).length > 0,
  convert: { from: (lane) => lane.status === 'REVIEW' && lane.invitations.size > 0, to: (lane) => lane.status === 'CLOSED', options: { review: 'accept' } },
  valid: ({ world, lane }) => {
    const cells = [...lane!.invitations.keys()].filter((cellId) => world.secretaryOf.has(cellId)).slice(0, 6);
    const caller = (cellId: string) => world.secretaryOf.get(cellId)!;
    // Issue 10: a post and 4 edits, then TOO_MANY_CHANGES; the same text again changes nothing (200).
    const post = fc
      .tuple(pick(adopters(lane!).slice(0, 6)), textArb(5000))
      .map(([cellId, text]): OnTarget => ({ caller: caller(cellId), ids: laneIds(lane!), body: { text }, expect: [200] }));
    const full = cells.filter((cellId) => lane!.invitations.get(cellId)!.adoptions >= ADOPTION_RECORDS);
    const posted = cells.filter((cellId) => lane!.invitations.get(cellId)!.adoption !== null);
    return fc.oneof(
      { weight: 8, arbitrary: post },
      ...(full.length > 0
        ? [{ weight: 1, arbitrary: fc.tuple(pick(full), textArb(5000)).filter(([cellId, text]) => lane!.invitations.get(cellId)!.adoption !== text).map(([cellId, text]): OnTarget => ({ caller: caller(cellId), ids: laneIds(lane!), body: { text }, expect: [409] })) }]
        : []),
      ...(posted.length > 0
        ? [{ weight: 1, arbitrary: pick(posted).map((cellId): OnTarget => ({ caller: caller(cellId), ids: laneIds(lane!), body: { text: lane!.invitations.get(cellId)!.adoption! }, expect: [200] })) }]
        : []),
    );
  },
  allowed: (identity, lane) => identity.role === 'secretary' && lane!.invitations.has(identity.cellId ?? ''),
  probe: (world, lane) => world.forward(lane),
});

/** Invited cells that may still record what they adopt. */
function adopters(lane: Lane): string[] {
  return [...lane.invitations.entries()].filter(([, invitation]) => invitation.adoptions < ADOPTION_RECORDS).map(([cellId]) => cellId);
}

const openItems = (lane: Lane) => lane.items.filter((item) => !item.done && item.dropReason === null);

function itemTarget(step: 'done' | 'drop'): Target {
  return stepTarget(step, {
    name: `POST /api/cycles/:id/action-items/:itemId/${step}`,
    // "done" takes no body and reads none: that it accepts unknown fields is a known bug with its own case.
    fields: step === 'drop' ? ['reason'] : ['*'],
    required: step === 'drop' ? ['reason'] : [],
    fits: (lane) => (lane.status === 'CLOSED' || lane.status === 'CANCELLED') && openItems(lane).length > 1,
    convert: { from: (lane) => lane.status === 'REVIEW' && openItems(lane).length > 1, to: (lane) => lane.status === 'CLOSED', options: { review: 'accept' } },
    preference: (lane) => (lane.tag === 'items' ? 1 : 0),
    replenish: async (world, wanted) => {
      const lanes = await Promise.all(Array.from({ length: wanted }, () => world.launch('items', { host: true, invited: world.visitorCells.slice(0, 1), meetingAt: Date.now() + 3000 })));
      await Promise.all(
        lanes.map(async (lane, index) => {
          await world.advance(lane, (candidate) => candidate.status === 'REVIEW', { attending: 'none', items: 100 });
          await world.move(lane, index % 2 === 0 ? { step: 'review', actor: 'staff', body: { decision: 'accept', rating: 'KHA' } } : { step: 'cancel', actor: 'staff', body: { reason: 'Hủy để theo dõi việc' } });
        }),
      );
    },
    valid: ({ world, lane }) => {
      const open = openItems(lane!).slice(0, 6);
      const settled = lane!.items.filter((item) => item.done || item.dropReason !== null).slice(0, 3);
      const item = fc.oneof({ weight: 6, arbitrary: pick(open) }, ...(settled.length > 0 ? [{ weight: 1, arbitrary: pick(settled) }] : [])).chain((chosen) => idArb(chosen.id));
      const caller = pick(lane!.hostCellId ? ['staff', world.hostSecretary(lane!)] : ['staff']);
      const body: fc.Arbitrary<Json | null> = step === 'drop' ? fc.record({ reason: textArb(1000) }) : fc.constantFrom<Json | null>(null, {});
      return fc.tuple(caller, item, body).map(([who, itemId, sent]): OnTarget => ({ caller: who, ids: [{ id: lane!.id }, itemId], body: sent }));
    },
    otherIds: ({ lane }) => fc.oneof(fc.uuid().map((uuid): IdSpec => ({ uuid })), pick<IdSpec>([...(lane?.items ?? []).slice(0, 3).map((item): IdSpec => ({ id: item.id })), { uuid: '7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d' }])),
    allowed: (identity, lane) => isCommitteeOf(identity, lane!) || isHostSecretary(identity, lane!),
    probe: (world, lane) => {
      const next = openItems(lane)[0];
      return next ? { step: 'done', actor: world.hostSecretary(lane) === 'nobody' ? 'staff' : world.hostSecretary(lane), body: null, extra: next.id } : null;
    },
  });
}

/** In the order they run: each leaves cycles further on for the ones after it. */
export const TARGETS: Target[] = [
  login,
  committees,
  cells,
  users,
  launch,
  host,
  guests,
  reschedule,
  plan,
  rsvp,
  meeting,
  attendance,
  critique,
  report,
  review,
  adoption,
  itemTarget('done'),
  itemTarget('drop'),
  cancel,
];
