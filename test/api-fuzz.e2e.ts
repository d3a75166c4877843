import { createHmac } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { DEFAULT_RUBRIC } from '../libs/domain/default-rubric.js';
import { CRITIQUE_STAGES, POINT_KINDS, RATINGS } from '../libs/domain/cycle.js';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCommune } from './support/commune-api.fixture.js';
import { sleep } from './support/eventually.js';
import { TEST_JWT_SECRET } from './support/test-stack.js';

/**
 * Property-based fuzzing of every mutating endpoint with valid, near-valid and garbage bodies, odd headers
 * (Content-Type, Content-Encoding, Accept-Language, Idempotency-Key, Authorization) and odd ids. Whatever
 * is sent, the answer must be one api.md documents (the endpoint's success, 400/401/403/404/409/413/429:
 * never a 5xx, never a hang), every error must be { statusCode, message, error } with statusCode equal to
 * the HTTP status and a message a person can read, and no answer may carry a password hash. A request sent
 * again with the same valid Idempotency-Key must get the same answer.
 *
 * FUZZ_RUNS (default 200) cases per endpoint, seeded by FUZZ_SEED (default below, printed in the test names):
 *   FUZZ_RUNS=2000 FUZZ_SEED=42 npm test -- test/api-fuzz.e2e.ts
 * A failure prints fast-check's shrunk counterexample and the exact request and answer.
 */

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`);
  return value;
}

const RUNS = Math.max(1, envInt('FUZZ_RUNS', 200));
const SEED = envInt('FUZZ_SEED', 20_261_205);
const REQUEST_TIMEOUT_MS = 15_000;
/** Per endpoint: the jest timeout, and a little less for fast-check (an interrupted run counts as a failure). */
const TEST_TIMEOUT_MS = Math.max(240_000, RUNS * 1_000);
const FUZZ_TIME_LIMIT_MS = TEST_TIMEOUT_MS - 30_000;

const MINUTE = 60_000;
const DAY = 86_400_000;
const SECRET = /passwordHash|password_hash|\$argon2/i;
const ERROR_STATUSES: readonly number[] = [400, 401, 403, 404, 409, 413, 429];
const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
};
const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;

// ---------------------------------------------------------------------------------------------------
// What a case is: plain data, so that fast-check prints a short, readable counterexample.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type FieldPath = (string | number)[];

/** A value put into a body; big ones are described, and only built when the request is sent. */
type Odd =
  | { lit: Json }
  | { repeat: string; times: number }
  | { raw: string } // a token written into the JSON text verbatim: 1e309, -0, "\ud800", NaN…
  | { nest: 'array' | 'object'; depth: number }
  | { many: Json; times: number };

type Mutation = { drop: FieldPath } | { set: FieldPath; to: Odd } | { add: FieldPath; key: string; to: Odd };

type BodySpec =
  | { valid: Json }
  | { near: Json; mutation: Mutation }
  | { splice: Json; bytes: number[] } // a valid body with raw bytes (invalid UTF-8…) inside its first string
  | { json: Json }
  | { text: string }
  | { bytes: number[] }
  | { odd: Odd }
  | { none: true };

type Named = 'admin' | 'staff' | 'otherStaff' | 'host' | 'visitor1' | 'visitor2' | 'visitor3' | 'otherSecretary' | 'nobody';
type Caller = Named | { authorization: string };

type IdSpec = { ref: string; upper?: true } | { pool: number } | { uuid: string } | { segment: string } | { text: string };

interface HeaderSpec {
  contentType: string | null;
  encoding: { name: string; compress: boolean } | null;
  acceptLanguage: string | null;
  idempotencyKey: string | null;
  /** Send the very same request twice; with a valid Idempotency-Key the answers must be the same. */
  repeat: boolean;
}

interface Case {
  caller: Caller;
  ids: IdSpec[];
  headers: HeaderSpec;
  body: BodySpec;
}

interface Target {
  name: string;
  success: 200 | 201;
  path(ids: string[]): string;
  ids: fc.Arbitrary<IdSpec[]>;
  callers: Named[];
  valid: fc.Arbitrary<Json>;
  /** Valid bodies reaching Temporal are slower: fewer of them. */
  validWeight: number;
  accepted?(body: unknown): void;
}

// ---------------------------------------------------------------------------------------------------
// The world the fuzzing runs in: two communes, cycles in every open stage, tokens of every role.

type CycleName = 'hostSelection' | 'preparation' | 'scheduledDue' | 'critique' | 'reporting' | 'review';
const CYCLE_NAMES: CycleName[] = ['hostSelection', 'preparation', 'scheduledDue', 'critique', 'reporting', 'review'];

let stack: ApiStack;
let commune: ApiCommune;
let other: ApiCommune;
const tokens = new Map<Named, string>();
const refs = new Map<string, string>();
const launched: string[] = [];
const pointIds: string[] = [];
const userIds: string[] = [];

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function cellOf(caller: Caller): string {
  const cells: Partial<Record<string, number>> = { host: 0, visitor1: 1, visitor2: 2, visitor3: 3 };
  const index = typeof caller === 'string' ? cells[caller] : undefined;
  if (index !== undefined) return commune.cells[index].id;
  if (caller === 'otherSecretary') return other.cells[0].id;
  return commune.cells[1].id;
}

async function checked(what: string, response: { status: number; body: unknown }, status: number): Promise<Record<string, unknown>> {
  if (response.status !== status) throw new Error(`setup: ${what} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

async function buildWorld(): Promise<void> {
  const { http } = stack;
  commune = await createCommuneViaApi(stack, 4);
  other = await createCommuneViaApi(stack, 1);
  const [host, v1, v2, v3] = commune.cells;
  const adminToken = await login(stack, 'admin', 'admin');
  const named: [Named, string][] = [
    ['admin', adminToken],
    ['staff', commune.staff.token],
    ['otherStaff', other.staff.token],
    ['host', host.secretary.token],
    ['visitor1', v1.secretary.token],
    ['visitor2', v2.secretary.token],
    ['visitor3', v3.secretary.token],
    ['otherSecretary', other.cells[0].secretary.token],
  ];
  for (const [name, token] of named) tokens.set(name, token);
  userIds.push(commune.staff.userId, other.staff.userId, ...commune.cells.map((cell) => cell.secretary.userId));
  refs.set('committee:own', commune.committeeId);
  refs.set('committee:other', other.committeeId);
  commune.cells.forEach((cell, index) => refs.set(`cell:${index}`, cell.id));
  refs.set('cell:other', other.cells[0].id);

  const staff = bearer(commune.staff.token);
  const soon = new Date(Date.now() + 3000).toISOString();
  const later = new Date(Date.now() + 40 * DAY).toISOString();
  const launch = async (title: string, body: Record<string, unknown>, token = commune.staff.token) => {
    const response = await http
      .post('/api/cycles')
      .set(bearer(token))
      .send({ committeeId: commune.committeeId, title, topic: 'Nâng cao chất lượng sinh hoạt chi bộ', kind: 'regular', location: 'Nhà văn hóa thôn', ...body });
    return (await checked(`launch ${title}`, response, 201)).id as string;
  };
  const [hostSelection, preparation, scheduledDue, critique, reporting, review, foreign] = await Promise.all([
    launch('Fuzz: chọn chi bộ điểm', { invitedCellIds: [v1.id, v2.id, v3.id], meetingAt: later }),
    launch('Fuzz: chuẩn bị', { hostCellId: host.id, invitedCellIds: [v1.id, v2.id, v3.id], meetingAt: later }),
    launch('Fuzz: đến giờ họp', { hostCellId: host.id, invitedCellIds: [v1.id, v2.id], meetingAt: soon }),
    launch('Fuzz: góp ý', { hostCellId: host.id, invitedCellIds: [v1.id, v2.id, v3.id], meetingAt: soon }),
    launch('Fuzz: báo cáo', { hostCellId: host.id, invitedCellIds: [v1.id], meetingAt: soon }),
    launch('Fuzz: đánh giá', { hostCellId: host.id, invitedCellIds: [v1.id], meetingAt: soon }),
    http
      .post('/api/cycles')
      .set(bearer(other.staff.token))
      .send({
        committeeId: other.committeeId,
        title: 'Fuzz: Đảng ủy khác',
        topic: 'Chủ đề',
        kind: 'thematic',
        invitedCellIds: [other.cells[0].id],
        meetingAt: later,
        location: 'Hội trường',
      })
      .then(async (response) => (await checked('launch foreign', response, 201)).id as string),
  ]);
  const cycles: Record<CycleName, string> = { hostSelection, preparation, scheduledDue, critique, reporting, review };
  for (const name of CYCLE_NAMES) refs.set(`cycle:${name}`, cycles[name]);
  refs.set('cycle:foreign', foreign);

  const rsvp = async (cycleId: string, cell: (typeof commune.cells)[number]) =>
    checked(
      'rsvp',
      await http.post(`/api/cycles/${cycleId}/invitations/${cell.id}/rsvp`).set(bearer(cell.secretary.token)).send({ response: 'accept' }),
      200,
    );
  const plan = async (cycleId: string) =>
    checked('plan', await http.post(`/api/cycles/${cycleId}/plan`).set(bearer(host.secretary.token)).send({ agenda: ['Khai mạc'], content: 'Nội dung' }), 200);
  await Promise.all([rsvp(scheduledDue, v1), rsvp(critique, v1), rsvp(critique, v2), rsvp(reporting, v1), rsvp(review, v1)]);
  await Promise.all([plan(scheduledDue), plan(critique), plan(reporting), plan(review)]);
  await sleep(Math.max(0, Date.parse(soon) - Date.now() + 250));

  const started = Date.now() - 100 * MINUTE;
  const meeting = (attending: string[]) => ({
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + 95 * MINUTE).toISOString(),
    attendance: { present: 20, total: 21, absentWithReason: 1 },
    attendingCellIds: attending,
    minutes: 'Biên bản buổi sinh hoạt',
  });
  const record = async (cycleId: string, attending: string[]) =>
    checked('meeting', await http.post(`/api/cycles/${cycleId}/meeting`).set(bearer(host.secretary.token)).send(meeting(attending)), 200);
  await Promise.all([record(critique, [v1.id, v2.id]), record(reporting, [v1.id]), record(review, [v1.id])]);

  const critiqueOf = async (cycleId: string, kind: string) =>
    checked(
      'critique',
      await http
        .post(`/api/cycles/${cycleId}/critiques`)
        .set(bearer(v1.secretary.token))
        .send({ points: [{ stage: 'content', kind, text: 'Góp ý của chi bộ dự' }] }),
      201,
    );
  const [strength, weakness] = await Promise.all([critiqueOf(reporting, 'strength'), critiqueOf(review, 'weakness')]);
  for (const critiqueBody of [strength, weakness]) pointIds.push(...(critiqueBody.points as { id: string }[]).map((point) => point.id));
  const reported = await checked(
    'report',
    await http
      .post(`/api/cycles/${review}/report`)
      .set(bearer(host.secretary.token))
      .send({ responses: [{ pointId: pointIds[1], stance: 'accept', text: 'Tiếp thu' }], lessons: ['Chuẩn bị kỹ'], actionItems: [] }),
    200,
  );
  expect(reported.status).toBe('REVIEW');
  const stages = await Promise.all(CYCLE_NAMES.map(async (name) => (await http.get(`/api/cycles/${cycles[name]}`).set(staff)).body.status as string));
  expect(stages).toEqual(['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW']);
}

// ---------------------------------------------------------------------------------------------------
// Generators.

/** Characters Node lets a client put in a header value. */
const headerTextArb = fc.string({
  unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

const TRICKY_STRINGS = [
  'Sinh hoạt chi bộ điểm — Đảng bộ xã Nậm Xé',
  'Hoa\u0300 ≠ Hòa',
  '🇻🇳🎉👨‍👩‍👧‍👦👍🏽',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(2)">',
  "'; DROP TABLE cycles; --",
  "' OR '1'='1",
  '" OR 1=1; /* \\ */',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  'x\udc00\ud800y',
  '\ud83d',
  '\ufeffBOM',
  '\u202eRTL',
  '\u200b',
  '\r\n\t',
  ' ',
  '',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  '../../etc/passwd',
  '%00%ff',
  '%s%n',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  'true',
  '[]',
  '{}',
];

const LITERALS: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1,
  1.5,
  -0.5,
  2 ** 31,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  5e-324,
  '0',
  '42',
  '-1',
  'NaN',
  'Infinity',
  [],
  {},
  [null],
  [[]],
  ['x'],
  { $gt: '' },
  { $ne: null },
  { toString: 'x' },
];

const RAW_TOKENS = [
  '1e309',
  '-1e309',
  '-0',
  '1E2',
  '0.1e-400',
  '123456789012345678901234567890',
  '1.0',
  '1e-7',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '"\\u0000"',
  '"\\ud83d\\ude00"',
  '"\\/"',
  '01',
  'NaN',
  'Infinity',
  '-',
  '0x1F',
  '"\\x41"',
  "'single'",
  'undefined',
  '[1,]',
  '{"a":1,}',
  '"unterminated',
];

const BOUNDARY_LENGTHS = [0, 1, 2, 3, 7, 8, 49, 50, 51, 64, 65, 99, 100, 101, 199, 200, 201, 299, 300, 301, 500, 501, 999, 1000, 1001, 4999, 5000, 5001];

const oddArb: fc.Arbitrary<Odd> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LITERALS).map((lit): Odd => ({ lit })) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_STRINGS).map((lit): Odd => ({ lit })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.string({ unit: 'binary', maxLength: 30 }),
        fc.string({ unit: 'binary-ascii', maxLength: 30 }),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.string({ unit: fc.constantFrom('\ud800', '\udc00', 'a', 'ă', '\u0000', '😀', '\u0301'), maxLength: 10 }),
      )
      .map((lit): Odd => ({ lit })),
  },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map((lit): Odd => ({ lit })) },
  {
    weight: 2,
    arbitrary: fc.record({
      repeat: fc.constantFrom('a', 'ă', '😀', '<', '\u0000', ' '),
      times: fc.oneof(fc.constantFrom(...BOUNDARY_LENGTHS, 19_999, 20_000, 20_001, 49_999, 50_000, 50_001, 120_000), fc.integer({ min: 0, max: 60_000 })),
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_TOKENS).map((raw): Odd => ({ raw })) },
  {
    weight: 1,
    arbitrary: fc.record({
      nest: fc.constantFrom<'array' | 'object'>('array', 'object'),
      // An integer, not a list of depths, so that shrinking finds the smallest depth that fails.
      depth: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 100, max: 15_000 })),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      many: fc.constantFrom<Json>('x', 0, null, {}, [], 'ă', '7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d', { stage: 'content', kind: 'strength', text: 'x' }),
      times: fc.constantFrom(0, 1, 2, 50, 51, 100, 101, 200, 201, 1000, 5000, 5001, 20_000),
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((lit): Odd => ({ lit: lit as Json })) },
);

const unknownKeyArb = fc.oneof(
  fc.constantFrom('extra', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'id', 'status', 'role', 'isAdmin', '', ' ', 'ă', '😀', '\u0000', '\ud800', 'a.b', '$where', 'points[0]'),
  fc.string({ maxLength: 20 }),
);

const GARBAGE_TEXTS = [
  '',
  ' ',
  '{',
  '}',
  '{"',
  '[',
  'null',
  'true',
  '0',
  '""',
  '"x"',
  '[]',
  '{}',
  '[{}]',
  "{'a':1}",
  '{"a":1,}',
  '{"a":1}{"b":2}',
  '{"a":1} trailing',
  '\u0000',
  '\ufeff{}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '{"name":"a","name":"b"}',
  `{"a":${'1'.repeat(400)}}`,
  '<?xml version="1.0"?><a/>',
  'a=1&b=2',
  '------x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n------x--',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{a:1}',
  '/* comment */ {}',
];

const garbageArb: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json): BodySpec => ({ json: json as Json })) },
  { weight: 3, arbitrary: fc.constantFrom(...GARBAGE_TEXTS).map((text): BodySpec => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text): BodySpec => ({ text })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes): BodySpec => ({ bytes: [...bytes] })) },
  { weight: 2, arbitrary: oddArb.map((odd): BodySpec => ({ odd })) },
  { weight: 1, arbitrary: fc.constant<BodySpec>({ none: true }) },
);

function shapeOf(value: Json, prefix: FieldPath = [], out: { fields: FieldPath[]; objects: FieldPath[] } = { fields: [], objects: [] }) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      out.fields.push([...prefix, index]);
      shapeOf(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === 'object') {
    out.objects.push(prefix);
    for (const [key, item] of Object.entries(value)) {
      out.fields.push([...prefix, key]);
      shapeOf(item, [...prefix, key], out);
    }
  }
  return out;
}

function mutationOf(body: Json): fc.Arbitrary<Mutation> {
  const { fields, objects } = shapeOf(body);
  const add = fc.record({ add: fc.constantFrom(...objects), key: unknownKeyArb, to: oddArb });
  if (fields.length === 0) return add;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...fields).map((path): Mutation => ({ drop: path })) },
    { weight: 6, arbitrary: fc.record({ set: fc.constantFrom(...fields), to: oddArb }) },
    { weight: 2, arbitrary: add },
  );
}

function bodyArb(valid: fc.Arbitrary<Json>, validWeight: number): fc.Arbitrary<BodySpec> {
  return fc.oneof(
    { weight: validWeight, arbitrary: valid.map((body): BodySpec => ({ valid: body })) },
    { weight: 10, arbitrary: valid.chain((body) => mutationOf(body).map((mutation): BodySpec => ({ near: body, mutation }))) },
    { weight: 1, arbitrary: valid.map((body): BodySpec => ({ text: `\ufeff${JSON.stringify(body)}` })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.uint8Array({ minLength: 1, maxLength: 6 })).map(([body, bytes]): BodySpec => ({ splice: body, bytes: [...bytes] })),
    },
    { weight: 3, arbitrary: garbageArb },
  );
}

const CONTENT_TYPES = [
  'application/json; charset=utf-8',
  'application/json;charset=UTF-8',
  'application/json; charset=utf-16',
  'application/json; charset=utf-16le',
  'application/json; charset=utf-32',
  'application/json; charset=latin1',
  'application/json; charset=iso-8859-1',
  'application/json; charset=',
  'application/json; charset="utf-8"',
  'application/json; boundary=x',
  'APPLICATION/JSON',
  'application/JSON ; charset=utf-8',
  'text/json',
  'application/vnd.api+json',
  'application/problem+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/*',
  'json',
  '/',
  ';',
  '',
  'application/json, text/plain',
];

const ACCEPT_LANGUAGES = ['en', 'vi', 'en-US', 'en-GB,en;q=0.9', 'vi-VN,vi;q=0.9,en;q=0.8', 'fr', '*', '', ' ', 'EN', 'en;q=0', 'xx-XX', ',', ';;;', 'en,vi', 'a'.repeat(4000)];

const headersArb: fc.Arbitrary<HeaderSpec> = fc.record({
  contentType: fc.oneof(
    { weight: 16, arbitrary: fc.constant<string | null>('application/json') },
    { weight: 4, arbitrary: fc.constantFrom<string | null>(...CONTENT_TYPES) },
    { weight: 1, arbitrary: fc.constant<string | null>(null) },
    { weight: 1, arbitrary: headerTextArb.map((text): string | null => text) },
  ),
  encoding: fc.oneof(
    { weight: 14, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({
        name: fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-gzip', 'compress', 'zstd', 'gzip, deflate', 'GZIP', 'utf-8', '*', ''),
        compress: fc.boolean(),
      }),
    },
  ),
  acceptLanguage: fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom<string | null>(...ACCEPT_LANGUAGES) },
    { weight: 1, arbitrary: headerTextArb.map((text): string | null => text) },
  ),
  idempotencyKey: fc.oneof(
    { weight: 10, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.uuid().map((uuid): string | null => `fuzz-${uuid}`) },
    { weight: 1, arbitrary: fc.stringMatching(/^[\w.:-]{1,40}$/).map((key): string | null => key) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<string | null>('', ' ', 'x'.repeat(200), 'x'.repeat(201), 'has spaces', 'semi;colon', 'caf\u00e9', '\t', 'a,b', '../..', "' OR 1=1", '%00'),
    },
    { weight: 1, arbitrary: headerTextArb.map((text): string | null => text) },
  ),
  repeat: fc.integer({ min: 0, max: 99 }).map((n) => n >= 88), // shrinks towards no repeat
});

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null').toString('base64url');

function garbageAuthorizationArb(token: string): fc.Arbitrary<string> {
  const [head, payload, signature] = token.split('.');
  return fc.oneof(
    fc.constantFrom(
      '',
      'Bearer',
      'Bearer ',
      `bearer ${token}`,
      `BEARER ${token}`,
      `Bearer  ${token}`,
      `Bearer ${token}x`,
      `Bearer ${token.slice(0, -2)}`,
      `Bearer ${head}.${payload}`,
      `Bearer ${head}.${payload}.`,
      `Bearer ${head}..${signature}`,
      `Bearer ${token}.${signature}`,
      `Bearer ${token}, Bearer ${token}`,
      `Token ${token}`,
      token,
      `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      'Bearer null',
      'Bearer undefined',
      'Bearer a.b.c',
      'Bearer ...',
      'Bearer x.y.z.w',
      `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      `Bearer ${base64url({ alg: 'HS512', typ: 'JWT' })}.${payload}.${signature}`,
      `Bearer ${head}.${base64url({ sub: '00000000-0000-0000-0000-000000000000', role: 'admin' })}.${signature}`,
    ),
    headerTextArb.map((text) => `Bearer ${text}`),
    headerTextArb,
    fc
      .tuple(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 40 }))
      .map(([a, b, c]) => `Bearer ${base64url(Buffer.from(a).toString('latin1'))}.${base64url(Buffer.from(b).toString('latin1'))}.${base64url(Buffer.from(c).toString('latin1'))}`),
    fc.tuple(fc.jsonValue({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 })).map(([h, p]) => `Bearer ${base64url(h)}.${base64url(p)}.${signature}`),
  );
}

function callerArb(preferred: Named[], garbage: fc.Arbitrary<string>): fc.Arbitrary<Caller> {
  const all: Named[] = ['admin', 'staff', 'otherStaff', 'host', 'visitor1', 'visitor2', 'visitor3', 'otherSecretary', 'nobody'];
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom<Caller>(...preferred) },
    { weight: 4, arbitrary: fc.constantFrom<Caller>(...all) },
    { weight: 2, arbitrary: garbage.map((authorization): Caller => ({ authorization })) },
  );
}

const JUNK_SEGMENTS = [
  '%FF',
  '%',
  '%%',
  '%zz',
  '%00',
  '%2e%2e',
  '..',
  '.',
  '%2F',
  'a%2Fb',
  '%C0%AF',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '%E1%BA%A1',
  'null',
  'undefined',
  '0',
  '-1',
  '1e309',
  'NaN',
  "'%20OR%201=1--",
  '%3Cscript%3E',
  'khong-phai-uuid',
  ':id',
  '%7B%7D',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '00000000-0000-0000-0000-00000000000g',
  '7d3f1f4e4e0a4f5b9b8e3c2d1a0b9c8d',
  '%7B7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d%7D',
  '7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d%00',
  '%207d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8d',
  '7d3f1f4e-4e0a-4f5b-9b8e-3c2d1a0b9c8dx',
  '------------------------------------',
];

const junkIdArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...JUNK_SEGMENTS).map((segment): IdSpec => ({ segment })) },
  { weight: 2, arbitrary: fc.stringMatching(/^(?:%[0-9A-Fa-f]{0,2}|[\w.~!$&'()*+,;=:@-]){1,40}$/).map((segment): IdSpec => ({ segment })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text): IdSpec => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((text): IdSpec => ({ text })) },
);

function cycleIdArb(favourites: CycleName[]): fc.Arbitrary<IdSpec> {
  return fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...favourites).map((name): IdSpec => ({ ref: `cycle:${name}` })) },
    { weight: 3, arbitrary: fc.constantFrom(...CYCLE_NAMES).map((name): IdSpec => ({ ref: `cycle:${name}` })) },
    { weight: 2, arbitrary: fc.nat().map((pool): IdSpec => ({ pool })) },
    { weight: 1, arbitrary: fc.constant<IdSpec>({ ref: 'cycle:foreign' }) },
    { weight: 1, arbitrary: fc.constantFrom(...CYCLE_NAMES).map((name): IdSpec => ({ ref: `cycle:${name}`, upper: true })) },
    { weight: 2, arbitrary: fc.uuid().map((uuid): IdSpec => ({ uuid })) },
    { weight: 4, arbitrary: junkIdArb },
  );
}

const cellIdArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<IdSpec>({ ref: 'cell:own' }) },
  { weight: 3, arbitrary: fc.constantFrom('cell:0', 'cell:1', 'cell:2', 'cell:3', 'cell:other').map((ref): IdSpec => ({ ref })) },
  { weight: 1, arbitrary: fc.uuid().map((uuid): IdSpec => ({ uuid })) },
  { weight: 2, arbitrary: junkIdArb },
);

const committeeIdArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<IdSpec>({ ref: 'committee:own' }) },
  { weight: 2, arbitrary: fc.constant<IdSpec>({ ref: 'committee:other' }) },
  { weight: 1, arbitrary: fc.constant<IdSpec>({ ref: 'committee:own', upper: true }) },
  { weight: 1, arbitrary: fc.uuid().map((uuid): IdSpec => ({ uuid })) },
  { weight: 3, arbitrary: junkIdArb },
);

const PHRASES = [
  'Sinh hoạt chi bộ điểm tháng 12',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Nhà văn hóa thôn Na Hối Tày',
  'Đồng chí Sền A Lò, Bí thư chi bộ',
  'Trùng lịch thu hoạch',
  'Khai mạc',
  'Biên bản buổi sinh hoạt',
  '🇻🇳 Chi bộ 🎉',
  '<b>đậm</b> & "ngoặc"',
  "O'Brien; -- ",
];

const textArb = (maxLength: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...PHRASES.filter((phrase) => phrase.length <= maxLength)) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(maxLength, 40) }) },
  );

function isoAt(ms: number, local: boolean): string {
  return local ? new Date(ms + 7 * 3_600_000).toISOString().replace('Z', '+07:00') : new Date(ms).toISOString();
}

const futureArb = fc
  .tuple(fc.integer({ min: 2, max: 300 }), fc.integer({ min: 0, max: 1439 }), fc.boolean())
  .map(([days, minutes, local]) => isoAt(Date.now() + days * DAY + minutes * MINUTE, local));

const durationArb = fc.constantFrom('P3D', 'PT1H', 'P1W', 'PT30S', 'P1DT12H', 'P7D');
const scoresArb = fc.dictionary(
  fc.constantFrom(...DEFAULT_RUBRIC.criteria.map((criterion) => criterion.id)),
  fc.integer({ min: 0, max: 5 }),
  { maxKeys: 4 },
);

const asJson = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Json> => arbitrary.map((value) => value as Json);

// ---------------------------------------------------------------------------------------------------
// The endpoints.

const cyclePath = (step: string) => (ids: string[]) => `/api/cycles/${ids[0]}/${step}`;

const TARGETS: { name: string; build: () => Target }[] = [
  {
    name: 'POST /api/auth/login',
    build: () => ({
      name: 'POST /api/auth/login',
      success: 200,
      path: () => '/api/auth/login',
      ids: fc.constant([]),
      callers: ['nobody'],
      validWeight: 4,
      valid: asJson(
        fc.record({
          username: fc.oneof(fc.constantFrom('admin', commune.staff.username, commune.cells[1].secretary.username, 'khong.ton.tai'), textArb(100)),
          password: fc.oneof(fc.constantFrom('admin', TEST_PASSWORD, 'sai-mat-khau'), textArb(200)),
        }),
      ),
    }),
  },
  {
    name: 'POST /api/committees',
    build: () => ({
      name: 'POST /api/committees',
      success: 201,
      path: () => '/api/committees',
      ids: fc.constant([]),
      callers: ['admin'],
      validWeight: 5,
      valid: asJson(fc.record({ name: textArb(200) })),
    }),
  },
  {
    name: 'POST /api/committees/:id/cells',
    build: () => ({
      name: 'POST /api/committees/:id/cells',
      success: 201,
      path: (ids) => `/api/committees/${ids[0]}/cells`,
      ids: fc.tuple(committeeIdArb),
      callers: ['admin', 'staff'],
      validWeight: 5,
      valid: asJson(fc.record({ name: textArb(200), memberCount: fc.integer({ min: 1, max: 5000 }) })),
    }),
  },
  {
    name: 'POST /api/users',
    build: () => {
      const username = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,30}$/);
      const password = fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 40 });
      const fullName = textArb(200);
      const ownCells = commune.cells.map((cell) => cell.id);
      return {
        name: 'POST /api/users',
        success: 201,
        path: () => '/api/users',
        ids: fc.constant([]),
        callers: ['admin', 'staff'],
        validWeight: 5,
        valid: fc.oneof(
          asJson(
            fc.record(
              { username, password, fullName, role: fc.constant('secretary'), committeeId: fc.constant(commune.committeeId), cellId: fc.constantFrom(...ownCells) },
              { requiredKeys: ['username', 'password', 'fullName', 'role', 'cellId'] },
            ),
          ),
          asJson(fc.record({ username, password, fullName, role: fc.constant('committee'), committeeId: fc.constantFrom(commune.committeeId, other.committeeId) })),
          asJson(fc.record({ username, password, fullName, role: fc.constant('admin') })),
        ),
      };
    },
  },
  {
    name: 'POST /api/cycles',
    build: () => {
      const [host, v1, v2, v3] = commune.cells.map((cell) => cell.id);
      return {
        name: 'POST /api/cycles',
        success: 201,
        path: () => '/api/cycles',
        ids: fc.constant([]),
        callers: ['staff', 'admin'],
        validWeight: 3,
        valid: asJson(
          fc.record(
            {
              committeeId: fc.constant(commune.committeeId),
              title: textArb(300),
              topic: textArb(1000),
              kind: fc.constantFrom('regular', 'thematic'),
              hostCellId: fc.constant(host),
              invitedCellIds: fc.subarray([v1, v2, v3], { minLength: 1 }),
              meetingAt: futureArb,
              location: textArb(300),
              critiqueWindow: durationArb,
              reportWindow: durationArb,
              reminders: fc.record(
                { rsvpReminderLead: durationArb, planDueLead: durationArb, critiqueReminderLead: durationArb, reportReminderLead: durationArb },
                { requiredKeys: [] },
              ),
            },
            { requiredKeys: ['committeeId', 'title', 'topic', 'kind', 'invitedCellIds', 'meetingAt', 'location'] },
          ),
        ),
        accepted: (body) => {
          const id = (body as { id?: unknown }).id;
          if (typeof id === 'string' && !launched.includes(id)) launched.push(id);
        },
      };
    },
  },
  {
    name: 'POST /api/cycles/:id/host',
    build: () => ({
      name: 'POST /api/cycles/:id/host',
      success: 200,
      path: cyclePath('host'),
      ids: fc.tuple(cycleIdArb(['hostSelection'])),
      callers: ['staff'],
      validWeight: 3,
      valid: asJson(fc.record({ cellId: fc.constantFrom(...commune.cells.map((cell) => cell.id), other.cells[0].id) })),
    }),
  },
  {
    name: 'POST /api/cycles/:id/plan',
    build: () => ({
      name: 'POST /api/cycles/:id/plan',
      success: 200,
      path: cyclePath('plan'),
      ids: fc.tuple(cycleIdArb(['preparation', 'hostSelection'])),
      callers: ['host'],
      validWeight: 3,
      valid: asJson(
        fc.record(
          { agenda: fc.array(textArb(500), { minLength: 1, maxLength: 5 }), content: textArb(20000), draftResolution: fc.string({ maxLength: 60 }) },
          { requiredKeys: ['agenda', 'content'] },
        ),
      ),
    }),
  },
  {
    name: 'POST /api/cycles/:id/invitations/:cellId/rsvp',
    build: () => ({
      name: 'POST /api/cycles/:id/invitations/:cellId/rsvp',
      success: 200,
      path: (ids) => `/api/cycles/${ids[0]}/invitations/${ids[1]}/rsvp`,
      ids: fc.tuple(cycleIdArb(['preparation', 'scheduledDue', 'hostSelection']), cellIdArb),
      callers: ['visitor1', 'visitor2', 'visitor3'],
      validWeight: 3,
      valid: asJson(
        fc.record(
          { response: fc.constantFrom('accept', 'decline'), delegate: textArb(200), note: fc.string({ maxLength: 60 }) },
          { requiredKeys: ['response'] },
        ),
      ),
    }),
  },
  {
    name: 'POST /api/cycles/:id/meeting',
    build: () => {
      const [, v1, v2] = commune.cells.map((cell) => cell.id);
      const times = fc
        .tuple(fc.integer({ min: 5, max: 600 }), fc.integer({ min: 1, max: 240 }), fc.boolean())
        .map(([endedAgo, length, local]) => ({
          startedAt: isoAt(Date.now() - (endedAgo + length) * MINUTE, local),
          endedAt: isoAt(Date.now() - endedAgo * MINUTE, local),
        }));
      const rest = fc.record(
        {
          attendance: fc.record(
            {
              present: fc.integer({ min: 0, max: 20 }),
              total: fc.constant(21),
              absentWithReason: fc.integer({ min: 0, max: 1 }),
              absentWithoutReason: fc.constant(0),
            },
            { requiredKeys: ['present', 'total'] },
          ),
          attendingCellIds: fc.subarray([v1, v2]),
          minutes: textArb(50000),
          resolution: fc.string({ maxLength: 60 }),
          selfScores: scoresArb,
        },
        { requiredKeys: ['attendance', 'attendingCellIds', 'minutes'] },
      );
      return {
        name: 'POST /api/cycles/:id/meeting',
        success: 200,
        path: cyclePath('meeting'),
        ids: fc.tuple(cycleIdArb(['scheduledDue'])),
        callers: ['host'],
        validWeight: 3,
        valid: asJson(fc.tuple(times, rest).map(([time, body]) => ({ ...time, ...body }))),
      };
    },
  },
  {
    name: 'POST /api/cycles/:id/critiques',
    build: () => ({
      name: 'POST /api/cycles/:id/critiques',
      success: 201,
      path: cyclePath('critiques'),
      ids: fc.tuple(cycleIdArb(['critique'])),
      callers: ['visitor1', 'visitor2', 'visitor3'],
      validWeight: 3,
      valid: asJson(
        fc.record(
          {
            points: fc.array(fc.record({ stage: fc.constantFrom(...CRITIQUE_STAGES), kind: fc.constantFrom(...POINT_KINDS), text: textArb(5000) }), {
              minLength: 1,
              maxLength: 4,
            }),
            scores: scoresArb,
            rating: fc.constantFrom(...RATINGS),
          },
          { requiredKeys: ['points'] },
        ),
      ),
    }),
  },
  {
    name: 'POST /api/cycles/:id/report',
    build: () => ({
      name: 'POST /api/cycles/:id/report',
      success: 200,
      path: cyclePath('report'),
      ids: fc.tuple(cycleIdArb(['reporting'])),
      callers: ['host'],
      validWeight: 3,
      valid: asJson(
        fc.record({
          responses: fc.subarray(pointIds).chain((ids) =>
            fc.tuple(...ids.map((pointId) => fc.record({ pointId: fc.constant(pointId), stance: fc.constantFrom('accept', 'partly', 'disagree'), text: textArb(5000) }))),
          ),
          lessons: fc.array(textArb(5000), { maxLength: 3 }),
          actionItems: fc.array(fc.record({ title: textArb(500), owner: textArb(200), dueDate: fc.constantFrom('2027-01-15', '2026-12-31', '2028-02-29') }), {
            maxLength: 2,
          }),
        }),
      ),
    }),
  },
  {
    name: 'POST /api/cycles/:id/review',
    build: () => ({
      name: 'POST /api/cycles/:id/review',
      success: 200,
      path: cyclePath('review'),
      ids: fc.tuple(cycleIdArb(['review'])),
      callers: ['staff'],
      validWeight: 3,
      valid: fc.oneof(
        asJson(fc.record({ decision: fc.constant('accept'), rating: fc.constantFrom(...RATINGS), comment: fc.string({ maxLength: 60 }) }, { requiredKeys: ['decision', 'rating'] })),
        asJson(fc.record({ decision: fc.constant('revise'), comment: textArb(5000) }, { requiredKeys: ['decision'] })),
      ),
    }),
  },
  {
    name: 'POST /api/cycles/:id/reschedule',
    build: () => ({
      name: 'POST /api/cycles/:id/reschedule',
      success: 200,
      path: cyclePath('reschedule'),
      ids: fc.tuple(cycleIdArb(['preparation', 'hostSelection'])),
      callers: ['staff', 'host'],
      validWeight: 3,
      valid: asJson(fc.record({ meetingAt: futureArb, reason: textArb(1000) })),
    }),
  },
  {
    name: 'POST /api/cycles/:id/cancel',
    build: () => ({
      name: 'POST /api/cycles/:id/cancel',
      success: 200,
      path: cyclePath('cancel'),
      ids: fc.tuple(cycleIdArb(['hostSelection', 'preparation', 'critique'])),
      callers: ['staff'],
      validWeight: 3,
      valid: asJson(fc.record({ reason: textArb(1000) })),
    }),
  },
];

// ---------------------------------------------------------------------------------------------------
// Turning a case into bytes on the wire.

class RawJson {
  constructor(readonly text: string) {}
}
class WireObject {
  constructor(readonly entries: [string, Wire][]) {}
}
type Wire = null | boolean | number | string | RawJson | WireObject | Wire[];

function toWire(value: Json): Wire {
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') return new WireObject(Object.entries(value).map(([key, item]): [string, Wire] => [key, toWire(item)]));
  return value;
}

function serialize(value: Wire): string {
  if (value instanceof RawJson) return value.text;
  if (value instanceof WireObject) return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${serialize(item)}`).join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(serialize).join(',')}]`;
  return JSON.stringify(value);
}

function oddWire(odd: Odd): Wire {
  if ('lit' in odd) return toWire(odd.lit);
  if ('repeat' in odd) return odd.repeat.repeat(odd.times);
  if ('raw' in odd) return new RawJson(odd.raw);
  if ('nest' in odd) {
    return new RawJson(odd.nest === 'array' ? `${'['.repeat(odd.depth)}${']'.repeat(odd.depth)}` : `${'{"a":'.repeat(odd.depth)}1${'}'.repeat(odd.depth)}`);
  }
  const item = serialize(toWire(odd.many));
  return new RawJson(`[${Array.from({ length: odd.times }, () => item).join(',')}]`);
}

function nodeAt(root: Wire, path: FieldPath): Wire | undefined {
  let node: Wire | undefined = root;
  for (const step of path) {
    if (node instanceof WireObject) node = node.entries.find(([key]) => key === step)?.[1];
    else if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else return undefined;
  }
  return node;
}

function mutate(body: Json, mutation: Mutation): Wire {
  const root = toWire(body);
  if ('add' in mutation) {
    const target = nodeAt(root, mutation.add);
    if (target instanceof WireObject) target.entries.push([mutation.key, oddWire(mutation.to)]);
    return root;
  }
  const path = 'drop' in mutation ? mutation.drop : mutation.set;
  const parent = nodeAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent instanceof WireObject) {
    const index = parent.entries.findIndex(([key]) => key === last);
    if ('drop' in mutation) parent.entries.splice(index, 1);
    else parent.entries[index] = [String(last), oddWire(mutation.to)];
  } else if (Array.isArray(parent) && typeof last === 'number') {
    if ('drop' in mutation) parent.splice(last, 1);
    else parent[last] = oddWire(mutation.to);
  }
  return root;
}

function bodyBytes(spec: BodySpec): Buffer | null {
  if ('none' in spec) return null;
  if ('splice' in spec) {
    const text = JSON.stringify(spec.splice);
    const at = text.indexOf('":"') + 3;
    if (at < 3) return Buffer.concat([Buffer.from(text), Buffer.from(spec.bytes)]);
    return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(spec.bytes), Buffer.from(text.slice(at))]);
  }
  if ('bytes' in spec) return Buffer.from(spec.bytes);
  if ('text' in spec) return Buffer.from(spec.text, 'utf8');
  const wire = 'valid' in spec ? toWire(spec.valid) : 'near' in spec ? mutate(spec.near, spec.mutation) : 'json' in spec ? toWire(spec.json) : oddWire(spec.odd);
  return Buffer.from(serialize(wire), 'utf8');
}

function compress(name: string, bytes: Buffer): Buffer {
  if (name === 'gzip' || name === 'x-gzip') return gzipSync(bytes);
  if (name === 'deflate') return deflateSync(bytes);
  if (name === 'br') return brotliCompressSync(bytes);
  return bytes;
}

function resolveId(spec: IdSpec, caller: Caller): string {
  if ('ref' in spec) {
    const id = spec.ref === 'cell:own' ? cellOf(caller) : refs.get(spec.ref);
    if (id === undefined) throw new Error(`unknown reference ${spec.ref}`);
    return spec.upper ? id.toUpperCase() : id;
  }
  if ('pool' in spec) return launched.length > 0 ? launched[spec.pool % launched.length] : (refs.get('cycle:preparation') ?? '');
  if ('uuid' in spec) return spec.uuid;
  if ('segment' in spec) return spec.segment;
  return encodeURIComponent(spec.text);
}

interface Sent {
  caller: string;
  path: string;
  headers: Record<string, string>;
  /** What goes on the wire, and the same before compression (for the report). */
  body: Buffer | null;
  plain: Buffer | null;
}

function requestOf(target: Target, c: Case): Sent {
  const headers: Record<string, string> = {};
  if (typeof c.caller === 'object') headers.Authorization = c.caller.authorization;
  else if (c.caller !== 'nobody') headers.Authorization = `Bearer ${tokens.get(c.caller)}`;
  if (c.headers.contentType !== null) headers['Content-Type'] = c.headers.contentType;
  if (c.headers.acceptLanguage !== null) headers['Accept-Language'] = c.headers.acceptLanguage;
  if (c.headers.idempotencyKey !== null) headers['Idempotency-Key'] = c.headers.idempotencyKey;
  const plain = bodyBytes(c.body);
  let body = plain;
  if (c.headers.encoding !== null) {
    headers['Content-Encoding'] = c.headers.encoding.name;
    if (plain !== null && c.headers.encoding.compress) body = compress(c.headers.encoding.name, plain);
  }
  return {
    caller: typeof c.caller === 'object' ? 'garbage Authorization' : c.caller,
    path: target.path(c.ids.map((id) => resolveId(id, c.caller))),
    headers,
    body,
    plain,
  };
}

// ---------------------------------------------------------------------------------------------------
// Sending, checking, counting.

interface Answer {
  status: number | null;
  text: string;
  body: unknown;
  contentType: string;
  failure: string | null;
  ms: number;
}

async function exchange(sent: Sent): Promise<Answer> {
  let pending = stack.http.post(sent.path).timeout(REQUEST_TIMEOUT_MS);
  for (const [name, value] of Object.entries(sent.headers)) pending = pending.set(name, value);
  const started = Date.now();
  try {
    // The bytes go out exactly as built: superagent would otherwise JSON-encode a Buffer.
    const response = sent.body === null ? await pending : await pending.serialize((data: unknown) => data as string).send(sent.body);
    const contentType = response.headers['content-type'];
    return {
      status: response.status,
      text: typeof response.text === 'string' ? response.text : '',
      body: response.body as unknown,
      contentType: typeof contentType === 'string' ? contentType : '',
      failure: null,
      ms: Date.now() - started,
    };
  } catch (error) {
    const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { status: null, text: '', body: undefined, contentType: '', failure, ms: Date.now() - started };
  }
}

function problemsOf(target: { success: number | null }, answer: Answer): string[] {
  if (answer.status === null) return [`no answer within ${REQUEST_TIMEOUT_MS} ms or a broken connection (${answer.failure})`];
  const problems: string[] = [];
  const { status } = answer;
  if (status !== target.success && !ERROR_STATUSES.includes(status)) problems.push(`undocumented status ${status}`);
  if (SECRET.test(answer.text)) problems.push('the answer contains a password hash (passwordHash / password_hash / $argon2)');
  if (!/^application\/json\b/i.test(answer.contentType)) problems.push(`Content-Type "${answer.contentType}" is not JSON`);
  if (status < 400) {
    if (typeof answer.body !== 'object' || answer.body === null) problems.push('a success without a JSON body');
    return problems;
  }
  const body = answer.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [...problems, 'the error body is not a JSON object'];
  const { statusCode, message, error } = body as Record<string, unknown>;
  if (statusCode !== status) problems.push(`statusCode ${JSON.stringify(statusCode)} is not the HTTP status ${status}`);
  const expectedReason = REASON[status];
  if (typeof error !== 'string' || error.length === 0 || (expectedReason !== undefined && error !== expectedReason)) {
    problems.push(`error ${JSON.stringify(error)} is not "${expectedReason ?? 'a reason phrase'}"`);
  }
  const lines: unknown[] = Array.isArray(message) ? message : [message];
  if (lines.length === 0 || !lines.every((line) => typeof line === 'string' && line.trim().length > 0)) {
    problems.push(`message ${JSON.stringify(message)} is empty or not text`);
  }
  return problems;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

function describeExchange(sent: Sent, answers: Answer[]): string {
  const body =
    sent.plain === null
      ? '(none)'
      : `${sent.body?.length ?? 0} bytes${sent.body !== sent.plain ? ` (compressed from ${sent.plain.length})` : ''}: ${clip(JSON.stringify(sent.plain.toString('utf8')), 600)}`;
  return [
    `request (${sent.caller}): POST ${clip(sent.path, 300)}`,
    ...Object.entries(sent.headers).map(([name, value]) => `  ${name}: ${clip(JSON.stringify(value), 200)}`),
    `  body: ${body}`,
    ...answers.map(
      (answer, index) =>
        `answer${answers.length > 1 ? ` ${index + 1}` : ''}: ${answer.status ?? answer.failure} in ${answer.ms} ms, Content-Type ${JSON.stringify(answer.contentType)}: ${clip(answer.text, 1000)}`,
    ),
  ].join('\n');
}

interface Tally {
  failed: boolean;
  cases: number;
  requests: number;
  statuses: Map<string, number>;
  ms: number;
}
const tallies = new Map<string, Tally>();
const SIGNED_TOKENS = 'signed tokens with odd claims (any endpoint)';
const newTally = (): Tally => ({ failed: false, cases: 0, requests: 0, statuses: new Map<string, number>(), ms: 0 });

/** Runs one property, timing it and marking its tally when it fails. */
async function fuzz(name: string, run: () => Promise<void>): Promise<void> {
  const tally = newTally();
  tallies.set(name, tally);
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    tally.failed = true;
    throw error;
  } finally {
    tally.ms = Date.now() - started;
  }
  expect(tally.cases).toBeGreaterThanOrEqual(RUNS);
}

function count(name: string, answer: Answer): void {
  const tally = tallies.get(name) ?? newTally();
  tallies.set(name, tally);
  tally.requests += 1;
  const key = answer.status === null ? 'none' : String(answer.status);
  tally.statuses.set(key, (tally.statuses.get(key) ?? 0) + 1);
}

/** The inputs themselves must not contain what the answers are searched for (an echoed field name is fine). */
function echoesSecret(sent: Sent): boolean {
  if (SECRET.test(sent.path) || Object.values(sent.headers).some((value) => SECRET.test(value))) return true;
  return sent.plain !== null && (SECRET.test(sent.plain.toString('latin1')) || SECRET.test(sent.plain.toString('utf8')));
}

async function runCase(target: Target, c: Case): Promise<void> {
  const sent = requestOf(target, c);
  fc.pre(!echoesSecret(sent));
  const tally = tallies.get(target.name);
  if (tally) tally.cases += 1;
  const first = await exchange(sent);
  count(target.name, first);
  const answers = [first];
  const problems = problemsOf(target, first);
  if (first.status === target.success) target.accepted?.(first.body);
  const key = c.headers.idempotencyKey;
  if (c.headers.repeat && key !== null && IDEMPOTENCY_KEY.test(key) && target.name !== 'POST /api/auth/login' && first.status !== null) {
    const second = await exchange(sent);
    count(target.name, second);
    answers.push(second);
    problems.push(...problemsOf(target, second).map((problem) => `repeat: ${problem}`));
    if (second.status !== first.status || !isDeepStrictEqual(second.body, first.body)) {
      problems.push(`sent again with the same Idempotency-Key: ${first.status} then ${second.status}, a different answer`);
    }
  }
  if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${describeExchange(sent, answers)}`);
}

// ---------------------------------------------------------------------------------------------------

beforeAll(async () => {
  stack = await startApiStack();
  await buildWorld();
}, 120_000);

afterAll(async () => {
  const lines = [...tallies.entries()].map(([name, tally]) => {
    const statuses = [...tally.statuses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
    return `${tally.failed ? '✗' : '✓'} ${name.padEnd(46)} ${String(tally.cases).padStart(5)} cases ${String(tally.requests).padStart(5)} req  ${(tally.ms / 1000).toFixed(1).padStart(5)} s  ${statuses}`;
  });
  const cases = [...tallies.values()].reduce((sum, tally) => sum + tally.cases, 0);
  const requests = [...tallies.values()].reduce((sum, tally) => sum + tally.requests, 0);
  if (lines.length > 0) {
    console.log(`API fuzz summary (seed ${SEED}, FUZZ_RUNS=${RUNS}; shrinking included, requests also count Idempotency-Key repeats): ${cases} cases, ${requests} requests\n${lines.join('\n')}`);
  }
  await stack?.stopAll();
});

describe(`fuzzing every mutating endpoint (seed ${SEED}, ${RUNS} runs each): only documented answers, well-formed errors, no hashes`, () => {
  TARGETS.forEach(({ name, build }, index) => {
    const seed = SEED + index;
    it(
      `${name} (seed ${seed})`,
      () =>
        fuzz(name, async () => {
          const target = build();
          const caseArb: fc.Arbitrary<Case> = fc.record({
            caller: callerArb(target.callers, garbageAuthorizationArb(commune.staff.token)),
            ids: target.ids,
            headers: headersArb,
            body: bodyArb(target.valid, target.validWeight),
          });
          await fc.assert(
            fc.asyncProperty(caseArb, (c) => runCase(target, c)),
            { numRuns: RUNS, seed, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, markInterruptAsFailure: true },
          );
        }),
      TEST_TIMEOUT_MS,
    );
  });

  const seed = SEED + TARGETS.length;
  it(
    `tokens signed with the server's own secret but with odd claims, on every endpoint (seed ${seed})`,
    () =>
      fuzz(SIGNED_TOKENS, async () => {
        const now = Math.floor(Date.now() / 1000);
        const claimsArb = fc.record(
          {
            sub: fc.oneof(
              fc.constantFrom(...userIds),
              fc.uuid(),
              fc.stringMatching(/^[0-9a-fA-F-]{36}$/),
              fc.constantFrom('------------------------------------', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --"),
              fc.string(),
              fc.integer(),
              fc.constant(null),
              fc.jsonValue({ maxDepth: 2 }),
            ),
            role: fc.constantFrom('admin', 'committee', 'secretary', 'root'),
            iat: fc.constantFrom(now, now + 86_400, -1, 'hôm qua'),
            exp: fc.constantFrom(now + 3600, now - 60, 0, 2 ** 53, 'ngày mai', null, 1.5),
            nbf: fc.constantFrom(now - 60, now + 3600, 'x'),
          },
          { requiredKeys: ['sub'] },
        );
        const headerArb = fc.constantFrom<Record<string, unknown>>(
          { alg: 'HS256', typ: 'JWT' },
          { alg: 'HS256' },
          { alg: 'HS256', typ: 'JWT', kid: '../../dev/null' },
        );
        const ids = [refs.get('cycle:preparation') ?? '', commune.cells[1].id];
        const paths = TARGETS.map(({ build }) => build().path(ids));
        // An empty body: the guard answers before validation does, and nothing is changed.
        const empty = Buffer.from('{}');
        await fc.assert(
          fc.asyncProperty(fc.record({ path: fc.constantFrom(...paths), header: headerArb, claims: claimsArb }), async ({ path, header, claims }) => {
            const unsigned = `${base64url(header)}.${base64url(claims)}`;
            const token = `${unsigned}.${createHmac('sha256', TEST_JWT_SECRET).update(unsigned).digest('base64url')}`;
            const sent: Sent = {
              caller: `token signed with the test secret, claims ${JSON.stringify(claims)}`,
              path,
              headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
              body: empty,
              plain: empty,
            };
            const tally = tallies.get(SIGNED_TOKENS);
            if (tally) tally.cases += 1;
            const answer = await exchange(sent);
            count(SIGNED_TOKENS, answer);
            const problems = problemsOf({ success: null }, answer);
            if (problems.length > 0) throw new Error(`${problems.join('; ')}\n${describeExchange(sent, [answer])}`);
          }),
          { numRuns: RUNS, seed, interruptAfterTimeLimit: FUZZ_TIME_LIMIT_MS, markInterruptAsFailure: true },
        );
      }),
    TEST_TIMEOUT_MS,
  );
});
