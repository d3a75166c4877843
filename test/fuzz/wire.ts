import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/**
 * What a fuzz case's body is: plain data, so that fast-check prints a short, readable counterexample, and
 * the bytes that go on the wire are only built when the request is sent.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type FieldPath = (string | number)[];

/** A value put into a body; big ones are described, and only built when the request is sent. */
export type Odd =
  | { lit: Json }
  | { repeat: string; times: number }
  | { raw: string } // a token written into the JSON text verbatim: 1e309, -0, "\ud800", NaN…
  | { nest: 'array' | 'object'; depth: number }
  | { many: Json; times: number };

export type Mutation = { drop: FieldPath } | { set: FieldPath; to: Odd } | { add: FieldPath; key: string; to: Odd };

export type BodySpec =
  | { valid: Json }
  | { near: Json; mutation: Mutation }
  | { splice: Json; bytes: number[] } // a valid body with raw bytes (invalid UTF-8…) inside its first string
  | { json: Json }
  | { text: string }
  | { bytes: number[] }
  | { odd: Odd }
  | { none: true };

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

export function bodyBytes(spec: BodySpec): Buffer | null {
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

/** The body compressed as the Content-Encoding says (names are case-insensitive); unknown encodings leave it as it is. */
export function compress(name: string, bytes: Buffer): Buffer {
  const encoding = name.toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return gzipSync(bytes);
  if (encoding === 'deflate') return deflateSync(bytes);
  if (encoding === 'br') return brotliCompressSync(bytes);
  return bytes;
}

/** The body as the server's JSON parser reads it (for the model of what an accepted step changed). */
export function parsedBody(plain: Buffer | null): unknown {
  if (plain === null) return undefined;
  const text = plain.toString('utf8').replace(/^\ufeff/, '');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Which near-valid bodies break a type: those must never be accepted.

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object' | 'not JSON';

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'not JSON';
}

function oddType(odd: Odd): JsonType {
  if ('lit' in odd) return typeOf(odd.lit);
  if ('repeat' in odd) return 'string';
  if ('nest' in odd) return odd.nest;
  if ('many' in odd) return 'array';
  try {
    return typeOf(JSON.parse(odd.raw));
  } catch {
    return 'not JSON';
  }
}

function valueAt(body: Json, path: FieldPath): Json | undefined {
  let node: Json | undefined = body;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (node !== null && typeof node === 'object' && !Array.isArray(node) && typeof step === 'string') node = node[step];
    else return undefined;
  }
  return node;
}

/**
 * Field names the API drops without a word instead of rejecting them (the known bug with its own case in
 * the suite): what every object has (toString, valueOf, …) and what guards against prototype pollution
 * (__proto__, prototype, constructor). Near-valid bodies do not add them, so the rest keeps being checked.
 */
export const DROPPED_FIELD_NAMES: readonly string[] = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];

/** A path with array indexes written as *, as the targets list their required fields. */
const shapeOf = (path: FieldPath) => path.map((step) => (typeof step === 'number' ? '*' : step)).join('.');

/**
 * Why a near-valid body can never be accepted, or null when it might be: a field set to a value of another
 * JSON type, a token that is not JSON, a required field dropped, a field the endpoint does not know added
 * (api.md: unknown fields are rejected too).
 */
export function breaksType(spec: BodySpec, fields: readonly string[], required: readonly string[]): string | null {
  if (!('near' in spec)) return null;
  const { near, mutation } = spec;
  if ('set' in mutation) {
    const before = typeOf(valueAt(near, mutation.set));
    const after = oddType(mutation.to);
    if (after === 'not JSON') return `${shapeOf(mutation.set)} is not JSON`;
    // null for an optional field reads as "not given".
    if (after === 'null' && !required.includes(shapeOf(mutation.set))) return null;
    if (before !== 'null' && before !== after) return `${shapeOf(mutation.set)} changed from ${before} to ${after}`;
    return null;
  }
  if ('drop' in mutation) {
    const last = mutation.drop[mutation.drop.length - 1];
    if (typeof last === 'string' && required.includes(shapeOf(mutation.drop))) return `required ${shapeOf(mutation.drop)} dropped`;
    return null;
  }
  if (oddType(mutation.to) === 'not JSON') return `${mutation.key} is not JSON`;
  if (!fields.includes(mutation.key) && !fields.includes('*')) return `unknown field ${JSON.stringify(mutation.key)} added`;
  return null;
}

/**
 * A near-valid body whose list of objects has a list for an item ([[]]): the known bug with its own case
 * (the API lets it through, the workflow refuses it as MALFORMED_STEP).
 */
export function listInList(body: BodySpec): boolean {
  if (!('near' in body) || !('set' in body.mutation) || typeof body.mutation.set[body.mutation.set.length - 1] !== 'number') return false;
  const to = body.mutation.to;
  return ('lit' in to && Array.isArray(to.lit)) || 'many' in to || ('nest' in to && to.nest === 'array');
}

/** A near-valid body with null for an optional field: the known bug with its own case (MALFORMED_STEP). */
export function nullForOptional(body: BodySpec): boolean {
  return 'near' in body && 'set' in body.mutation && 'lit' in body.mutation.to && body.mutation.to.lit === null;
}
