import { createHmac, randomUUID } from 'node:crypto';
import { login, type ApiStack } from '../support/api-stack.js';
import { TEST_PASSWORD } from '../support/commune-api.fixture.js';
import { sleep } from '../support/eventually.js';
import { TEST_JWT_SECRET } from '../support/test-stack.js';
import { describeExchange, exchange, type Sent } from './http.js';
import {
  acceptedCells,
  ADOPTION_RECORDS,
  applyStep,
  claimable,
  differences,
  FULL,
  isOpen,
  lower,
  mixedAnswerWanted,
  newLane,
  openSlots,
  pointsToAnswer,
  RSVP_ANSWERS,
  type Actor,
  type Lane,
  type LaunchBody,
  type StepName,
  type Viewer,
} from './model.js';
import { base64url, DAY, HOUR, MINUTE } from './values.js';
import type { Json } from './wire.js';

/**
 * The world the fuzzing runs in: two communes built through the API (many cells, since a cell never hosts
 * two open cycles; a secretary for each; upper-level guests), every person's token, and the cycles
 * ("lanes") the fuzz cases act on, each with the suite's model of what was accepted. Lanes are made and
 * moved on with valid steps the suite checks as it sends them: every such step must succeed, and the
 * cycle's GET must show it.
 */

export type Role = 'admin' | 'committee' | 'secretary' | 'guest' | 'none';

export interface Identity {
  key: string;
  userId: string;
  username: string;
  token: string | null;
  role: Role;
  committeeId: string | null;
  cellId: string | null;
}

export interface WorldSize {
  /** Cells that only ever visit. */
  visitors: number;
  /** Cells that may host. */
  hosts: number;
  guests: number;
}

/** Tolerance for an early start written into every lane (notes rule 2): room for a 12-hour meeting. */
export const LANE_TOLERANCE = 'PT13H';
const LANE_TOLERANCE_MS = 13 * HOUR;

export const STEP_PATHS: Record<StepName, (cycleId: string, extra: string) => string> = {
  host: (id) => `/api/cycles/${id}/host`,
  guests: (id) => `/api/cycles/${id}/guests`,
  plan: (id) => `/api/cycles/${id}/plan`,
  rsvp: (id, cellId) => `/api/cycles/${id}/invitations/${cellId}/rsvp`,
  reschedule: (id) => `/api/cycles/${id}/reschedule`,
  meeting: (id) => `/api/cycles/${id}/meeting`,
  attendance: (id) => `/api/cycles/${id}/attendance`,
  critique: (id) => `/api/cycles/${id}/critiques`,
  report: (id) => `/api/cycles/${id}/report`,
  review: (id) => `/api/cycles/${id}/review`,
  cancel: (id) => `/api/cycles/${id}/cancel`,
  adoption: (id) => `/api/cycles/${id}/adoption`,
  done: (id, itemId) => `/api/cycles/${id}/action-items/${itemId}/done`,
  drop: (id, itemId) => `/api/cycles/${id}/action-items/${itemId}/drop`,
};
export const SUCCESS: Record<StepName, 200 | 201> = {
  host: 200,
  guests: 200,
  plan: 200,
  rsvp: 200,
  reschedule: 200,
  meeting: 200,
  attendance: 200,
  critique: 201,
  report: 200,
  review: 200,
  cancel: 200,
  adoption: 200,
  done: 200,
  drop: 200,
};

/** Which cells the suite's own steps bring to the meeting (see World.nextAnswer). */
export type Attending = 'all' | 'one' | 'none' | 'mixed';

/** A valid step the suite sends itself, and must see succeed. */
export interface Move {
  step: StepName;
  actor: string;
  body: Json | null;
  extra?: string;
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(runners);
  return results;
}

export class World {
  readonly identities = new Map<string, Identity>();
  readonly lanes: Lane[] = [];
  private readonly byId = new Map<string, Lane>();
  /** Host cell → the open cycle it hosts. */
  readonly busy = new Map<string, string>();
  committeeId = '';
  otherCommitteeId = '';
  visitorCells: string[] = [];
  hostCells: string[] = [];
  otherCell = '';
  guests: string[] = [];
  /** A guest of the other commune, and a secretary's user id: never a guest of this commune's cycles. */
  foreignGuestId = '';
  /** Cell → its secretary's identity key. */
  readonly secretaryOf = new Map<string, string>();
  /** Steps the suite sent itself (lane building, the checks that a cycle still moves). */
  moves = 0;
  /** Cycle GETs compared with the model, by how the reader sees the cycle. */
  readonly reads = { full: 0, visitor: 0, hidden: 0 };

  private constructor(readonly stack: ApiStack) {}

  static async build(stack: ApiStack, size: WorldSize): Promise<World> {
    const world = new World(stack);
    await world.populate(size);
    return world;
  }

  identity(key: string): Identity {
    const identity = this.identities.get(key);
    if (!identity) throw new Error(`unknown identity ${key}`);
    return identity;
  }

  lane(id: string): Lane | undefined {
    return this.byId.get(lower(id));
  }

  actorOf(key: string): Actor {
    const identity = this.identity(key);
    return { userId: identity.userId, role: identity.role, cellId: identity.cellId };
  }

  // -------------------------------------------------------------------------------------------------
  // People.

  private async post(token: string, path: string, body: unknown, status: number): Promise<Record<string, unknown>> {
    const response = await this.stack.http.post(path).set({ Authorization: `Bearer ${token}` }).send(body as object);
    if (response.status !== status) throw new Error(`setup: POST ${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, unknown>;
  }

  /**
   * A token as the login gives it ({ sub, role }, signed with the server's secret), without paying for one
   * more argon2 verification per person: the login itself is fuzzed, and the suite signs in admin and staff.
   */
  private static mint(userId: string, role: string): string {
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ sub: userId, role, iat: now, exp: now + 8 * 3600 })}`;
    return `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
  }

  private add(key: string, user: Record<string, unknown>, token: string | null): Identity {
    const identity: Identity = {
      key,
      userId: String(user.id),
      username: String(user.username),
      token,
      role: user.role as Role,
      committeeId: (user.committeeId as string | null) ?? null,
      cellId: (user.cellId as string | null) ?? null,
    };
    this.identities.set(key, identity);
    return identity;
  }

  private async populate(size: WorldSize): Promise<void> {
    const suffix = randomUUID().slice(0, 8);
    const admin = await login(this.stack, 'admin', 'admin');
    const adminUser = (await this.stack.http.get('/api/me').set({ Authorization: `Bearer ${admin}` })).body as Record<string, unknown>;
    this.add('admin', { ...adminUser, role: 'admin' }, admin);
    this.identities.set('nobody', { key: 'nobody', userId: '', username: '', token: null, role: 'none', committeeId: null, cellId: null });

    const commune = async (name: string, staffKey: string) => {
      const committee = await this.post(admin, '/api/committees', { name: `${name} ${suffix}` }, 201);
      const committeeId = String(committee.id);
      const username = `${staffKey.toLowerCase()}.${suffix}`;
      const staff = await this.post(admin, '/api/users', { username, password: TEST_PASSWORD, fullName: 'Lương Thị Văn Phòng', role: 'committee', committeeId }, 201);
      this.add(staffKey, staff, await login(this.stack, username, TEST_PASSWORD));
      return committeeId;
    };
    [this.committeeId, this.otherCommitteeId] = await Promise.all([commune('Đảng ủy xã Nậm Xé', 'staff'), commune('Đảng ủy xã Bản Khác', 'otherStaff')]);
    const staffToken = this.identity('staff').token!;
    const otherToken = this.identity('otherStaff').token!;

    const cellCount = size.visitors + size.hosts;
    const cells = await mapLimit(Array.from({ length: cellCount }, (_, index) => index), 6, async (index) => {
      const cell = await this.post(staffToken, `/api/committees/${this.committeeId}/cells`, { name: `Chi bộ thôn ${index + 1}`, memberCount: 13 + (index % 20) }, 201);
      const secretary = await this.post(
        staffToken,
        '/api/users',
        { username: `bithu${index}.${suffix}`, password: TEST_PASSWORD, fullName: `Bí thư chi bộ thôn ${index + 1}`, role: 'secretary', cellId: cell.id },
        201,
      );
      this.add(`sec:${index}`, secretary, World.mint(String(secretary.id), 'secretary'));
      this.secretaryOf.set(lower(String(cell.id)), `sec:${index}`);
      return lower(String(cell.id));
    });
    this.visitorCells = cells.slice(0, size.visitors);
    this.hostCells = cells.slice(size.visitors);
    this.guests = await mapLimit(Array.from({ length: size.guests }, (_, index) => index), 6, async (index) => {
      const guest = await this.post(
        staffToken,
        '/api/users',
        { username: `daibieu${index}.${suffix}`, password: TEST_PASSWORD, fullName: `Đại biểu Huyện ủy ${index + 1}`, role: 'guest', committeeId: this.committeeId },
        201,
      );
      this.add(`guest:${index}`, guest, World.mint(String(guest.id), 'guest'));
      return lower(String(guest.id));
    });
    const otherCell = await this.post(otherToken, `/api/committees/${this.otherCommitteeId}/cells`, { name: 'Chi bộ bản khác', memberCount: 20 }, 201);
    this.otherCell = lower(String(otherCell.id));
    const otherSecretary = await this.post(
      otherToken,
      '/api/users',
      { username: `bithu.khac.${suffix}`, password: TEST_PASSWORD, fullName: 'Bí thư bản khác', role: 'secretary', cellId: otherCell.id },
      201,
    );
    this.add('otherSecretary', otherSecretary, World.mint(String(otherSecretary.id), 'secretary'));
    const otherGuest = await this.post(
      otherToken,
      '/api/users',
      { username: `daibieu.khac.${suffix}`, password: TEST_PASSWORD, fullName: 'Đại biểu tỉnh khác', role: 'guest', committeeId: this.otherCommitteeId },
      201,
    );
    this.add('otherGuest', otherGuest, World.mint(String(otherGuest.id), 'guest'));
    this.foreignGuestId = lower(String(otherGuest.id));
  }

  /** Host cells hosting no open cycle, in a stable order. */
  freeHosts(): string[] {
    return this.hostCells.filter((cellId) => !this.busy.has(cellId));
  }

  // -------------------------------------------------------------------------------------------------
  // Lanes.

  register(lane: Lane): void {
    this.lanes.push(lane);
    this.byId.set(lane.id, lane);
    if (lane.hostCellId && isOpen(lane)) this.busy.set(lane.hostCellId, lane.id);
  }

  /** The identity key of a user id (guests are named by user id in a cycle). */
  keyOf(userId: string): string | undefined {
    return [...this.identities.values()].find((identity) => identity.userId === userId)?.key;
  }

  /** How `key` reads this cycle: everything (its committee, its host, the admin), as a visitor, or not at all (null). */
  viewerOf(lane: Lane, key: string): Viewer | null {
    const identity = this.identity(key);
    if (identity.role === 'admin') return FULL;
    if (identity.role === 'committee') return identity.committeeId === lane.committeeId ? FULL : null;
    if (identity.role === 'secretary' && identity.cellId !== null) {
      if (identity.cellId === lane.hostCellId) return FULL;
      if (lane.invitations.has(identity.cellId)) return { kind: 'visitor', userId: identity.userId, cellId: identity.cellId };
    }
    if (identity.role === 'guest' && lane.guests.has(identity.userId)) return { kind: 'visitor', userId: identity.userId, cellId: null };
    return null;
  }

  private rotation = 0;

  /** The people whose view of the cycle is read besides its committee's: one of its visitors (or its host) in turn, and `also`. */
  private readersOf(lane: Lane, also: string[]): string[] {
    const keys = [...lane.invitations.keys()].map((cellId) => this.secretaryOf.get(cellId)).filter((key): key is string => key !== undefined);
    keys.push(...[...lane.guests].map((guestId) => this.keyOf(guestId)).filter((key): key is string => key !== undefined));
    if (lane.hostCellId && this.secretaryOf.has(lane.hostCellId)) keys.push(this.secretaryOf.get(lane.hostCellId)!);
    const readers = new Set(also.filter((key) => key !== lane.viewer && this.identities.has(key) && this.viewerOf(lane, key) !== null));
    if (keys.length > 0) readers.add(keys[this.rotation++ % keys.length]);
    return [...readers];
  }

  /**
   * The cycle's GET compared with the model as each reader sees it: its committee staff, and (`others`) one
   * of its visitors or its host in turn and `also` (the person a case came from); a lane that differs is
   * tainted and used no further.
   */
  async verify(lane: Lane, also: string[] = [], others = true): Promise<string[]> {
    const readers = [lane.viewer, ...(others ? this.readersOf(lane, also) : [])];
    const found = (await Promise.all(readers.map((key) => this.verifyAs(lane, key)))).flat();
    if (found.length > 0) lane.tainted = found.join('; ');
    return found;
  }

  private async verifyAs(lane: Lane, key: string): Promise<string[]> {
    const viewer = key === lane.viewer ? FULL : this.viewerOf(lane, key)!;
    const response = await this.stack.http.get(`/api/cycles/${lane.id}`).set({ Authorization: `Bearer ${this.identity(key).token}` });
    const at = `GET /api/cycles/${lane.id} as ${key} (${lane.tag}, ${lane.status})`;
    // Until the host is picked the invitations have not gone out: a visitor does not know of the cycle (issue 10).
    const hidden = viewer.kind === 'visitor' && lane.status === 'HOST_SELECTION';
    this.reads[hidden ? 'hidden' : viewer.kind] += 1;
    if (response.status !== (hidden ? 404 : 200)) return [`${at} → ${response.status}, not ${hidden ? 404 : 200}: ${JSON.stringify(response.body).slice(0, 300)}`];
    if (hidden) return [];
    return differences(response.body as Record<string, unknown>, lane, viewer).map((difference) => `${at}: ${difference}`);
  }

  async launch(tag: string, options: { host: boolean; invited: string[]; meetingAt: number; guests?: string[]; kind?: string }): Promise<Lane> {
    const hostCellId = options.host ? this.freeHosts()[0] : undefined;
    if (options.host && !hostCellId) throw new Error('setup: no free host cell left (raise the world size)');
    if (hostCellId) this.busy.set(hostCellId, 'launching');
    const body: LaunchBody = {
      committeeId: this.committeeId,
      title: `Sinh hoạt chi bộ điểm — ${tag}`,
      topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
      kind: options.kind ?? 'regular',
      ...(hostCellId ? { hostCellId } : {}),
      invitedCellIds: options.invited,
      meetingAt: new Date(options.meetingAt).toISOString(),
      location: 'Nhà văn hóa thôn Na Hối Tày',
      reminders: { earlyStartTolerance: LANE_TOLERANCE },
      ...(options.guests ? { guestIds: options.guests } : {}),
    };
    const staff = this.identity('staff');
    const sent: Sent = {
      caller: 'staff',
      path: '/api/cycles',
      headers: { Authorization: `Bearer ${staff.token}`, 'Content-Type': 'application/json' },
      body: Buffer.from(JSON.stringify(body)),
      plain: null,
    };
    sent.plain = sent.body;
    const answer = await exchange(this.stack, sent);
    this.moves += 1;
    if (answer.status !== 201) throw new Error(`setup: launch refused\n${describeExchange(sent, [answer])}`);
    const lane = newLane(String((answer.body as { id: string }).id), tag, 'staff', body, LANE_TOLERANCE_MS, staff.userId);
    this.register(lane);
    const problems = await this.verify(lane);
    if (problems.length > 0) throw new Error(`a launched cycle's GET differs from the launch:\n${problems.join('\n')}`);
    return lane;
  }

  /** The foreign commune's cycle (cases aimed at it must come to nothing for this commune's people). */
  async launchForeign(): Promise<Lane> {
    const body: LaunchBody = {
      committeeId: this.otherCommitteeId,
      title: 'Fuzz: Đảng ủy khác',
      topic: 'Chủ đề',
      kind: 'thematic',
      invitedCellIds: [this.otherCell],
      meetingAt: new Date(Date.now() + 40 * DAY).toISOString(),
      location: 'Hội trường',
    };
    const other = this.identity('otherStaff');
    const response = await this.stack.http.post('/api/cycles').set({ Authorization: `Bearer ${other.token}` }).send(body);
    if (response.status !== 201) throw new Error(`setup: foreign launch → ${response.status} ${JSON.stringify(response.body)}`);
    const lane = newLane(String(response.body.id), 'foreign', 'otherStaff', body, HOUR, other.userId);
    this.register(lane);
    return lane;
  }

  /** Sends a valid step the suite is sure of: it must succeed, and the GET must then show it. */
  async move(lane: Lane, move: Move): Promise<unknown> {
    const identity = this.identity(move.actor);
    const plain = move.body === null ? null : Buffer.from(JSON.stringify(move.body));
    const sent: Sent = {
      caller: move.actor,
      path: STEP_PATHS[move.step](lane.id, move.extra ?? ''),
      headers: { Authorization: `Bearer ${identity.token}`, ...(plain ? { 'Content-Type': 'application/json' } : {}) },
      body: plain,
      plain,
    };
    if (move.step === 'meeting' && lane.meetingAt > Date.now()) await sleep(lane.meetingAt - Date.now() + 20);
    const answer = await exchange(this.stack, sent);
    this.moves += 1;
    if (answer.status !== SUCCESS[move.step]) {
      lane.tainted = `its next valid step was refused (${answer.status})`;
      throw new Error(
        `The cycle no longer moves: its next valid step (${move.step} in ${lane.status}) was refused.\n${describeExchange(sent, [answer])}\n${describeLane(lane)}`,
      );
    }
    applyStep(lane, move.step, this.actorOf(move.actor), [lane.id, move.extra ?? ''], (move.body ?? {}) as Record<string, unknown>, answer.body, this.busy);
    const problems = await this.verify(lane, [move.actor]);
    if (problems.length > 0) throw new Error(`After the valid step ${move.step}, the GET does not show exactly what was accepted:\n${problems.join('\n')}`);
    return answer.body;
  }

  // -------------------------------------------------------------------------------------------------
  // The canonical valid next step of a cycle in each stage.

  /** Who may critique next: a cell that attended, else an invited guest. */
  nextCritic(lane: Lane): string | null {
    const slots = openSlots(lane);
    if (slots.cells.length > 0) return this.secretaryOf.get(slots.cells[0]) ?? null;
    const guest = slots.guests[0];
    return guest ? (this.keyOf(guest) ?? null) : null;
  }

  /**
   * The answer a cell gives before the meeting so that the cells wanted there have accepted: `all` (every
   * cell accepts), `one` (at least one has), `mixed` (one accepts, and of three or more one declines and the
   * others do not answer: see mixedAnswerWanted), `none` (no one is asked, unless guests are invited and no
   * cell has accepted: one cell accepts then, so that the cells can close the critique window).
   */
  private nextAnswer(lane: Lane, policy: Attending): Move | null {
    const entries = [...lane.invitations.entries()].filter(([cellId, invitation]) => invitation.answers < RSVP_ANSWERS + lane.reschedules && this.secretaryOf.has(cellId));
    const answer = (cellId: string, response: 'accept' | 'decline'): Move => ({
      step: 'rsvp',
      actor: this.secretaryOf.get(cellId)!,
      body: response === 'accept' ? { response, delegate: 'Đồng chí Phó Bí thư' } : { response, note: 'Trùng lịch họp thôn' },
      extra: cellId,
    });
    const accepted = acceptedCells(lane).length;
    switch (policy) {
      case 'all': {
        const cellId = entries.find(([, invitation]) => invitation.status !== 'ACCEPTED')?.[0];
        return cellId ? answer(cellId, 'accept') : null;
      }
      case 'mixed': {
        const wanted = mixedAnswerWanted(lane);
        return wanted && this.secretaryOf.has(wanted.cellId) ? answer(wanted.cellId, wanted.response) : null;
      }
      case 'one':
      case 'none': {
        if (accepted > 0 || (policy === 'none' && lane.guests.size === 0)) return null;
        const cellId = entries.find(([, invitation]) => invitation.status !== 'ACCEPTED')?.[0];
        return cellId ? answer(cellId, 'accept') : null;
      }
    }
  }

  hostSecretary(lane: Lane): string {
    return this.secretaryOf.get(lane.hostCellId ?? '') ?? 'nobody';
  }

  /**
   * The step that moves the cycle on from where it stands (null when nothing is left: cancelled and
   * settled). `attending`: who attends the meeting; `items`: action items of the report; `review`: what
   * the committee decides.
   */
  forward(lane: Lane, options: { attending?: Attending; items?: number; review?: 'revise' | 'accept' } = {}): Move | null {
    switch (lane.status) {
      case 'HOST_SELECTION': {
        const cellId = this.freeHosts()[0];
        if (!cellId) throw new Error('no free host cell left (raise the world size)');
        // Taken at once: steps of several cycles may be under way side by side.
        this.busy.set(cellId, lane.id);
        return { step: 'host', actor: 'staff', body: { cellId } };
      }
      case 'PREPARATION':
        return { step: 'plan', actor: this.hostSecretary(lane), body: { agenda: ['Khai mạc', 'Thảo luận, góp ý'], content: 'Kế hoạch sinh hoạt chi bộ điểm' } };
      case 'SCHEDULED': {
        // Ruleset 3: only cells that accepted can be recorded as attending, so the cells wanted there answer first.
        const rsvp = this.nextAnswer(lane, options.attending ?? 'all');
        if (rsvp) return rsvp;
        if (lane.meetingAt > Date.now() + 5000) {
          return { step: 'plan', actor: this.hostSecretary(lane), body: { agenda: ['Khai mạc'], content: 'Kế hoạch đã cập nhật' } };
        }
        // Every cell that accepted attends: none is left out to say so afterwards.
        return this.meetingMove(lane, acceptedCells(lane));
      }
      case 'CRITIQUE': {
        // Attending cells critique first; then a cell left out says it attended (and critiques next); guests last.
        const left = claimable(lane)[0];
        if (openSlots(lane).cells.length === 0 && left && this.secretaryOf.has(left)) return { step: 'attendance', actor: this.secretaryOf.get(left)!, body: {} };
        const critic = this.nextCritic(lane);
        if (!critic) throw new Error(`no one left to critique ${lane.id}`);
        return {
          step: 'critique',
          actor: critic,
          body: {
            points: [
              { stage: 'content', kind: 'weakness', text: 'Nội dung thảo luận chưa sâu' },
              { stage: 'minutes', kind: 'suggestion', text: 'Ghi biên bản đầy đủ ý kiến' },
              { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tài liệu chu đáo' },
            ],
          },
        };
      }
      case 'REPORTING': {
        const day = new Date(lane.meetingAt + 7 * HOUR + 30 * DAY).toISOString().slice(0, 10);
        return {
          step: 'report',
          actor: this.hostSecretary(lane),
          body: {
            responses: pointsToAnswer(lane).map((point) => ({ pointId: point.id, stance: 'accept', text: 'Tiếp thu, sửa đổi' })),
            lessons: ['Chuẩn bị kỹ tài liệu trước buổi sinh hoạt'],
            actionItems: Array.from({ length: options.items ?? 1 }, (_, index) => ({ title: `Việc cần làm ${index + 1}`, owner: 'Đồng chí Phó Bí thư', dueDate: day })),
          },
        };
      }
      case 'REVIEW':
        if ((options.review ?? 'accept') === 'revise' && lane.revisions < 5) return { step: 'review', actor: 'staff', body: { decision: 'revise', comment: 'Đề nghị bổ sung' } };
        return { step: 'review', actor: 'staff', body: { decision: 'accept', rating: 'KHA' } };
      case 'CLOSED': {
        // A cell that may still record what it adopts (a post and 4 edits).
        const cellId = [...lane.invitations.entries()].find(([id, invitation]) => invitation.adoptions < ADOPTION_RECORDS && this.secretaryOf.has(id))?.[0];
        if (cellId) return { step: 'adoption', actor: this.secretaryOf.get(cellId)!, body: { text: 'Vận dụng cách chuẩn bị tài liệu' } };
        return null;
      }
      case 'CANCELLED': {
        const item = lane.items.find((candidate) => !candidate.done && candidate.dropReason === null);
        return item ? { step: 'done', actor: 'staff', body: null, extra: item.id } : null;
      }
    }
  }

  /** The host records a meeting of 95 minutes that ended 5 minutes ago, with these cells attending. */
  meetingMove(lane: Lane, attending: string[]): Move {
    const started = Date.now() - 100 * MINUTE;
    return {
      step: 'meeting',
      actor: this.hostSecretary(lane),
      body: {
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(started + 95 * MINUTE).toISOString(),
        attendance: { present: 20, total: 21, absentWithReason: 1 },
        attendingCellIds: attending,
        minutes: 'Biên bản buổi sinh hoạt',
      },
    };
  }

  /** Moves a lane on with valid steps until `reached` holds. */
  async advance(lane: Lane, reached: (lane: Lane) => boolean, options: Parameters<World['forward']>[1] = {}): Promise<void> {
    for (let steps = 0; !reached(lane); steps += 1) {
      if (steps > 60) throw new Error(`lane ${lane.id} does not reach its goal (${lane.status})`);
      const move = this.forward(lane, options);
      if (!move) throw new Error(`lane ${lane.id} cannot move on from ${lane.status}`);
      await this.move(lane, move);
    }
  }
}

export function describeLane(lane: Lane): string {
  return `cycle ${lane.id} (${lane.tag}) as the suite knows it: ${lane.status}, host ${lane.hostCellId}, ${lane.invitations.size} invited, ${lane.critiques.length} critiques, ${lane.planPosts} plan posts, ${lane.reschedules} reschedules, ${lane.revisions} revisions, ${lane.items.length} action items, ${lane.actors.length} accepted steps`;
}
