import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  fileReport,
  launchCycle,
  postPlan,
  recordMeeting,
  review,
  rsvp,
  submitCritique,
  waitForMeetingTime,
} from '../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, acceptReviewBody, critiqueBody, meetingBody, reportBody } from '../scripts/lib/step-bodies.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { supertestHttp } from './support/cycle-http.js';
import { addCellViaApi, createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * Issue 12, people: the office changes who acts for a cell, and what it changes takes effect at once, for
 * the new person and against the old one, with every change on the audit trail.
 */
let stack: ApiStack;
let commune: ApiCommune;
let other: ApiCommune;
let adminToken: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const PASSWORD = 'mat-khau-bi-thu-moi-2026';

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 4);
  other = await createCommuneViaApi(stack, 1);
  adminToken = (await stack.http.post('/api/auth/login').send({ username: 'admin', password: 'admin' }).expect(200)).body.accessToken;
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

async function login(username: string, password: string) {
  return stack.http.post('/api/auth/login').send({ username, password });
}

async function auditOf(token: string, query = '') {
  return stack.http.get(`/api/audit${query}`).set(bearer(token));
}

describe('a secretary replaced in the middle of a cycle', () => {
  it('lets the new one critique for the cell at once, shuts the old one out at once, and the cycle still closes', async () => {
    const [host, replacedCell, steady] = commune.cells;
    const cycle = await launchCycle(
      supertestHttp(stack.http),
      { committeeId: commune.committeeId, staff: commune.staff, host, invited: [replacedCell, steady] },
      { meetingAt: Date.now() + 2500 },
    );
    for (const cell of [replacedCell, steady]) await rsvp(cycle, cell, acceptInvitationBody());
    await postPlan(cycle);
    await waitForMeetingTime(cycle);
    await recordMeeting(cycle, meetingBody({ attendingCellIds: [replacedCell.id, steady.id] }));

    const oldToken = replacedCell.secretary.token;
    const replaced = await stack.http
      .post(`/api/committees/${commune.committeeId}/cells/${replacedCell.id}/secretary`)
      .set(bearer(commune.staff.token))
      .send({ username: `Bithu.Moi.${Date.now()}`, password: PASSWORD, fullName: 'Đồng chí Hoàng Thị Mai' });
    expect(replaced.status).toBe(201);
    expect(replaced.body.secretary).toMatchObject({ role: 'secretary', cellId: replacedCell.id, active: true });
    expect(replaced.body.replaced).toEqual([expect.objectContaining({ id: replacedCell.secretary.userId, active: false })]);

    // The old secretary's session ends with the replacement, and the account no longer signs in.
    expect((await stack.http.get('/api/me').set(bearer(oldToken))).status).toBe(401);
    const oldLogin = await login(replacedCell.secretary.username, TEST_PASSWORD);
    expect({ status: oldLogin.status, code: oldLogin.body.code }).toEqual({ status: 401, code: 'ACCOUNT_DEACTIVATED' });
    expect(oldLogin.body.message).toMatch(/ngừng hoạt động/);

    // The new one sees the cell's open task and critiques for the cell.
    const newToken = (await login(replaced.body.secretary.username, PASSWORD).then((answer) => answer.body)).accessToken as string;
    const tasks = await stack.http.get('/api/me/tasks').set(bearer(newToken)).expect(200);
    expect(tasks.body).toContainEqual(expect.objectContaining({ cycleId: cycle.id, action: 'SUBMIT_CRITIQUE' }));
    const successor = { ...replacedCell, secretary: { ...replacedCell.secretary, token: newToken } };
    const critique = await submitCritique(cycle, successor, critiqueBody({ index: 0 }));
    expect(critique.cellId).toBe(replacedCell.id);
    await submitCritique(cycle, steady, critiqueBody({ index: 1 }));
    await fileReport(cycle, reportBody({ pointIds: cycle.pointsToAnswer.map((point) => point.id) }));
    const closed = await review(cycle, acceptReviewBody({ rating: 'KHA' }));
    expect(closed.status).toBe('CLOSED');
    // The old secretary's step stays on the timeline under the old account.
    expect(closed.timeline.some((entry) => entry.actorId === replacedCell.secretary.userId)).toBe(true);

    const trail = await auditOf(commune.staff.token).then((answer) => answer.body as { action: string; entityId: string; before: unknown; after: Record<string, unknown> }[]);
    expect(trail.find((entry) => entry.action === 'SECRETARY_REPLACED' && entry.entityId === replacedCell.secretary.userId)).toMatchObject({
      before: expect.objectContaining({ deactivatedAt: null }),
      after: expect.objectContaining({ replacedBy: replaced.body.secretary.id }),
    });
    expect(trail.find((entry) => entry.action === 'SECRETARY_APPOINTED' && entry.entityId === replaced.body.secretary.id)).toBeDefined();
  }, 120_000);
});

describe('changes the office makes to a person', () => {
  it('deactivation ends the session at once and blocks sign-in; reactivation lets the person sign in again, not the old session', async () => {
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Chỉu Cái ${Date.now()}`, username: `bithu.chiucai.${Date.now()}`, secretary: 'Đồng chí Sùng A Dơ' });
    const deactivated = await stack.http
      .post(`/api/users/${cell.secretary.userId}/deactivate`)
      .set(bearer(commune.staff.token))
      .send({ reason: 'Đồng chí chuyển công tác' });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.active).toBe(false);
    expect((await stack.http.get('/api/me').set(bearer(cell.secretary.token))).status).toBe(401);
    expect((await login(cell.secretary.username, TEST_PASSWORD)).body.code).toBe('ACCOUNT_DEACTIVATED');
    // Deactivating again changes nothing.
    await stack.http.post(`/api/users/${cell.secretary.userId}/deactivate`).set(bearer(commune.staff.token)).send({ reason: 'Lần nữa' }).expect(200);

    await stack.http.post(`/api/users/${cell.secretary.userId}/reactivate`).set(bearer(commune.staff.token)).expect(200);
    expect((await stack.http.get('/api/me').set(bearer(cell.secretary.token))).status).toBe(401);
    const again = await login(cell.secretary.username, TEST_PASSWORD);
    expect(again.status).toBe(200);
    await stack.http.get('/api/me').set(bearer(again.body.accessToken)).expect(200);

    const trail = (await auditOf(commune.staff.token)).body as { action: string; entityId: string; after: Record<string, unknown> }[];
    const mine = trail.filter((entry) => entry.entityId === cell.secretary.userId).map((entry) => entry.action);
    expect(mine).toEqual(['ACCOUNT_REACTIVATED', 'ACCOUNT_DEACTIVATED', 'ACCOUNT_CREATED']);
    expect(trail.find((entry) => entry.entityId === cell.secretary.userId && entry.action === 'ACCOUNT_DEACTIVATED')?.after).toMatchObject({
      reason: 'Đồng chí chuyển công tác',
    });
  });

  it('a password reset ends the session, and the temporary password must be changed before anything else', async () => {
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Dì Thàng ${Date.now()}`, username: `bithu.dithang.${Date.now()}`, secretary: 'Đồng chí Giàng Thị Say' });
    const reset = await stack.http.post(`/api/users/${cell.secretary.userId}/password-reset`).set(bearer(commune.staff.token)).send({ newPassword: 'mat-khau-tam-thoi-2026' });
    expect(reset.status).toBe(200);
    expect(reset.body.mustChangePassword).toBe(true);
    expect(JSON.stringify(reset.body)).not.toMatch(/mat-khau|hash/i);
    expect((await stack.http.get('/api/me/tasks').set(bearer(cell.secretary.token))).status).toBe(401);
    expect((await login(cell.secretary.username, TEST_PASSWORD)).status).toBe(401);
    const signedIn = await login(cell.secretary.username, 'mat-khau-tam-thoi-2026');
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const blocked = await stack.http.get('/api/me/tasks').set(bearer(signedIn.body.accessToken));
    expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    const weak = await stack.http.post(`/api/users/${cell.secretary.userId}/password-reset`).set(bearer(commune.staff.token)).send({ newPassword: '12345678' });
    expect({ status: weak.status, code: weak.body.code }).toEqual({ status: 400, code: 'WEAK_PASSWORD' });
    const trail = (await auditOf(commune.staff.token)).body as { action: string; entityId: string; after: Record<string, unknown> }[];
    const entry = trail.find((row) => row.entityId === cell.secretary.userId && row.action === 'PASSWORD_RESET');
    expect(entry?.after).toMatchObject({ passwordReset: true });
    expect(JSON.stringify(entry)).not.toMatch(/mat-khau|\$argon|\$2[aby]\$|scrypt/i);
  });

  it('an account made with an initial password for the person (mustChangePassword) must change it before anything else; by default it need not', async () => {
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Sín Chải B ${Date.now()}`, username: `bithu.sinchai.${Date.now()}`, secretary: 'Đồng chí Thào Seo Lử' });
    await stack.http.get('/api/me/tasks').set(bearer(cell.secretary.token)).expect(200);
    const made = await stack.http
      .post('/api/users')
      .set(bearer(commune.staff.token))
      .send({ username: `phobithu.sinchai.${Date.now()}`, password: PASSWORD, fullName: 'Đồng chí Thào Thị Dợ', role: 'secretary', cellId: cell.id, mustChangePassword: true });
    expect(made.status).toBe(201);
    expect(made.body.mustChangePassword).toBe(true);
    const signedIn = await login(made.body.username as string, PASSWORD);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    const blocked = await stack.http.get('/api/me/tasks').set(bearer(signedIn.body.accessToken));
    expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    const replacing = await stack.http
      .post(`/api/committees/${commune.committeeId}/cells/${cell.id}/secretary`)
      .set(bearer(commune.staff.token))
      .send({ username: `bithu.sinchai.moi.${Date.now()}`, password: PASSWORD, fullName: 'Đồng chí Thào A Chứ', mustChangePassword: true });
    expect(replacing.status).toBe(201);
    expect(replacing.body.secretary.mustChangePassword).toBe(true);
    const notABoolean = await stack.http
      .post('/api/users')
      .set(bearer(commune.staff.token))
      .send({ username: `bithu.x.${Date.now()}`, password: PASSWORD, fullName: 'Đồng chí Thào A Sử', role: 'secretary', cellId: cell.id, mustChangePassword: 'yes' });
    expect(notABoolean.status).toBe(400);
  });

  it('a new name keeps the session; a new cell or role ends it, and a secretary’s cell must be one of the committee’s', async () => {
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Na Hối Nùng ${Date.now()}`, username: `bithu.nahoinung.${Date.now()}`, secretary: 'Đồng chí Vàng Văn Chu' });
    const [, , , target] = commune.cells;
    const renamed = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ fullName: 'Đồng chí Vàng Văn Chư' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.fullName).toBe('Đồng chí Vàng Văn Chư');
    await stack.http.get('/api/me').set(bearer(cell.secretary.token)).expect(200);

    const foreign = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ cellId: other.cells[0].id });
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 400, code: 'INVALID_CELL' });
    const unknownField = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ password: 'x' });
    expect(unknownField.status).toBe(400);

    const moved = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ cellId: target.id });
    expect(moved.status).toBe(200);
    expect(moved.body.cellId).toBe(target.id);
    expect((await stack.http.get('/api/me').set(bearer(cell.secretary.token))).status).toBe(401);

    const guest = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ role: 'guest' });
    expect(guest.body).toMatchObject({ role: 'guest', cellId: null });
  });

  it('keeps each office to its own people and roles', async () => {
    const [cell] = commune.cells;
    const stranger = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(other.staff.token)).send({ fullName: 'Đồng chí Lạ' });
    expect({ status: stranger.status, code: stranger.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    const strangerDeactivates = await stack.http.post(`/api/users/${cell.secretary.userId}/deactivate`).set(bearer(other.staff.token)).send({ reason: 'Thử' });
    expect(strangerDeactivates.status).toBe(404);
    const promote = await stack.http.patch(`/api/users/${cell.secretary.userId}`).set(bearer(commune.staff.token)).send({ role: 'committee' });
    expect({ status: promote.status, code: promote.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    const colleague = await stack.http.patch(`/api/users/${commune.staff.userId}`).set(bearer(commune.staff.token)).send({ fullName: 'Đồng chí Tự Sửa' });
    expect({ status: colleague.status, code: colleague.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    const secretaryTries = await stack.http.patch(`/api/users/${commune.cells[1].secretary.userId}`).set(bearer(commune.cells[2].secretary.token)).send({ fullName: 'X' });
    expect({ status: secretaryTries.status, code: secretaryTries.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });

    const me = (await stack.http.get('/api/me').set(bearer(adminToken)).expect(200)).body as { id: string };
    const selfDeactivation = await stack.http.post(`/api/users/${me.id}/deactivate`).set(bearer(adminToken)).send({ reason: 'Thử' });
    expect({ status: selfDeactivation.status, code: selfDeactivation.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });

    const people = await stack.http.get(`/api/committees/${commune.committeeId}/users`).set(bearer(commune.staff.token)).expect(200);
    expect((people.body as { committeeId: string }[]).every((person) => person.committeeId === commune.committeeId)).toBe(true);
    expect((await stack.http.get(`/api/committees/${commune.committeeId}/users`).set(bearer(other.staff.token))).status).toBe(404);
    expect((await stack.http.get(`/api/committees/${commune.committeeId}/users`).set(bearer(cell.secretary.token))).status).toBe(403);
  });

  it('shows the audit trail to the admin and to the committee it concerns, never to another committee', async () => {
    const ours = (await auditOf(commune.staff.token)).body as { committeeId: string }[];
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.every((entry) => entry.committeeId === commune.committeeId)).toBe(true);
    const theirs = (await auditOf(other.staff.token)).body as { committeeId: string }[];
    expect(theirs.every((entry) => entry.committeeId === other.committeeId)).toBe(true);
    expect((await auditOf(other.staff.token, `?committeeId=${commune.committeeId}`)).status).toBe(404);
    const asAdmin = (await auditOf(adminToken, `?committeeId=${commune.committeeId}&limit=500`)).body as { committeeId: string }[];
    expect(asAdmin.length).toBe(ours.length);
    expect((await auditOf(commune.cells[0].secretary.token)).status).toBe(403);
    const page = (await auditOf(commune.staff.token, '?limit=2')).body as { id: string }[];
    const next = (await auditOf(commune.staff.token, `?limit=2&before=${page[1].id}`)).body as { id: string }[];
    expect(Number(next[0].id)).toBeLessThan(Number(page[1].id));
  });
});
