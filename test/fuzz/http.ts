import type { ApiStack } from '../support/api-stack.js';

/** Sending one request exactly as built, and what every answer must look like (api.md, "Errors"). */

export const REQUEST_TIMEOUT_MS = 15_000;
/** The API's body limit (BODY_LIMIT, 100kb by default): a larger body is 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;
export const SECRET = /passwordHash|password_hash|\$argon2/i;
export const ERROR_STATUSES: readonly number[] = [400, 401, 403, 404, 409, 413, 429];
const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
};
/** Letters only Vietnamese writes (a Vietnamese message has some; the English ones are in English). */
const VIETNAMESE = /[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/i;
const ENGLISH = /\b(the|must|is|not|be|are|a|an|of|to|this|may|cannot|only|at|in|too|wrong|required|sign|was|has|does|no|and|or)\b/i;

export interface Sent {
  caller: string;
  path: string;
  headers: Record<string, string>;
  /** What goes on the wire, and the same before compression. */
  body: Buffer | null;
  plain: Buffer | null;
}

export interface Answer {
  status: number | null;
  text: string;
  body: unknown;
  contentType: string;
  failure: string | null;
  ms: number;
}

export async function exchange(stack: ApiStack, sent: Sent, method: 'post' | 'get' = 'post'): Promise<Answer> {
  let pending = stack.http[method](sent.path).timeout(REQUEST_TIMEOUT_MS);
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

/**
 * What every answer must be: a documented status (the endpoint's success or 400/401/403/404/409/413/429,
 * never a 5xx, never a hang), JSON, no password hash, and for an error { statusCode, message, error } with
 * statusCode the HTTP status, a message a person can read in the language asked for, and never the
 * refusal that only a client going around the API can get (MALFORMED_STEP, notes rule 8).
 */
export function problemsOf(success: number | null, answer: Answer, language: 'vi' | 'en' | null): string[] {
  if (answer.status === null) return [`no answer within ${REQUEST_TIMEOUT_MS} ms or a broken connection (${answer.failure})`];
  const problems: string[] = [];
  const { status } = answer;
  if (status !== success && !ERROR_STATUSES.includes(status)) problems.push(`undocumented status ${status}`);
  if (SECRET.test(answer.text)) problems.push('the answer contains a password hash (passwordHash / password_hash / $argon2)');
  if (!/^application\/json\b/i.test(answer.contentType)) problems.push(`Content-Type "${answer.contentType}" is not JSON`);
  if (status < 400) {
    if (typeof answer.body !== 'object' || answer.body === null) problems.push('a success without a JSON body');
    return problems;
  }
  const body = answer.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [...problems, 'the error body is not a JSON object'];
  const { statusCode, message, error, code } = body as Record<string, unknown>;
  if (statusCode !== status) problems.push(`statusCode ${JSON.stringify(statusCode)} is not the HTTP status ${status}`);
  const expectedReason = REASON[status];
  if (typeof error !== 'string' || error.length === 0 || (expectedReason !== undefined && error !== expectedReason)) {
    problems.push(`error ${JSON.stringify(error)} is not "${expectedReason ?? 'a reason phrase'}"`);
  }
  const lines: unknown[] = Array.isArray(message) ? message : [message];
  if (lines.length === 0 || !lines.every((line) => typeof line === 'string' && line.trim().length > 0)) {
    problems.push(`message ${JSON.stringify(message)} is empty or not text`);
  } else if (language !== null) {
    const text = (lines as string[]).join(' ');
    if (language === 'vi' && !VIETNAMESE.test(text)) problems.push(`message ${JSON.stringify(message)} is not in Vietnamese (the default)`);
    if (language === 'en' && !ENGLISH.test(text)) problems.push(`message ${JSON.stringify(message)} is not in English (Accept-Language: en)`);
  }
  if (code === 'MALFORMED_STEP') problems.push('MALFORMED_STEP through the API (notes: only reachable without the API): the API let through a step the workflow finds malformed');
  return problems;
}

/** The inputs themselves must not contain what the answers are searched for (an echoed field name is fine). */
export function echoesSecret(sent: Sent): boolean {
  if (SECRET.test(sent.path) || Object.values(sent.headers).some((value) => SECRET.test(value))) return true;
  return sent.plain !== null && (SECRET.test(sent.plain.toString('latin1')) || SECRET.test(sent.plain.toString('utf8')));
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

export function describeExchange(sent: Sent, answers: Answer[]): string {
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

/** A POST the suite writes itself, not a fuzz case: `text` as a JSON body, with the caller's token if any. */
export async function postText(
  stack: ApiStack,
  caller: string,
  path: string,
  token: string | null,
  text: string,
  headers: Record<string, string> = {},
): Promise<{ sent: Sent; answer: Answer }> {
  const plain = Buffer.from(text);
  const sent: Sent = { caller, path, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json', ...headers }, body: plain, plain };
  return { sent, answer: await exchange(stack, sent) };
}

/** postText with `body` as JSON, from the suite. */
export function postJson(stack: ApiStack, path: string, token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<{ sent: Sent; answer: Answer }> {
  return postText(stack, 'the suite', path, token, JSON.stringify(body), headers);
}
