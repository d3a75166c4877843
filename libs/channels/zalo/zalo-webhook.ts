import { createHash, timingSafeEqual } from 'node:crypto';
import type { DeliveryReport } from '../channel.js';

/**
 * Zalo's delivery webhook. Its signature is documented inconsistently: the header X-ZEvent-Signature holds
 * `mac=<hex>` in some pages and the bare hex in others; the digest is SHA-256 (not an HMAC) of app id + raw
 * body + timestamp + OA secret key, the timestamp being the body's `timestamp` field in most pages and an
 * X-ZEvent-Timestamp header in a few. This is the one place that decides: both header forms are read, and
 * both timestamps are tried, each compared in constant time. The app id is ours (the configured one), so a
 * body cannot choose it.
 */
export function verifyZaloSignature(
  settings: { appId: string; oaSecretKey: string },
  rawBody: Buffer,
  headers: { signature: string | undefined; timestamp: string | undefined },
): boolean {
  const supplied = /^(?:mac=)?([0-9a-f]{64})$/i.exec((headers.signature ?? '').trim())?.[1]?.toLowerCase();
  if (!supplied) return false;
  const candidates = new Set<string>();
  const fromBody = timestampOf(rawBody);
  if (fromBody) candidates.add(fromBody);
  if (headers.timestamp && /^\d{1,20}$/.test(headers.timestamp.trim())) candidates.add(headers.timestamp.trim());
  let matched = false;
  for (const timestamp of candidates) {
    const expected = digestOf(settings, rawBody, timestamp);
    // Every candidate is compared, so the time taken does not tell which one was close.
    if (timingSafeEqual(expected, Buffer.from(supplied, 'hex'))) matched = true;
  }
  return matched;
}

/** A signature as Zalo sends it, for the fake provider and the tests. */
export function zaloSignatureOf(settings: { appId: string; oaSecretKey: string }, rawBody: Buffer | string, timestamp: string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return `mac=${digestOf(settings, body, timestamp).toString('hex')}`;
}

function digestOf(settings: { appId: string; oaSecretKey: string }, rawBody: Buffer, timestamp: string): Buffer {
  return createHash('sha256')
    .update(Buffer.concat([Buffer.from(settings.appId, 'utf8'), rawBody, Buffer.from(`${timestamp}${settings.oaSecretKey}`, 'utf8')]))
    .digest();
}

function timestampOf(rawBody: Buffer): string | null {
  try {
    const timestamp = (JSON.parse(rawBody.toString('utf8')) as { timestamp?: unknown }).timestamp;
    return typeof timestamp === 'string' || typeof timestamp === 'number' ? String(timestamp) : null;
  } catch {
    return null;
  }
}

/**
 * `user_received_message`: the message `msg_id` reached the person's phone at `delivery_time` (milliseconds,
 * as a string or a number). Its `tracking_id`, where Zalo echoes it, is our delivery id. Other events: null.
 */
export function parseZaloDeliveryEvent(body: unknown): DeliveryReport | null {
  if (typeof body !== 'object' || body === null) return null;
  const event = body as { event_name?: unknown; message?: { msg_id?: unknown; delivery_time?: unknown; tracking_id?: unknown }; timestamp?: unknown };
  if (event.event_name !== 'user_received_message' || typeof event.message !== 'object' || event.message === null) return null;
  const messageId = idOf(event.message.msg_id);
  const deliveryId = idOf(event.message.tracking_id);
  if (!messageId && !deliveryId) return null;
  return {
    channel: 'zalo',
    ...(messageId ? { providerMessageId: messageId } : {}),
    ...(deliveryId ? { deliveryId } : {}),
    delivered: true,
    at: momentOf(event.message.delivery_time) ?? momentOf(event.timestamp) ?? new Date(),
  };
}

function idOf(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim().length > 0 && value.length <= 200 ? value.trim() : null;
}

/** Milliseconds since 1970 (Zalo's form), as a number or a string; seconds are recognised by their size. */
function momentOf(value: unknown): Date | null {
  const number = typeof value === 'string' && /^\d{1,16}$/.test(value.trim()) ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (!Number.isFinite(number) || number <= 0) return null;
  const date = new Date(number < 1e11 ? number * 1000 : number);
  return Number.isNaN(date.getTime()) ? null : date;
}
