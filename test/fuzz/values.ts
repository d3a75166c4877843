import fc from 'fast-check';
import { dictionary } from '@zxcvbn-ts/language-common';
import { DROPPED_FIELD_NAMES, type BodySpec, type FieldPath, type Json, type Mutation, type Odd } from './wire.js';

/**
 * Generators shared by every endpoint: odd values and garbage bodies for the malformed minority, headers,
 * Authorization headers that must not sign anyone in, junk path segments, and the well-formed but unusual
 * texts and times the accepted path is explored with.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Characters Node lets a client put in a header value. */
export const headerTextArb = fc.string({
  unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }), fc.constant(0x09)).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

// ---------------------------------------------------------------------------------------------------
// Odd values: what a field of a near-valid body is replaced with.

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

export const oddArb: fc.Arbitrary<Odd> = fc.oneof(
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

const unknownKeyArb = fc
  .oneof(
    fc.constantFrom('extra', 'id', 'status', 'role', 'isAdmin', 'length', 'name', '', ' ', 'ă', '😀', '\u0000', '\ud800', 'a.b', '$where', 'points[0]'),
    fc.string({ maxLength: 20 }),
  )
  .filter((key) => !DROPPED_FIELD_NAMES.includes(key));

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

export const garbageArb: fc.Arbitrary<BodySpec> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((json): BodySpec => ({ json: json as Json })) },
  { weight: 3, arbitrary: fc.constantFrom(...GARBAGE_TEXTS).map((text): BodySpec => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text): BodySpec => ({ text })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes): BodySpec => ({ bytes: [...bytes] })) },
  { weight: 2, arbitrary: oddArb.map((odd): BodySpec => ({ odd })) },
  { weight: 1, arbitrary: fc.constant<BodySpec>({ none: true }) },
);

function shapeOf(value: Json, prefix: FieldPath = [], out: { fields: FieldPath[]; objects: FieldPath[] } = { fields: [], objects: [] }) {
  if (Array.isArray(value)) {
    // Long lists: a few of their items are enough to aim at.
    value.slice(0, 6).forEach((item, index) => {
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

export function mutationOf(body: Json): fc.Arbitrary<Mutation> {
  const { fields, objects } = shapeOf(body);
  const add = fc.record({ add: fc.constantFrom(...(objects.length > 0 ? objects : [[]])), key: unknownKeyArb, to: oddArb });
  if (fields.length === 0) return add;
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...fields).map((path): Mutation => ({ drop: path })) },
    { weight: 6, arbitrary: fc.record({ set: fc.constantFrom(...fields), to: oddArb }) },
    { weight: 2, arbitrary: add },
  );
}

// ---------------------------------------------------------------------------------------------------
// Headers.

export interface HeaderSpec {
  contentType: string | null;
  encoding: { name: string; compress: boolean } | null;
  acceptLanguage: string | null;
  idempotencyKey: string | null;
  /** Send the very same request twice; with a valid Idempotency-Key the answers must be the same. */
  repeat: boolean;
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

/** The Content-Type and Content-Encoding values every JSON client sends: a request with them is read as JSON. */
export const PLAIN_CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8'];
export const PLAIN_ENCODINGS = ['identity', 'gzip', 'deflate', 'br'];

/** Accept-Language values whose language is clear (api.md: Vietnamese by default, English with `en`). */
export const LANGUAGE_OF: Record<string, 'vi' | 'en'> = {
  en: 'en',
  vi: 'vi',
  'en-US': 'en',
  'en-GB,en;q=0.9': 'en',
  'vi-VN,vi;q=0.9,en;q=0.8': 'vi',
  fr: 'vi',
  '*': 'vi',
  EN: 'en',
  'xx-XX': 'vi',
  'en,vi': 'en',
};
const ACCEPT_LANGUAGES = [...Object.keys(LANGUAGE_OF), '', ' ', 'en;q=0', ',', ';;;', 'a'.repeat(4000)];

const acceptLanguageArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom<string | null>(...ACCEPT_LANGUAGES) },
  { weight: 1, arbitrary: headerTextArb.map((text): string | null => text) },
);

const repeatArb = fc.integer({ min: 0, max: 99 }).map((n) => n >= 85); // shrinks towards no repeat

/** Anything a client might send. */
export const oddHeadersArb: fc.Arbitrary<HeaderSpec> = fc.record({
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
  acceptLanguage: acceptLanguageArb,
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
  repeat: repeatArb,
});

/** What a well-behaved JSON client sends: the body is read as JSON, and the key (if any) is fresh. */
export const plainHeadersArb: fc.Arbitrary<HeaderSpec> = fc.record({
  contentType: fc.oneof({ weight: 8, arbitrary: fc.constant(PLAIN_CONTENT_TYPES[0]) }, { weight: 2, arbitrary: fc.constantFrom(...PLAIN_CONTENT_TYPES.slice(1)) }),
  encoding: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(...PLAIN_ENCODINGS).map((name) => ({ name, compress: true })) },
  ),
  acceptLanguage: acceptLanguageArb,
  idempotencyKey: fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fc.uuid().map((uuid): string | null => `fuzz-${uuid}`) }),
  repeat: repeatArb,
});

export function isPlain(headers: HeaderSpec): boolean {
  return (
    headers.contentType !== null &&
    PLAIN_CONTENT_TYPES.includes(headers.contentType) &&
    (headers.encoding === null || (PLAIN_ENCODINGS.includes(headers.encoding.name) && (headers.encoding.compress || headers.encoding.name === 'identity'))) &&
    (headers.idempotencyKey === null || /^fuzz-[0-9a-f-]{36}$/.test(headers.idempotencyKey))
  );
}

// ---------------------------------------------------------------------------------------------------
// Authorization headers that must not sign anyone in.

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value) ?? 'null').toString('base64url');
export { base64url };

export function garbageAuthorizationArb(token: string): fc.Arbitrary<string> {
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

// ---------------------------------------------------------------------------------------------------
// Path segments.

export type IdSpec = { id: string; upper?: true } | { uuid: string } | { segment: string } | { text: string };

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

export const junkIdArb: fc.Arbitrary<IdSpec> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...JUNK_SEGMENTS).map((segment): IdSpec => ({ segment })) },
  { weight: 2, arbitrary: fc.stringMatching(/^(?:%[0-9A-Fa-f]{0,2}|[\w.~!$&'()*+,;=:@-]){1,40}$/).map((segment): IdSpec => ({ segment })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((text): IdSpec => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map((text): IdSpec => ({ text })) },
);

/** A known id, sometimes in capitals (the same resource: ids are compared without case). */
export const idArb = (id: string): fc.Arbitrary<IdSpec> =>
  fc.oneof({ weight: 9, arbitrary: fc.constant<IdSpec>({ id }) }, { weight: 1, arbitrary: fc.constant<IdSpec>({ id, upper: true }) });

export function resolveId(spec: IdSpec): string {
  if ('id' in spec) return spec.upper ? spec.id.toUpperCase() : spec.id;
  if ('uuid' in spec) return spec.uuid;
  if ('segment' in spec) return spec.segment;
  return encodeURIComponent(spec.text);
}

// ---------------------------------------------------------------------------------------------------
// Well-formed but unusual texts: every one is storable (no NUL, no half of a surrogate pair) and within
// its field's bounds, counted in UTF-16 code units as JavaScript (and the workflow) count them.

const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorable = (text: string) => !NUL_OR_LONE_SURROGATE.test(text);

const PHRASES = [
  'Sinh hoạt chi bộ điểm tháng 12',
  'Nâng cao chất lượng sinh hoạt chi bộ',
  'Nhà văn hóa thôn Na Hối Tày',
  'Đồng chí Thào Seo Lềnh, Bí thư chi bộ',
  'Trùng lịch thu hoạch',
  'Khai mạc',
  'Biên bản buổi sinh hoạt',
  'Chuẩn bị tài liệu chưa kỹ, gửi muộn',
  'Đề nghị phát huy vai trò đảng viên trẻ',
  'ĐẢNG ỦY XÃ NẬM XÉ — BAN CHẤP HÀNH',
  '🇻🇳 Chi bộ 🎉',
  '👨‍👩‍👧‍👦 gia đình đảng viên 👍🏽',
  '❤️ Tổ quốc',
  '<b>đậm</b> & "ngoặc"',
  "O'Brien; -- ",
  '<script>alert("xã")</script>',
  "'; DROP TABLE cycles; --",
  '{{7*7}} ${jndi:ldap://x/a}',
  '\u202eRTL đảo chiều',
  '\ufeffBOM ở đầu',
  'zero\u200bwidth\u200djoiner',
  'dòng 1\r\ndòng 2\n\tthụt lề',
  '  khoảng trắng hai đầu  ',
  'Hoa\u0300 ≠ Hòa',
  'null',
  'undefined',
  '-0',
  '../../etc/passwd',
  '%00%ff %s%n',
];
const NFD_PHRASES = PHRASES.slice(0, 10).map((phrase) => phrase.normalize('NFD'));
const SHORT_TEXTS = ['ạ', 'Đ', 'a', ' ', '\t', '\n', '😀', 'e\u0302\u0301', '🇻🇳', '1', '-', '\u0301'];

/** Patterns repeated to fill a text to an exact length; bytes per UTF-16 unit: ~1.35, ~1.24, ~1.5, ~2.2, 1. */
const FILL_PATTERNS = {
  precomposed: 'Đảng ủy xã Nậm Xé đề nghị hoàn thiện báo cáo rút kinh nghiệm. ',
  combining: 'Đảng ủy xã Nậm Xé đề nghị hoàn thiện báo cáo rút kinh nghiệm. '.normalize('NFD'),
  mixed: 'Chi bộ điểm 🇻🇳 Nghị quyết Hoa\u0300 sinh hoạt ĐẢNG 👨‍👩‍👧‍👦 tiê\u0301ng Việt. ',
  emoji: '🎉👍🏽🇻🇳❤️',
  ascii: 'Bien ban sinh hoat chi bo diem. ',
} as const;
export type FillPattern = keyof typeof FILL_PATTERNS;

/** Exactly `length` UTF-16 units of the pattern, never ending in half of a surrogate pair. */
export function fill(length: number, pattern: FillPattern, offset = 0): string {
  const unit = FILL_PATTERNS[pattern];
  const start = offset % unit.length;
  let out = unit.repeat(Math.ceil((length + start) / unit.length) + 1).slice(start, start + length);
  if (/^[\udc00-\udfff]/.test(out)) out = `a${out.slice(1)}`;
  if (/[\ud800-\udbff]$/.test(out)) out = `${out.slice(0, -1)}a`;
  return out;
}

export interface TextOptions {
  /** Shortest allowed (1 unless the field may be empty). */
  min?: number;
  /** Leave out the long ones (the body has another big field already). */
  short?: boolean;
}

/** Texts for a field of at most `max` characters: phrases, single characters, and texts of exactly max and max - 1. */
export function textArb(max: number, options: TextOptions = {}): fc.Arbitrary<string> {
  const min = options.min ?? 1;
  const fits = (text: string) => text.length >= min && text.length <= max;
  // The larger the field, the cheaper its fill per character (the body limit is 100 KB).
  const patterns: FillPattern[] = max > 20_000 ? ['precomposed', 'combining', 'mixed'] : ['precomposed', 'combining', 'mixed', 'emoji', 'ascii'];
  const exact = (length: number) => fc.tuple(fc.constantFrom(...patterns), fc.nat(100)).map(([pattern, offset]) => fill(length, pattern, offset));
  const arbitraries: fc.WeightedArbitrary<string>[] = [
    { weight: 5, arbitrary: fc.constantFrom(...[...PHRASES, ...NFD_PHRASES].filter(fits)) },
    { weight: 2, arbitrary: fc.constantFrom(...SHORT_TEXTS.filter(fits)) },
    {
      weight: 2,
      arbitrary: fc.string({ unit: 'grapheme', minLength: Math.max(min, 1), maxLength: Math.min(max, 30) }).filter((text) => isStorable(text) && fits(text)),
    },
  ];
  if (min === 0) arbitraries.push({ weight: 1, arbitrary: fc.constant('') });
  if (!options.short || max <= 1000) {
    arbitraries.push({ weight: 3, arbitrary: exact(max) });
    if (max > 1) arbitraries.push({ weight: 1, arbitrary: exact(max - 1) });
    if (max > 100) arbitraries.push({ weight: 1, arbitrary: fc.integer({ min: 2, max }).chain((length) => exact(length)) });
  }
  return fc.oneof(...arbitraries);
}

// ---------------------------------------------------------------------------------------------------
// Times: ISO 8601 with an offset, written in the unusual ways the format allows.

const OFFSETS = [0, 0, 420, 420, 420, -330, 840, -720, 345, -600];

export interface TimeStyle {
  offsetMinutes: number;
  zulu: boolean;
  /** 0: none, 1-3: that many fraction digits when they say it exactly, 9: nanoseconds. */
  fraction: 0 | 1 | 3 | 9;
}

export const timeStyleArb: fc.Arbitrary<TimeStyle> = fc.record({
  offsetMinutes: fc.constantFrom(...OFFSETS),
  zulu: fc.boolean(),
  fraction: fc.constantFrom<TimeStyle['fraction']>(0, 1, 3, 3, 9),
});

/** The instant `ms` written with the style's offset and fraction; always exactly that millisecond. */
export function formatInstant(ms: number, style: TimeStyle): string {
  const local = new Date(ms + style.offsetMinutes * MINUTE).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const millis = ms % 1000;
  let fraction = '';
  if (millis !== 0 || style.fraction !== 0) {
    const digits = String(millis).padStart(3, '0');
    if (style.fraction === 9) fraction = `.${digits}${millis % 2 === 0 ? '000000' : '999999'}`;
    else if (style.fraction === 1 && millis % 100 === 0) fraction = `.${digits[0]}`;
    else fraction = `.${digits}`;
  }
  const zone =
    style.offsetMinutes === 0 && style.zulu
      ? 'Z'
      : `${style.offsetMinutes < 0 ? '-' : '+'}${String(Math.floor(Math.abs(style.offsetMinutes) / 60)).padStart(2, '0')}:${String(Math.abs(style.offsetMinutes) % 60).padStart(2, '0')}`;
  return `${local.slice(0, 19)}${fraction}${zone}`;
}

/** The calendar day (YYYY-MM-DD) in Vietnam (UTC+7 all year) at an instant. */
export function vietnamDay(ms: number): string {
  return new Date(ms + 7 * HOUR).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** An ISO 8601 duration (weeks, days, hours, minutes, seconds) in milliseconds; an hour when there is none or it does not parse. */
export function durationMs(duration: string | undefined): number {
  const match = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(duration ?? '');
  if (!match) return HOUR;
  const [, w, d, h, m, s] = match.map((part) => Number(part ?? 0));
  return (((w * 7 + d) * 24 + h) * 60 + m) * 60_000 + s * 1000;
}

// ---------------------------------------------------------------------------------------------------
// Names and passwords (issue 10; README, "Security in production": names are stored in NFC and may not
// hold invisible or direction-changing characters; passwords need at least 10 characters, not only spaces,
// not a common password and not the username).

/**
 * What a name must not hold, as the suite reads the rule: control characters, every direction control, and
 * every character Unicode says to draw as nothing (zero-width marks, soft hyphen, fillers, tags…) except
 * the variation selectors FE0E/FE0F, plus the Braille blank, which is drawn as nothing too.
 */
export const REFUSED_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u2800]|(?![\ufe0e\ufe0f])[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;

/** Characters as class-validator and the bounds count them: code points. */
const codePoints = (text: string) => [...text].length;

/** A name the rule takes, of at most `max` characters once stored in NFC: it has a letter or a digit, and nothing refused. */
export function isWellFormedName(text: string, max: number): boolean {
  const stored = text.normalize('NFC');
  return isStorable(text) && codePoints(stored) >= 1 && stored.length <= max && /[\p{L}\p{N}]/u.test(stored) && !REFUSED_IN_NAMES.test(stored);
}

/** Names of at most `max` characters: the unusual texts of textArb that are names (NFD ones included: they are stored NFC). */
export const nameArb = (max: number): fc.Arbitrary<string> => textArb(max).filter((text) => isWellFormedName(text, max));

/** Names the rule refuses: what hides or turns text around, alone or inside a name, and names of spaces only. */
export const badNameArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069', '\u2060', '\u00ad', '\ufeff', '\u0007', '\n', '\t', '\u007f', '\u0085'),
      fc.constantFrom('Chi bộ thôn Na Hối', 'Thào Seo Lềnh', 'Đảng ủy xã Nậm Xé', 'a'),
      fc.nat(3),
    )
    .map(([hidden, name, where]) => (where === 0 ? `${hidden}${name}` : where === 1 ? `${name}${hidden}` : where === 2 ? `${name.slice(0, 3)}${hidden}${name.slice(3)}` : hidden)),
  fc.constantFrom(' ', '   ', '\u3000', '\u00a0', ' \u2003 ', ' '.repeat(200)),
  fc.constantFrom('\u061c', 'Chi bộ \u061c 1', '\u3164', '\u115f\u1160', '\uffa0', '\u034f', '\u180e', '\u17b4', '\u{1d173}', '\u{e0001}\u{e0020}', '\u2800', '— . —', '🌾🌾'),
);

// The list of common passwords the README's rule names (zxcvbn-ts's), folded to lower case.
const COMMON_PASSWORDS = new Set<string>(dictionary['passwords-common']);

/** Characters drawn as nothing: they do not make a password longer to the eye, nor a common one different. */
const DRAWN_AS_NOTHING = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** Whether a password is a common one, with what is drawn as nothing taken out and digits, punctuation, symbols and spaces around it stripped. */
export function isCommonPassword(password: string): boolean {
  const folded = password.normalize('NFC').toLowerCase();
  const core = folded.replace(DRAWN_AS_NOTHING, '').replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');
  return COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(core) || core.length === 0;
}

const graphemes = (text: string) => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].length;

/** A password the rule takes however its characters are counted: 10 or more (as graphemes), at most 200 (as UTF-16 units). */
export function isSafePassword(password: string, username: string): boolean {
  return (
    graphemes(password) >= 10 &&
    password.length <= 200 &&
    password.replace(DRAWN_AS_NOTHING, '').trim().length > 0 &&
    !isCommonPassword(password) &&
    !password.toLowerCase().includes(username.toLowerCase())
  );
}

/** Passwords for a new account named `username`: any grapheme soup, exactly 10 characters, 200 of them, spaces around a word. */
export const passwordArb = (username: string): fc.Arbitrary<string> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 10, maxLength: 40 }) },
      { weight: 1, arbitrary: fc.constantFrom('kT9#vQ2!mZ', 'đ'.repeat(200), 'Mật khẩu của chi bộ 2026', '    x     ', 'Đ'.repeat(10), '🇻🇳'.repeat(10), 'a\u0301'.repeat(10)) },
    )
    .filter((password) => isSafePassword(password, username));

/** Passwords the rule refuses for an account named `username`. */
export const weakPasswordArb = (username: string): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('kT9#vQ2!m', 'đ'.repeat(9), '🇻🇳'.repeat(4), ' '.repeat(10), ' '.repeat(200), '\t'.repeat(12), '\u200b'.repeat(10), ' password123', '2026matkhau!', '1234567890123'),
    fc.constantFrom('password123', 'qwertyuiop', '1234567890', 'PASSWORD123', 'Qwertyuiop', 'iloveyou2026!', 'Sunshine.2026', 'matkhau123456', 'MatKhau@2026', 'anhyeuem2026!', 'vietnam12345'),
    fc.constantFrom(`${username}-bi-mat-2026`, `Xx${username.toUpperCase()}yy!2026`, `2026 ${username} 2026`),
  );
