// Every endpoint is fuzzed the same way, so a case is defined once: drawn around the valid steps, put on the wire, taken into the model when accepted.
import fc from 'fast-check';
import { clip, type Answer, type Sent } from './http.js';
import { applyStep, lower, newLane, type Lane, type LaunchBody } from './model.js';
import { TARGETS, type Context, type OnTarget, type Target } from './targets.js';
import {
  durationMs,
  garbageArb,
  garbageAuthorizationArb,
  idArb,
  junkIdArb,
  mutationOf,
  oddHeadersArb,
  plainHeadersArb,
  resolveId,
  type HeaderSpec,
  type IdSpec,
} from './values.js';
import { bodyBytes, compress, parsedBody, type BodySpec, type Json } from './wire.js';
import type { World } from './world.js';

export type Scenario = 'valid' | 'semantic' | 'near' | 'garbage' | 'auth' | 'off';
export type Caller = string | { authorization: string };

export interface Case {
  scenario: Scenario;
  caller: Caller;
  ids: IdSpec[];
  headers: HeaderSpec;
  body: BodySpec;
  /** For a valid case: the statuses it may get. */
  expect?: number[];
}

/** How a case prints in a counterexample: long texts clipped. */
function printable(c: Case): Case {
  return Object.assign(c, {
    [fc.toStringMethod]: () =>
      clip(
        JSON.stringify({ ...c, body: clip(JSON.stringify(c.body), 800) }, (key, value: unknown) => (typeof value === 'string' && key !== 'body' ? clip(value, 120) : value)),
        2000,
      ),
  });
}

/** People a case aimed elsewhere may come from. */
function strangers(world: World, lane: Lane | null): string[] {
  const keys = ['admin', 'staff', 'otherStaff', 'otherSecretary', 'otherGuest', 'nobody', 'sec:0', 'sec:1', `sec:${world.visitorCells.length + 3}`, 'guest:0', 'guest:39'];
  if (lane?.hostCellId) keys.push(world.hostSecretary(lane));
  return keys.filter((key) => world.identities.has(key));
}

/** How many ids the endpoint's path takes. */
function arity(target: Target): number {
  const path = target.path(['\u0001', '\u0002']);
  return ['\u0001', '\u0002'].filter((marker) => path.includes(marker)).length;
}

export function caseArb(target: Target, context: Context): fc.Arbitrary<Case> {
  const { world } = context;
  const valid = target.valid(context);
  const onTarget = (scenario: Scenario, headers: fc.Arbitrary<HeaderSpec>, body: (on: OnTarget) => fc.Arbitrary<BodySpec>) => (on: OnTarget) =>
    fc.tuple(headers, body(on)).map(([h, b]): Case => ({ scenario, caller: on.caller, ids: on.ids, headers: h, body: b, ...(on.expect ? { expect: on.expect } : {}) }));
  const asBody = (json: Json | null): BodySpec => (json === null ? { none: true } : { valid: json });
  const laneIdArb: fc.Arbitrary<IdSpec> = context.lane
    ? fc.oneof(
        { weight: 4, arbitrary: idArb(context.lane.id) },
        { weight: 2, arbitrary: fc.constantFrom(...world.lanes.slice(-40)).map((lane): IdSpec => ({ id: lane.id })) },
        { weight: 2, arbitrary: fc.uuid().map((uuid): IdSpec => ({ uuid })) },
        { weight: 3, arbitrary: junkIdArb },
      )
    : fc.oneof({ weight: 3, arbitrary: target.otherIds?.(context) ?? junkIdArb }, { weight: 1, arbitrary: junkIdArb }, { weight: 1, arbitrary: fc.uuid().map((uuid): IdSpec => ({ uuid })) });
  const secondIdArb: fc.Arbitrary<IdSpec> = fc.oneof({ weight: 3, arbitrary: target.otherIds?.(context) ?? junkIdArb }, { weight: 1, arbitrary: junkIdArb });
  const arbitraries: fc.WeightedArbitrary<Case>[] = [
    {
      weight: 60,
      arbitrary: valid
        .chain(onTarget('valid', plainHeadersArb, (on) => fc.constant(asBody(on.body))))
        .map((c) => ('none' in c.body ? { ...c, headers: { ...c.headers, encoding: null } } : c)),
    },
    {
      weight: 13,
      arbitrary: valid
        .filter((on) => on.body !== null && typeof on.body === 'object')
        .chain(onTarget('near', plainHeadersArb, (on) => mutationOf(on.body).map((mutation): BodySpec => ({ near: on.body!, mutation })))),
    },
    { weight: 4, arbitrary: valid.chain(onTarget('garbage', plainHeadersArb, () => garbageArb)) },
    {
      weight: 4,
      arbitrary: valid.chain((on) =>
        fc.tuple(garbageAuthorizationArb(world.identity('staff').token!), plainHeadersArb).map(([authorization, headers]): Case => ({
          scenario: 'auth',
          caller: { authorization },
          ids: on.ids,
          headers,
          body: asBody(on.body),
        })),
      ),
    },
    {
      weight: 9,
      arbitrary: fc
        .record({
          caller: fc.oneof(
            { weight: 5, arbitrary: fc.constantFrom<Caller>(...strangers(world, context.lane)) },
            { weight: 1, arbitrary: garbageAuthorizationArb(world.identity('staff').token!).map((authorization): Caller => ({ authorization })) },
          ),
          first: laneIdArb,
          second: secondIdArb,
          headers: oddHeadersArb,
          body: fc.oneof(
            { weight: 3, arbitrary: valid.map((on) => asBody(on.body)) },
            {
              weight: 2,
              arbitrary: valid.filter((on) => on.body !== null && typeof on.body === 'object').chain((on) => mutationOf(on.body).map((mutation): BodySpec => ({ near: on.body!, mutation }))),
            },
            { weight: 2, arbitrary: garbageArb },
          ),
        })
        .map(({ caller, first, second, headers, body }): Case => ({ scenario: 'off', caller, ids: [first, second].slice(0, arity(target)), headers, body })),
    },
  ];
  if (target.semantic) {
    arbitraries.push({ weight: 10, arbitrary: target.semantic(context).chain(onTarget('semantic', plainHeadersArb, (on) => fc.constant(asBody(on.body)))) });
  }
  return fc.oneof(...arbitraries).map(printable);
}

/** The request a case sends: its caller's token (or its garbage Authorization), its headers, its body encoded as they say. */
export function requestOf(world: World, target: Target, c: Case): Sent {
  const headers: Record<string, string> = {};
  if (typeof c.caller === 'object') headers.Authorization = c.caller.authorization;
  else if (c.caller !== 'nobody') headers.Authorization = `Bearer ${world.identity(c.caller).token}`;
  if (c.headers.contentType !== null) headers['Content-Type'] = c.headers.contentType;
  if (c.headers.acceptLanguage !== null) headers['Accept-Language'] = c.headers.acceptLanguage;
  if (c.headers.idempotencyKey !== null) headers['Idempotency-Key'] = c.headers.idempotencyKey;
  const plain = bodyBytes(c.body);
  let body = plain;
  if (c.headers.encoding !== null) {
    headers['Content-Encoding'] = c.headers.encoding.name;
    if (plain !== null && c.headers.encoding.compress) body = compress(c.headers.encoding.name, plain);
  }
  return { caller: typeof c.caller === 'object' ? 'garbage Authorization' : c.caller, path: target.path(c.ids.map(resolveId)), headers, body, plain };
}

/** The model's side of an accepted case; problems if the acceptance itself is wrong. */
export async function recordAccepted(world: World, target: Target, c: Case, sent: Sent, answer: Answer): Promise<{ problems: string[]; lane?: Lane }> {
  if (typeof c.caller === 'object') return { problems: [] };
  const body = (parsedBody(sent.plain) ?? {}) as Record<string, unknown>;
  const ids = c.ids.map(resolveId);
  if (target.step) {
    const lane = world.lane(ids[0] ?? '');
    if (!lane) return { problems: [] };
    applyStep(lane, target.step, world.actorOf(c.caller), ids.map(lower), body, answer.body, world.busy);
    return { problems: [], lane };
  }
  if (target.name === 'POST /api/cycles') {
    const id = (answer.body as { id?: string }).id!;
    if (world.lane(id)) return { problems: [], lane: world.lane(id) }; // the same launch sent again with its key
    const launch = body as unknown as LaunchBody;
    const lane = newLane(id, 'launched', 'staff', launch, durationMs(launch.reminders?.earlyStartTolerance), world.identity(c.caller).userId);
    world.register(lane);
    return { problems: [], lane };
  }
  return { problems: target.echo?.(body, answer.body as Record<string, unknown>) ?? [] };
}

/** A valid request of every endpoint that takes a token, as its right caller would send it (two each, drawn with `seed`). */
export function validRequests(world: World, seed: number): { path: string; body: Json | null }[] {
  const requests: { path: string; body: Json | null }[] = [];
  for (const target of TARGETS.filter((candidate) => !candidate.public)) {
    const lane = target.step ? (world.lanes.find((candidate) => !candidate.tainted && target.fits!(candidate, world)) ?? null) : null;
    if (target.step && !lane) continue;
    for (const on of fc.sample(target.valid({ world, lane }), { numRuns: 2, seed })) requests.push({ path: target.path(on.ids.map(resolveId)), body: on.body });
  }
  return requests;
}
