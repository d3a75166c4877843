import { maskPhone } from './phone-number.js';

/**
 * One JSON request to a provider, with what went wrong sorted the way the delivery rules need it: whether
 * the request can have reached the provider (a timeout or a reset after sending: it may have been sent)
 * or surely did not (connection refused, no such host), and what the provider answered otherwise.
 */
export type ProviderAnswer =
  | { kind: 'answered'; status: number; body: unknown }
  | { kind: 'notSent'; code: string; detail: string }
  | { kind: 'maybeSent'; code: string; detail: string };

/** Errors of Node's fetch (undici) raised before a byte of the request left. */
const BEFORE_SENDING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'ERR_INVALID_URL']);

export async function postToProvider(
  url: string,
  init: { headers: Record<string, string>; body: string },
  timeoutMs: number,
): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: init.headers, body: init.body, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return failureOf(error, timeoutMs);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    // The provider answered its status, then the connection broke or the time ran out inside the body.
    const failure = failureOf(error, timeoutMs);
    return { kind: 'maybeSent', code: failure.code, detail: failure.detail };
  }
  let body: unknown = null;
  try {
    body = text.length > 0 ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  return { kind: 'answered', status: response.status, body };
}

function failureOf(error: unknown, timeoutMs: number): Exclude<ProviderAnswer, { kind: 'answered' }> {
  const name = (error as { name?: string })?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return { kind: 'maybeSent', code: 'TIMEOUT', detail: `no answer within ${timeoutMs} ms` };
  }
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as { code?: string })?.code ?? 'NETWORK';
  const detail = `${code}: ${cause?.message ?? (error as Error)?.message ?? String(error)}`;
  return BEFORE_SENDING.has(code) ? { kind: 'notSent', code, detail } : { kind: 'maybeSent', code, detail };
}

/**
 * A provider's words as they may be stored and logged: a phone number in them (the person's, in any of its
 * forms, or any other Vietnamese mobile number) is masked, and the text is kept short.
 */
export function scrubbed(text: string, phone: string | null): string {
  let clean = text;
  if (phone) {
    const national = phone.startsWith('84') ? `0${phone.slice(2)}` : phone;
    clean = clean.split(`+${phone}`).join(maskPhone(phone)).split(phone).join(maskPhone(phone)).split(national).join(maskPhone(phone));
  }
  clean = clean.replace(/(?<!\d)(?:\+?84|0)[35789]\d{8}(?!\d)/g, (found) => maskPhone(found.replace(/^\+?84/, '84').replace(/^0/, '84')));
  return clean.length > 300 ? `${clean.slice(0, 299)}…` : clean;
}

/** A field of a provider's JSON answer as text: a string or a number as it is, anything else as nothing. */
export function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}
