import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { addCellViaApi, createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * Issue 12, cells: villages merge their cells and cells move between communes. A dissolved or merged cell
 * is never a candidate or an invitee again, its history stays readable, and its open cycles are named to
 * the committee; every change is on the audit trail.
 */
let stack: ApiStack;
let commune: ApiCommune;
let other: ApiCommune;
let adminToken: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const cellsPath = (communeOf: ApiCommune) => `/api/committees/${communeOf.committeeId}/cells`;

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 3);
  other = await createCommuneViaApi(stack, 1);
  adminToken = (await stack.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' }).expect(200)).body.accessToken;
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

async function launch(invitedCellIds: string[], hostCellId?: string) {
  return stack.http
    .post('/api/cycles')
    .set(bearer(commune.staff.token))
    .send({
      committeeId: commune.committeeId,
      title: `Sinh hoạt chi bộ điểm ${Date.now()}`,
      topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
      kind: 'regular',
      ...(hostCellId ? { hostCellId } : {}),
      invitedCellIds,
      meetingAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
      location: 'Nhà văn hóa thôn',
    });
}

async function listed(communeOf: ApiCommune, token: string) {
  return (await stack.http.get(cellsPath(communeOf)).set(bearer(token)).expect(200)).body as { id: string; name: string; memberCount: number; active: boolean; mergedIntoCellId: string | null }[];
}

describe('a cell’s name and members', () => {
  it('change as the office says, on the audit trail with before and after', async () => {
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Dì Thàng 1 ${Date.now()}`, username: `bithu.dt1.${Date.now()}`, secretary: 'Đồng chí Thào A Páo' });
    const changed = await stack.http.patch(`${cellsPath(commune)}/${cell.id}`).set(bearer(commune.staff.token)).send({ name: 'Chi bộ thôn Dì Thàng', memberCount: 31 });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: cell.id, name: 'Chi bộ thôn Dì Thàng', memberCount: 31, active: true });
    expect((await listed(commune, commune.staff.token)).find((row) => row.id === cell.id)).toMatchObject({ name: 'Chi bộ thôn Dì Thàng', memberCount: 31 });
    const trail = (await stack.http.get('/api/audit').set(bearer(commune.staff.token)).expect(200)).body as { action: string; entityId: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
    expect(trail.find((entry) => entry.entityId === cell.id && entry.action === 'CELL_CHANGED')).toMatchObject({
      before: expect.objectContaining({ memberCount: 21 }),
      after: expect.objectContaining({ name: 'Chi bộ thôn Dì Thàng', memberCount: 31 }),
    });
    const tooMany = await stack.http.patch(`${cellsPath(commune)}/${cell.id}`).set(bearer(commune.staff.token)).send({ memberCount: 0 });
    expect(tooMany.status).toBe(400);
    const stranger = await stack.http.patch(`${cellsPath(commune)}/${cell.id}`).set(bearer(other.staff.token)).send({ memberCount: 20 });
    expect(stranger.status).toBe(404);
    const secretary = await stack.http.patch(`${cellsPath(commune)}/${cell.id}`).set(bearer(cell.secretary.token)).send({ memberCount: 20 });
    expect(secretary.status).toBe(403);
  });
});

describe('a cell’s name among the committee’s cells', () => {
  it('is not another active cell’s, whatever its letter case and spacing (409 CELL_NAME_TAKEN); a dissolved cell’s name is free again', async () => {
    const name = `Chi bộ thôn Ly Chư Phìn ${Date.now()}`;
    const first = await stack.http.post(cellsPath(commune)).set(bearer(commune.staff.token)).send({ name, memberCount: 18 }).expect(201);
    const twin = await stack.http.post(cellsPath(commune)).set(bearer(commune.staff.token)).send({ name: `  ${name.toLowerCase()}  `, memberCount: 9 });
    expect({ status: twin.status, code: twin.body.code, message: twin.body.message }).toEqual({
      status: 409,
      code: 'CELL_NAME_TAKEN',
      message: 'Đảng bộ đã có một chi bộ mang tên này; đề nghị đặt tên khác.',
    });
    // Another committee may have a cell of that name; within one, a rename into it is refused too.
    await stack.http.post(cellsPath(other)).set(bearer(other.staff.token)).send({ name, memberCount: 11 }).expect(201);
    const [, second] = commune.cells;
    const renamed = await stack.http.patch(`${cellsPath(commune)}/${second.id}`).set(bearer(commune.staff.token)).send({ name: name.toUpperCase() });
    expect({ status: renamed.status, code: renamed.body.code }).toEqual({ status: 409, code: 'CELL_NAME_TAKEN' });
    // A cell keeps its own name in another letter case, and takes a free one.
    await stack.http.patch(`${cellsPath(commune)}/${first.body.id}`).set(bearer(commune.staff.token)).send({ name: name.toUpperCase(), memberCount: 19 }).expect(200);
    await stack.http.post(`${cellsPath(commune)}/${first.body.id}/deactivate`).set(bearer(commune.staff.token)).send({ reason: 'Sáp nhập thôn' }).expect(200);
    await stack.http.post(cellsPath(commune)).set(bearer(commune.staff.token)).send({ name, memberCount: 27 }).expect(201);
  });
});

describe('a cell merged into another', () => {
  it('is named with its open cycles, is never a candidate or an invitee again, and its history stays readable', async () => {
    const [host, visitor, survivor] = commune.cells;
    const merged = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Na Hối Nùng ${Date.now()}`, username: `bithu.nhn.${Date.now()}`, secretary: 'Đồng chí Vàng Seo Chử' });
    const open = await launch([visitor.id, merged.id], host.id);
    expect(open.status).toBe(201);

    const answer = await stack.http
      .post(`${cellsPath(commune)}/${merged.id}/deactivate`)
      .set(bearer(commune.staff.token))
      .send({ reason: 'Sáp nhập thôn theo nghị quyết của tỉnh', mergedIntoCellId: survivor.id });
    expect(answer.status).toBe(200);
    expect(answer.body.cell).toMatchObject({ id: merged.id, active: false, mergedIntoCellId: survivor.id });
    expect(answer.body.openCycles).toEqual([{ id: open.body.id, title: open.body.title, status: 'PREPARATION', part: 'invited' }]);

    // Still listed, marked and pointing at the cell it went into; the open cycle still shows its invitation.
    expect((await listed(commune, commune.staff.token)).find((row) => row.id === merged.id)).toMatchObject({ active: false, mergedIntoCellId: survivor.id });
    const cycle = await stack.http.get(`/api/cycles/${open.body.id}`).set(bearer(commune.staff.token)).expect(200);
    expect(cycle.body.invitations.map((invitation: { cellId: string }) => invitation.cellId)).toContain(merged.id);

    // Never invited or hosting again, never a candidate.
    const invited = await launch([merged.id], visitor.id);
    expect({ status: invited.status, code: invited.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });
    const hosting = await launch([visitor.id], merged.id);
    expect({ status: hosting.status, code: hosting.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });
    const selecting = await launch([visitor.id]);
    expect(selecting.status).toBe(201);
    const candidates = await stack.http.get(`/api/cycles/${selecting.body.id}/host-candidates`).set(bearer(commune.staff.token)).expect(200);
    expect((candidates.body as { cellId: string }[]).map((candidate) => candidate.cellId)).not.toContain(merged.id);
    const picked = await stack.http.post(`/api/cycles/${selecting.body.id}/host`).set(bearer(commune.staff.token)).send({ cellId: merged.id });
    expect({ status: picked.status, code: picked.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });

    // Merging into itself, into a dissolved cell or into another committee's cell is refused.
    const another = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Chỉu Cái ${Date.now()}`, username: `bithu.cc.${Date.now()}`, secretary: 'Đồng chí Lù Thị Mỷ' });
    for (const mergedIntoCellId of [another.id, merged.id, other.cells[0].id]) {
      const refused = await stack.http.post(`${cellsPath(commune)}/${another.id}/deactivate`).set(bearer(commune.staff.token)).send({ reason: 'Thử', mergedIntoCellId });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });
    }
    const replacing = await stack.http
      .post(`${cellsPath(commune)}/${merged.id}/secretary`)
      .set(bearer(commune.staff.token))
      .send({ username: `bithu.moi.${Date.now()}`, password: 'mat-khau-bi-thu-moi-2026', fullName: 'Đồng chí Hầu A Lềnh' });
    expect({ status: replacing.status, code: replacing.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });
    const trail = (await stack.http.get('/api/audit').set(bearer(commune.staff.token)).expect(200)).body as { action: string; entityId: string; after: Record<string, unknown> }[];
    expect(trail.find((entry) => entry.entityId === merged.id && entry.action === 'CELL_MERGED')?.after).toMatchObject({ mergedIntoCellId: survivor.id });
  });
});

describe('a cell moved to another committee', () => {
  it('goes with its secretary, whose session ends; not while it has a part in an open cycle; only the admin moves cells', async () => {
    const moving = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Sán Chải ${Date.now()}`, username: `bithu.sc.${Date.now()}`, secretary: 'Đồng chí Ly Seo Dìn' });
    const byStaff = await stack.http.post(`${cellsPath(commune)}/${moving.id}/move`).set(bearer(commune.staff.token)).send({ committeeId: other.committeeId });
    expect(byStaff.status).toBe(403);

    const host = commune.cells[1];
    const open = await launch([moving.id], host.id);
    expect(open.status).toBe(201);
    const busy = await stack.http.post(`${cellsPath(commune)}/${moving.id}/move`).set(bearer(adminToken)).send({ committeeId: other.committeeId });
    expect({ status: busy.status, code: busy.body.code }).toEqual({ status: 409, code: 'CELL_IN_OPEN_CYCLE' });
    expect(busy.body.message).toContain(open.body.title);
    await stack.http.post(`/api/cycles/${open.body.id}/cancel`).set(bearer(commune.staff.token)).send({ reason: 'Chi bộ chuyển sang Đảng bộ khác' }).expect(200);

    const moved = await stack.http.post(`${cellsPath(commune)}/${moving.id}/move`).set(bearer(adminToken)).send({ committeeId: other.committeeId });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ id: moving.id, committeeId: other.committeeId });
    expect((await listed(other, other.staff.token)).map((row) => row.id)).toContain(moving.id);
    expect((await listed(commune, commune.staff.token)).map((row) => row.id)).not.toContain(moving.id);
    expect((await stack.http.get('/api/me').set(bearer(moving.secretary.token))).status).toBe(401);
    const again = await stack.http.post('/api/auth/login').send({ username: moving.secretary.username, password: 'mat-khau-thu-nghiem-2026' }).expect(200);
    expect(again.body.user).toMatchObject({ committeeId: other.committeeId, cellId: moving.id });
    // The cancelled cycle stays with the committee that held it, and its new committee's staff do not see it.
    await stack.http.get(`/api/cycles/${open.body.id}`).set(bearer(commune.staff.token)).expect(200);
    expect((await stack.http.get(`/api/cycles/${open.body.id}`).set(bearer(other.staff.token))).status).toBe(404);
    const theirTrail = (await stack.http.get('/api/audit').set(bearer(other.staff.token)).expect(200)).body as { action: string; entityId: string }[];
    expect(theirTrail.some((entry) => entry.entityId === moving.id && entry.action === 'CELL_MOVED')).toBe(true);
  });
});
