import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { DataSource, In } from 'typeorm';
import { ActionItemEntity } from '../libs/persistence/entities/action-item.entity.js';
import { CritiqueEntity } from '../libs/persistence/entities/critique.entity.js';
import { CycleEventEntity } from '../libs/persistence/entities/cycle-event.entity.js';
import { CycleGuestEntity } from '../libs/persistence/entities/cycle-guest.entity.js';
import { CycleInvitationEntity } from '../libs/persistence/entities/cycle-invitation.entity.js';
import { CycleEntity } from '../libs/persistence/entities/cycle.entity.js';
import { UserEntity } from '../libs/persistence/entities/user.entity.js';
import { CycleReadsRepository } from '../libs/persistence/repositories/cycle-reads.repository.js';
import { driveCycle } from '../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, launchBody, reportBody, vietnamDayFromToday } from '../scripts/lib/step-bodies.mjs';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCell, type ApiCommune, type ApiPerson } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';

/**
 * GET /api/cycles/:id names each answer by an ETag and answers 304 to a client that holds it already
 * (If-None-Match), from one indexed query; the JSON itself is rendered once per version and kept. The ETag
 * must move with everything the viewer sees: a step, a follow-up after the close, another cycle's action
 * item settled (carried over to the host's next cycle), a guest renamed by the office; it differs between two
 * people, and it never lets someone who may not see the cycle learn anything (the same 404 or 403 as without it).
 */

let stack: ApiStack;
let commune: ApiCommune;
let outsiders: ApiCommune;
let host: ApiCell;
let visitorA: ApiCell;
let visitorB: ApiCell;
let bystander: ApiCell;
let guest: ApiPerson;
/** A closed cycle: visitor A answered its invitation with a note; the report has three action items. */
let closedId: string;
let items: { id: string; title: string }[];
/** The host's next cycle, launched after the first closed: open, with a guest, and the first one's items carried over. */
let openId: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const A_NOTE = 'Chi bộ cử hai đồng chí trong chi ủy dự';

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 4);
  outsiders = await createCommuneViaApi(stack, 1);
  [host, visitorA, visitorB, bystander] = commune.cells;
  const closed = await driveCycle(
    supertestHttp(stack.http),
    { committeeId: commune.committeeId, staff: commune.staff, invited: [visitorA, visitorB], host },
    {
      meetingAt: Date.now() + 4_000,
      launch: { title: `Sinh hoạt chi bộ điểm có ETag ${commune.committeeId.slice(0, 8)}` },
      rsvp: (visitor, index) => ({ ...acceptInvitationBody({ index }), ...(visitor.id === visitorA.id ? { note: A_NOTE } : {}) }),
      report: (cycle) =>
        reportBody({
          pointIds: cycle.pointsToAnswer.map((point) => point.id),
          actionItems: [
            { title: 'In và phát mẫu biên bản mới', owner: 'Đồng chí Lò Văn Pằng', dueDate: vietnamDayFromToday(10) },
            { title: 'Tọa đàm với Chi đoàn thôn', owner: 'Đồng chí Hoàng Thị Mai', dueDate: vietnamDayFromToday(20) },
            { title: 'Sửa quy chế làm việc của chi ủy', owner: 'Đồng chí Vàng Seo Chử', dueDate: vietnamDayFromToday(30) },
          ],
        }),
    },
  );
  closedId = closed.id;
  items = closed.closed.actionItems;
  expect(items).toHaveLength(3);

  const suffix = commune.committeeId.slice(0, 8);
  const guestUser = await stack.http
    .post('/api/users')
    .set(bearer(commune.staff.token))
    .send({ username: `daibieu.${suffix}`, password: TEST_PASSWORD, fullName: 'Đồng chí Huyện ủy viên', role: 'guest' })
    .expect(201);
  guest = { userId: guestUser.body.id as string, username: guestUser.body.username as string, token: await login(stack, guestUser.body.username as string, TEST_PASSWORD) };
  const launched = await stack.http
    .post('/api/cycles')
    .set(bearer(commune.staff.token))
    .send(
      launchBody({
        committeeId: commune.committeeId,
        hostCellId: host.id,
        invitedCellIds: [visitorA.id, visitorB.id],
        meetingAt: Date.now() + 20 * 86_400_000,
        guestIds: [guest.userId],
        title: 'Đợt sau của cùng chi bộ điểm',
      }),
    )
    .expect(201);
  openId = launched.body.id as string;
}, 240_000);

afterAll(async () => {
  await stack?.stopAll();
});

function read(cycleId: string, token: string, ifNoneMatch?: string, language?: string) {
  let call = stack.http.get(`/api/cycles/${cycleId}`).set(bearer(token));
  if (ifNoneMatch !== undefined) call = call.set('If-None-Match', ifNoneMatch);
  if (language) call = call.set('Accept-Language', language);
  return call;
}

/** A 200 with the view and its validators; answers the ETag and the view. */
async function fresh(cycleId: string, token: string, ifNoneMatch?: string) {
  const answer = await read(cycleId, token, ifNoneMatch);
  expect(answer.status).toBe(200);
  expect(answer.headers['cache-control']).toBe('private, no-cache');
  const etag = answer.headers.etag;
  expect(etag).toMatch(/^W\/"[\w-]+"$/);
  return { etag: etag, view: answer.body as CycleBody };
}

interface CycleBody {
  id: string;
  invitations: { cellId: string; status: string; note: string | null; adoption: string | null }[];
  guests: { userId: string | null; fullName: string }[];
  actionItems: { id: string; doneAt: string | null }[];
  carriedOverActionItems: { id: string; cycleId: string }[];
  timeline: { event: string; actorId: string | null }[];
  statusLabel: string;
}

function expectNotModified(answer: Response, etag: string) {
  expect(answer.status).toBe(304);
  expect(answer.headers.etag).toBe(etag);
  expect(answer.text ?? '').toBe('');
}

describe('GET /api/cycles/:id with an ETag', () => {
  it('names the same view by the same ETag, and answers 304 to a client holding it', async () => {
    const first = await fresh(closedId, commune.staff.token);
    const second = await fresh(closedId, commune.staff.token);
    expect(second.etag).toBe(first.etag);
    expect(second.view).toEqual(first.view);
    expectNotModified(await read(closedId, commune.staff.token, first.etag), first.etag);
    // Weak comparison: the tag without its W/ mark, or among others in a list, is the same tag.
    expectNotModified(await read(closedId, commune.staff.token, first.etag.slice(2)), first.etag);
    expectNotModified(await read(closedId, commune.staff.token, `"khac", ${first.etag}`), first.etag);
  });

  it('moves with a step, and the body then shows the step', async () => {
    const before = await fresh(openId, visitorA.secretary.token);
    const answered = await stack.http
      .post(`/api/cycles/${openId}/invitations/${visitorA.id}/rsvp`)
      .set(bearer(visitorA.secretary.token))
      .send({ response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' })
      .expect(200);
    expect(answered.body.invitations.find((invitation: { cellId: string }) => invitation.cellId === visitorA.id).status).toBe('ACCEPTED');
    const after = await fresh(openId, visitorA.secretary.token, before.etag);
    expect(after.etag).not.toBe(before.etag);
    expect(after.view.invitations.find((invitation) => invitation.cellId === visitorA.id)?.status).toBe('ACCEPTED');
    expect(after.view.timeline.length).toBe(before.view.timeline.length + 1);
    // And the committee's copy from before the step is no longer right either.
    const staffAfter = await fresh(openId, commune.staff.token);
    expect(staffAfter.view.invitations.find((invitation) => invitation.cellId === visitorA.id)?.status).toBe('ACCEPTED');
  });

  it('moves with a follow-up after the close: an adoption, an action item ticked off', async () => {
    const before = await fresh(closedId, commune.staff.token);
    await stack.http
      .post(`/api/cycles/${closedId}/adoption`)
      .set(bearer(visitorB.secretary.token))
      .send({ text: 'Áp dụng cách chuẩn bị ý kiến từ trước' })
      .expect(200);
    const adopted = await fresh(closedId, commune.staff.token, before.etag);
    expect(adopted.etag).not.toBe(before.etag);
    expect(adopted.view.invitations.find((invitation) => invitation.cellId === visitorB.id)?.adoption).toBe('Áp dụng cách chuẩn bị ý kiến từ trước');

    await stack.http.post(`/api/cycles/${closedId}/action-items/${items[0].id}/done`).set(bearer(host.secretary.token)).send({}).expect(200);
    const ticked = await fresh(closedId, commune.staff.token, adopted.etag);
    expect(ticked.etag).not.toBe(adopted.etag);
    expect(ticked.view.actionItems.find((item) => item.id === items[0].id)?.doneAt).toEqual(expect.any(String));
  });

  it('moves on the host’s next cycle when an item carried over to it is settled in the cycle it came from', async () => {
    const before = await fresh(openId, commune.staff.token);
    expect(before.view.carriedOverActionItems.map((item) => item.id)).toContain(items[1].id);
    await stack.http
      .post(`/api/cycles/${closedId}/action-items/${items[1].id}/drop`)
      .set(bearer(host.secretary.token))
      .send({ reason: 'Chi đoàn đã tổ chức trong tháng' })
      .expect(200);
    const after = await fresh(openId, commune.staff.token, before.etag);
    expect(after.etag).not.toBe(before.etag);
    expect(after.view.carriedOverActionItems.map((item) => item.id)).not.toContain(items[1].id);
  });

  it('moves when the office renames a guest the view names', async () => {
    const before = await fresh(openId, commune.staff.token);
    expect(before.view.guests).toEqual([{ userId: guest.userId, fullName: 'Đồng chí Huyện ủy viên' }]);
    await stack.http.patch(`/api/users/${guest.userId}`).set(bearer(commune.staff.token)).send({ fullName: 'Đồng chí Phó Bí thư Huyện ủy' }).expect(200);
    const after = await fresh(openId, commune.staff.token, before.etag);
    expect(after.etag).not.toBe(before.etag);
    expect(after.view.guests).toEqual([{ userId: guest.userId, fullName: 'Đồng chí Phó Bí thư Huyện ủy' }]);
    // The guest sees itself under the new name too, in a view of its own.
    const own = await fresh(openId, guest.token);
    expect(own.etag).not.toBe(after.etag);
    expect(own.view.guests).toEqual([{ userId: guest.userId, fullName: 'Đồng chí Phó Bí thư Huyện ủy' }]);
  });

  it('differs between two people, and each gets the view that is theirs, whoever asked first', async () => {
    const staff = await fresh(closedId, commune.staff.token);
    const hostView = await fresh(closedId, host.secretary.token);
    const a = await fresh(closedId, visitorA.secretary.token);
    const b = await fresh(closedId, visitorB.secretary.token);
    expect(new Set([staff.etag, hostView.etag, a.etag, b.etag]).size).toBe(4);
    // The committee and the host see the same cycle, yet one's ETag is not the other's.
    expect(hostView.view).toEqual(staff.view);
    await fresh(closedId, host.secretary.token, staff.etag);
    // A visitor sees its own note and no one's user id; the other visitor does not see that note.
    const noteOf = (view: CycleBody) => view.invitations.find((invitation) => invitation.cellId === visitorA.id)?.note;
    expect(noteOf(staff.view)).toBe(A_NOTE);
    expect(noteOf(a.view)).toBe(A_NOTE);
    expect(noteOf(b.view)).toBeNull();
    expect(staff.view.timeline.some((entry) => entry.actorId !== null)).toBe(true);
    expect(b.view.timeline.every((entry) => entry.actorId === null)).toBe(true);
    // Visitor B sending visitor A's ETag, or the committee's, gets its own view, not a 304.
    expect((await fresh(closedId, visitorB.secretary.token, a.etag)).view).toEqual(b.view);
    expect((await fresh(closedId, visitorB.secretary.token, staff.etag)).view).toEqual(b.view);
  });

  it('names each language’s view apart', async () => {
    const vi = await fresh(closedId, commune.staff.token);
    const en = await read(closedId, commune.staff.token, vi.etag, 'en');
    expect(en.status).toBe(200);
    expect(en.headers.etag).not.toBe(vi.etag);
    expect(en.body.statusLabel).not.toBe(vi.view.statusLabel);
    expectNotModified(await read(closedId, commune.staff.token, en.headers.etag, 'en'), en.headers.etag);
  });

  it('refuses whoever may not see the cycle as before, whatever ETag they send', async () => {
    const staff = await fresh(closedId, commune.staff.token);
    // What a refusal looks like, every header that could tell anything about the cycle included.
    const answerOf = (answer: Response) => ({
      status: answer.status,
      body: answer.body as unknown,
      etag: answer.headers.etag,
      cacheControl: answer.headers['cache-control'],
    });
    const plain = answerOf(await read(closedId, outsiders.staff.token));
    expect(plain).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' }, cacheControl: 'no-store' });
    // Express names every answer's bytes, a refusal's too: that tag is the refusal's, never the cycle's.
    expect(plain.etag).not.toBe(staff.etag);
    for (const person of [outsiders.staff, outsiders.cells[0].secretary]) {
      for (const tag of [staff.etag, '*']) expect(answerOf(await read(closedId, person.token, tag))).toEqual(plain);
    }
    // A secretary of the same committee whose cell was not invited: refused as before.
    const uninvited = answerOf(await read(closedId, bystander.secretary.token));
    expect(uninvited).toMatchObject({ status: 403, body: { code: 'NOT_INVITED' } });
    expect(answerOf(await read(closedId, bystander.secretary.token, staff.etag))).toEqual(uninvited);
    // A missing cycle, with an ETag: the same 404.
    const missing = await read('00000000-0000-4000-8000-000000000000', commune.staff.token, staff.etag);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
  });

  it('takes a malformed If-None-Match as no copy at all', async () => {
    const { etag, view } = await fresh(closedId, commune.staff.token);
    for (const header of ['garbage', 'W/', '"', ',,,', 'W/"', `${etag.slice(0, -2)}"`, `"${'x'.repeat(4_000)}"`, 'W/"ä"']) {
      const answer = await fresh(closedId, commune.staff.token, header);
      expect(answer.etag).toBe(etag);
      expect(answer.view).toEqual(view);
    }
  });
});

describe('the records a view is made of', () => {
  /** Each table read on its own through its entity, in the order the page lists it. */
  async function entityByEntity(dataSource: DataSource, cycle: CycleEntity) {
    const where = { cycleId: cycle.id };
    const guestRows = await dataSource.getRepository(CycleGuestEntity).find({ where, order: { userId: 'ASC' } });
    const names = await dataSource.getRepository(UserEntity).find({ where: { id: In(guestRows.map((row) => row.userId)) } });
    const carriedOver = cycle.hostCellId
      ? await dataSource
          .getRepository(ActionItemEntity)
          .createQueryBuilder('item')
          .innerJoin(CycleEntity, 'origin', 'origin.id = item.cycleId')
          .where('item.cellId = :cellId AND item.doneAt IS NULL AND item.droppedAt IS NULL', { cellId: cycle.hostCellId })
          .andWhere('origin.createdAt < :createdAt', { createdAt: cycle.createdAt })
          .orderBy('item.dueDate', 'ASC')
          .addOrderBy('item.id', 'ASC')
          .getMany()
      : [];
    return {
      invitations: await dataSource.getRepository(CycleInvitationEntity).find({ where, order: { cellId: 'ASC' } }),
      guests: guestRows.map((row) => ({ userId: row.userId, fullName: names.find((user) => user.id === row.userId)?.fullName })),
      critiques: await dataSource.getRepository(CritiqueEntity).find({ where, order: { submittedAt: 'ASC', id: 'ASC' } }),
      events: await dataSource.getRepository(CycleEventEntity).find({ where, order: { seq: 'ASC' } }),
      actionItems: await dataSource.getRepository(ActionItemEntity).find({ where, order: { dueDate: 'ASC', id: 'ASC' } }),
      carriedOver,
    };
  }

  it('are read in one statement exactly as each table holds them: every column, type and order', async () => {
    const dataSource = stack.app.get(DataSource);
    const reads = stack.app.get(CycleReadsRepository);
    const seen = { invitations: 0, guests: 0, critiques: 0, events: 0, actionItems: 0, carriedOver: 0 };
    for (const cycleId of [closedId, openId]) {
      const cycle = await dataSource.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
      const expected = await entityByEntity(dataSource, cycle);
      const records = await reads.records(cycle);
      expect(records).toEqual(expected);
      for (const event of records.events) expect(event.at).toBeInstanceOf(Date);
      for (const critique of records.critiques) expect(critique.submittedAt).toBeInstanceOf(Date);
      for (const part of Object.keys(seen) as (keyof typeof seen)[]) seen[part] += records[part].length;
    }
    // Not a comparison of empty lists: the two cycles hold rows of every kind, a critique's score and a note among them.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0);
    const closed = await reads.records(await dataSource.getRepository(CycleEntity).findOneByOrFail({ id: closedId }));
    expect(closed.critiques.some((critique) => typeof critique.scoreTotal === 'number')).toBe(true);
    expect(closed.invitations.some((invitation) => invitation.note === A_NOTE && invitation.respondedAt instanceof Date)).toBe(true);
  });
});
