import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';
import { SEALED_KEY } from './sealed.js';

// @temporalio/proto is CommonJS whose exports Node cannot name statically: take its default export.
const { temporal } = proto;
const ENCODING = 'binary/sealed';
const JSON_ENCODING = 'json/plain';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : '');

/** A short, public name for a key, so a payload says which key sealed it (rotation keeps old keys for reading). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/**
 * Encrypts every payload with AES-256-GCM under PAYLOAD_KEY, so Temporal's history holds no critique, name
 * or minute in plain text, and marks what it opens as sealed (SEALED_KEY) so the workflow can tell a step
 * the API sent from one a bare Temporal client made up (which arrives unsealed; a mark it carries is
 * removed). Payloads sealed with an older key (PAYLOAD_OLD_KEYS) are still opened; unsealed payloads of
 * histories from before the codec are read as they are.
 */
export class SealingCodec implements PayloadCodec {
  private readonly current: { id: string; key: Buffer };
  private readonly byId: Map<string, Buffer>;

  /**
   * `marks`: the worker's codec marks what it opens (and unmarks what arrived unsealed) for the workflow to
   * see; a client's codec only opens, so the values it reads back are exactly what was sealed.
   */
  constructor(
    key: Buffer,
    oldKeys: Buffer[] = [],
    private readonly marks = true,
  ) {
    if (key.length !== 32) throw new Error('PAYLOAD_KEY must be 32 bytes');
    this.current = { id: keyId(key), key };
    this.byId = new Map([key, ...oldKeys].map((each) => [keyId(each), each]));
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const plain = temporal.api.common.v1.Payload.encode(payload).finish();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
      const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
      return {
        metadata: { encoding: Buffer.from(ENCODING), 'key-id': Buffer.from(this.current.id) },
        data: Buffer.concat([iv, cipher.getAuthTag(), sealed]),
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) === ENCODING) return this.open(payload);
      return this.marks ? marked(payload, false) : payload;
    });
  }

  private open(payload: Payload): Payload {
    const key = this.byId.get(text(payload.metadata?.['key-id']));
    if (!key) throw new Error('A payload is sealed with a key this process does not have (set PAYLOAD_OLD_KEYS)');
    const data = Buffer.from(payload.data ?? []);
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const inner = temporal.api.common.v1.Payload.decode(plain) as Payload;
    return this.marks ? marked(inner, true) : inner;
  }
}

/** A JSON object's payload with SEALED_KEY set (opened from a seal) or removed (arrived unsealed). */
function marked(payload: Payload, sealed: boolean): Payload {
  if (text(payload.metadata?.encoding) !== JSON_ENCODING || !payload.data) return payload;
  const value: unknown = JSON.parse(Buffer.from(payload.data).toString('utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return payload;
  const object = value as Record<string, unknown>;
  if (!sealed && !(SEALED_KEY in object)) return payload;
  if (sealed) object[SEALED_KEY] = true;
  else delete object[SEALED_KEY];
  return { ...payload, data: Buffer.from(JSON.stringify(object)) };
}
