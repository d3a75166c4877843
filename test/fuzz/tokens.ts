// A token signed with the server's own secret passes every signature check, so only its claims stand between it and a sign-in: those are fuzzed here.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { TEST_JWT_SECRET } from '../support/test-stack.js';
import type { Sent } from './http.js';
import { base64url } from './values.js';
import type { Json } from './wire.js';

type Claims = Record<string, unknown>;

export interface BadClaimsCase {
  request: { path: string; body: Json | null };
  sub: string;
  role: string | undefined;
  iat: number | string | undefined;
  defects: { name: string; edit: (claims: Claims) => Claims }[];
  signing: 'HS256' | 'HS512' | 'wrong secret';
  kid: string | undefined;
}

/** A valid request with a token for one of `users` whose claims have one to three defects, signed at `now` (epoch seconds). */
export function badClaimsCaseArb(requests: BadClaimsCase['request'][], users: string[], now: number): fc.Arbitrary<BadClaimsCase> {
  const defects = fc.oneof(
    fc
      .oneof(
        fc.uuid(),
        fc.constantFrom('------------------------------------', '00000000-0000-0000-0000-000000000000', "' OR 1=1 --", '', 'admin'),
        fc.stringMatching(/^[0-9a-fA-F-]{36}$/).filter((sub) => !users.includes(sub.toLowerCase())),
        fc.integer(),
        fc.constant(null),
        fc.jsonValue({ maxDepth: 2 }).filter((value) => typeof value !== 'string'),
      )
      .map((sub) => ({ name: 'sub: no such user', edit: (claims: Claims) => ({ ...claims, sub }) })),
    fc.constant({ name: 'no sub', edit: ({ sub: _sub, ...claims }: Claims) => claims }),
    fc.constantFrom(now - 60, now, 0, 1.5, -1, 'ngày mai', null, true, String(now + 3600)).map((exp) => ({ name: `exp ${JSON.stringify(exp)}`, edit: (claims: Claims) => ({ ...claims, exp }) })),
    fc.constantFrom(now + 3600, 'x', null, [now]).map((nbf) => ({ name: `nbf ${JSON.stringify(nbf)}`, edit: (claims: Claims) => ({ ...claims, nbf }) })),
  );
  const signingArb = fc.constantFrom<BadClaimsCase['signing']>('HS256', 'HS256', 'HS256', 'HS512', 'wrong secret');
  return fc.record({
    request: fc.constantFrom(...requests),
    sub: fc.constantFrom(...users),
    role: fc.constantFrom('admin', 'committee', 'secretary', 'guest', 'root', undefined),
    iat: fc.constantFrom(now, now + 86_400, -1, 'hôm qua', undefined),
    defects: fc.array(defects, { minLength: 1, maxLength: 3 }),
    signing: signingArb,
    kid: fc.constantFrom(undefined, '../../dev/null'),
  });
}

/** The case's request with its token: the claims edited by each defect, signed as the case says. */
export function badClaimsRequest({ request, sub, role, iat, defects, signing, kid }: BadClaimsCase, now: number): Sent {
  let claims: Claims = { sub, exp: now + 3600, ...(role ? { role } : {}), ...(iat !== undefined ? { iat } : {}) };
  for (const defect of defects) claims = defect.edit(claims);
  // A token that is only wrong in how it is signed still must not sign anyone in.
  const alg = signing === 'HS512' ? 'HS512' : 'HS256';
  const unsigned = `${base64url({ alg, typ: 'JWT', ...(kid ? { kid } : {}) })}.${base64url(claims)}`;
  const key = signing === 'wrong secret' ? `${TEST_JWT_SECRET}-not` : TEST_JWT_SECRET;
  const token = `${unsigned}.${createHmac(alg === 'HS512' ? 'sha512' : 'sha256', key).update(unsigned).digest('base64url')}`;
  const plain = request.body === null ? null : Buffer.from(JSON.stringify(request.body));
  return {
    caller: `token (${signing}) with ${defects.map((defect) => defect.name).join(', ')}: ${JSON.stringify(claims)}`,
    path: request.path,
    headers: { Authorization: `Bearer ${token}`, ...(plain ? { 'Content-Type': 'application/json' } : {}) },
    body: plain,
    plain,
  };
}
