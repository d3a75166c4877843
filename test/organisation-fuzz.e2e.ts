import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { driveCycle } from '../scripts/lib/cycle-driver.mjs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { addCellViaApi, createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';

/**
 * Issue 12: property-based fuzzing of the organisation bodies (a person changed, a cell changed or
 * dissolved, a score sheet added), sent by the office that may send them. Oracle on every answer: a
 * documented status (never a 5xx), the error body in Vietnamese; what is accepted is what a GET then shows
 * (names in NFC); and afterwards the committee's cycles still move: a whole cycle runs to CLOSED.
 * ORG_FUZZ_RUNS (default 40) cases per body, seeded by ORG_FUZZ_SEED.
 */
const RUNS = Number(process.env.ORG_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.ORG_FUZZ_SEED ?? 20261206);

let stack: ApiStack;
let commune: ApiCommune;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 3);
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

/** Names as people type them: Vietnamese letters precomposed or decomposed, spaces, up to and past the limit. */
const vietnameseName = fc
  .tuple(
    fc.constantFrom('Chi bộ thôn ', 'Đồng chí ', '', 'Chi bộ Thôn '),
    fc.array(fc.constantFrom('Na Hối', 'Dì Thàng', 'Sùng A Páo', 'Lò Văn Pằng', 'Chỉu Cái', 'ặ', 'ỡ', 'ự', 'Đ', '1', ' ', '  '), { minLength: 0, maxLength: 40 }),
    fc.boolean(),
  )
  .map(([prefix, parts, decomposed]) => {
    const text = `${prefix}${parts.join('')}`;
    return decomposed ? text.normalize('NFD') : text;
  });
const odd = fc.oneof(fc.constant(null), fc.integer(), fc.double(), fc.boolean(), fc.constant(''), fc.constant('\u0000'), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 3 });

function expectDocumented(status: number, body: { message?: unknown; statusCode?: number }, allowed: number[]): void {
  expect([status, allowed.includes(status)]).toEqual([status, true]);
  if (status >= 400) {
    expect(body.statusCode).toBe(status);
    const message = Array.isArray(body.message) ? body.message.join(' ') : String(body.message);
    expect(message).toMatch(/[àáảãạăâđêôơưệốộờợụủứừửữựỳýỷỹỵ]/i);
  }
}

const withoutUndefined = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));

describe('the organisation bodies, fuzzed', () => {
  it(`a person renamed or moved (${RUNS} cases, seed ${SEED}): a documented answer, and what is accepted is what is read`, async () => {
    let accepted = 0;
    const person = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Fuzz ${Date.now()}`, username: `bithu.fuzz.${Date.now()}`, secretary: 'Đồng chí Thử Nghiệm' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ fullName: maybe(fc.oneof(vietnameseName, odd)), cellId: maybe(fc.constantFrom(person.id, commune.cells[1].id, 'khong-phai-uuid')), extra: maybe(odd) }),
        async ({ fullName, cellId, extra }) => {
          const body = withoutUndefined({ fullName, cellId, ...(extra === undefined ? {} : { extra }) });
          const answer = await stack.http.patch(`/api/users/${person.secretary.userId}`).set(bearer(commune.staff.token)).send(body);
          expectDocumented(answer.status, answer.body, [200, 400]);
          if (answer.status === 200) {
            accepted += 1;
            const listed = (await stack.http.get(`/api/committees/${commune.committeeId}/users?limit=500`).set(bearer(commune.staff.token)).expect(200)).body as { id: string; fullName: string }[];
            const stored = listed.find((user) => user.id === person.secretary.userId)!;
            if (typeof fullName === 'string') expect(stored.fullName).toBe(fullName.normalize('NFC'));
            expect(stored.fullName).toBe(stored.fullName.normalize('NFC'));
          }
        },
      ),
      { numRuns: RUNS, seed: SEED },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);

  it(`a cell changed (${RUNS} cases): members from 1 to 5000, names in NFC, nothing else taken`, async () => {
    let accepted = 0;
    const cell = await addCellViaApi(stack, commune, { cell: `Chi bộ thôn Fuzz Cell ${Date.now()}`, username: `bithu.fuzzcell.${Date.now()}`, secretary: 'Đồng chí Thử Chi Bộ' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: maybe(fc.oneof(vietnameseName, odd)), memberCount: maybe(fc.oneof(fc.integer({ min: -1, max: 5001 }), fc.constantFrom(1, 5000, 0.5, '12'), odd)) }),
        async (change) => {
          const body = withoutUndefined(change);
          const answer = await stack.http.patch(`/api/committees/${commune.committeeId}/cells/${cell.id}`).set(bearer(commune.staff.token)).send(body);
          expectDocumented(answer.status, answer.body, [200, 400]);
          const memberCount = change.memberCount;
          if (typeof memberCount === 'number' && Number.isInteger(memberCount) && (memberCount < 1 || memberCount > 5000)) expect(answer.status).toBe(400);
          if (answer.status === 200) {
            accepted += 1;
            const listed = (await stack.http.get(`/api/committees/${commune.committeeId}/cells?limit=500`).set(bearer(commune.staff.token)).expect(200)).body as { id: string; name: string; memberCount: number }[];
            const stored = listed.find((row) => row.id === cell.id)!;
            if (typeof change.name === 'string') expect(stored.name).toBe(change.name.normalize('NFC'));
            if (typeof memberCount === 'number') expect(stored.memberCount).toBe(memberCount);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED + 1 },
    );
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);

  it(`a score sheet added (${RUNS} cases): whole, half or quarter points, unique criteria; what is accepted is listed as sent`, async () => {
    const criterion = fc.record({
      id: fc.oneof(fc.constantFrom('time', 'attendance', 'speaking', 'lessons-spread', 'Thời gian', ''), fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)),
      label: fc.oneof(vietnameseName, odd),
      maxPoints: fc.oneof(fc.constantFrom(0.25, 0.5, 1, 7.5, 30, 100, 100.5, 0, -1), fc.double({ min: 0, max: 101, noNaN: true })),
      requiredForTop: maybe(fc.oneof(fc.boolean(), odd)),
    });
    // Most sheets are valid and unusual (quarter points, 100-point criteria, decomposed names); the rest break a rule.
    const validSheet = fc.constantFrom(1, 0.5, 0.25).chain((pointStep) =>
      fc.record({
        name: vietnameseName.filter((name) => /\p{L}/u.test(name) && name.trim().length > 0 && name.length <= 200),
        pointStep: fc.constant(pointStep),
        kind: maybe(fc.constantFrom('regular', 'thematic')),
        criteria: fc.uniqueArray(
          fc.record({
            id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/),
            label: fc.constantFrom('Thời gian sinh hoạt', 'Tỷ lệ đảng viên dự', 'Điều hành'.normalize('NFD'), 'Phát biểu, thảo luận'),
            maxPoints: fc.integer({ min: 1, max: 100 / pointStep }).map((steps) => steps * pointStep),
            requiredForTop: maybe(fc.boolean()),
          }),
          { minLength: 1, maxLength: 8, selector: (row) => row.id },
        ),
      }),
    );
    const anySheet = fc.record({
      name: fc.oneof(vietnameseName, odd),
      pointStep: fc.oneof(fc.constantFrom(1, 0.5, 0.25, 0.3, 0), odd),
      kind: maybe(fc.oneof(fc.constantFrom('regular', 'thematic', 'khac'), odd)),
      criteria: fc.oneof(fc.array(criterion.map(withoutUndefined), { minLength: 0, maxLength: 6 }), odd),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: validSheet }, { weight: 1, arbitrary: anySheet }),
        async (sheet) => {
          const body = withoutUndefined(sheet);
          const answer = await stack.http.post(`/api/committees/${commune.committeeId}/rubrics`).set(bearer(commune.staff.token)).send(body);
          expectDocumented(answer.status, answer.body, [201, 400]);
          if (answer.status === 201) {
            accepted += 1;
            const listed = (await stack.http.get('/api/rubrics?limit=500').set(bearer(commune.staff.token)).expect(200)).body as { id: string; criteria: { maxPoints: number }[]; pointStep: number }[];
            const stored = listed.find((rubric) => rubric.id === answer.body.id)!;
            expect(stored.pointStep).toBe(sheet.pointStep);
            for (const row of stored.criteria) expect(Math.abs(row.maxPoints / stored.pointStep - Math.round(row.maxPoints / stored.pointStep))).toBeLessThan(1e-9);
            expect(stored.criteria.map((row) => row.maxPoints)).toEqual((sheet.criteria as { maxPoints: number }[]).map((row) => row.maxPoints));
          }
        },
      ),
      { numRuns: RUNS, seed: SEED + 2 },
    );
    expect(accepted).toBeGreaterThan(RUNS / 3);
  }, 180_000);

  it('leaves a committee whose cycles still move: a whole cycle runs to CLOSED afterwards', async () => {
    const [host, ...visitors] = commune.cells;
    const closed = await driveCycle(supertestHttp(stack.http), { committeeId: commune.committeeId, staff: commune.staff, host, invited: visitors }, { meetingAt: Date.now() + 2500 });
    expect(closed.closed.status).toBe('CLOSED');
  }, 120_000);
});
