import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * eSMS.vn's brandname SMS API as notifications.md documents it, on 127.0.0.1: a JSON body of strings, keys and
 * brandname checked, a message accepted with CodeResult "100" and its SMSID, and a RequestId seen before
 * answered "124" without sending again (the gateway deduplicates). Each test scripts what it needs: refusals
 * by code, HTTP failures, slow or missing answers, numbers the gateway refuses, and the delivery report
 * called back to the request's CallbackUrl.
 */

export interface RecordedSms {
  path: string;
  body: Record<string, unknown>;
}

export type EsmsScript = { code: string; message?: string } | { httpStatus: number };

export interface FakeEsms {
  url: string;
  apiKey: string;
  secretKey: string;
  brandname: string;
  requests: RecordedSms[];
  /** Messages that went to a phone (a repeated RequestId sends none). */
  sent: { smsId: string; phone: string; content: string; requestId: string }[];
  sentWith(requestId: string): number;
  failNext(count: number, answer: EsmsScript): void;
  /** Answers from now on wait this long after the message is sent; 'never' answers nothing. */
  answerAfter(delay: number | 'never'): void;
  phoneAnswers(phone: string, code: string): void;
  /** After accepting, call the request's CallbackUrl with this SendStatus (5 sent, 4 refused); null: no call. */
  callBack(status: '5' | '4' | null): void;
  callbackAnswers: number[];
  callbacksSettled(): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeEsms(): Promise<FakeEsms> {
  const scripted: EsmsScript[] = [];
  const phoneCodes = new Map<string, string>();
  const byRequest = new Map<string, string>();
  const callbacks: Promise<void>[] = [];
  const hanging = new Set<ServerResponse>();
  /** Slow answers still waiting: closing the fake ends them, so no timer outlives a test. */
  const waits = new Set<{ timer: NodeJS.Timeout; done: () => void }>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wait = { timer: setTimeout(() => (waits.delete(wait), resolve()), ms), done: resolve };
      waits.add(wait);
    });
  let delay: number | 'never' = 0;
  let callbackStatus: '5' | '4' | null = null;

  const fake: FakeEsms = {
    url: '',
    apiKey: `api-key-${randomUUID()}`,
    secretKey: `secret-${randomUUID()}`,
    brandname: 'DANGUY-NAHOI',
    requests: [],
    sent: [],
    callbackAnswers: [],
    sentWith: (requestId) => fake.sent.filter((message) => message.requestId === requestId).length,
    failNext: (count, answer) => {
      for (let index = 0; index < count; index += 1) scripted.push(answer);
    },
    answerAfter: (value) => {
      delay = value;
    },
    phoneAnswers: (phone, code) => {
      phoneCodes.set(phone, code);
    },
    callBack: (status) => {
      callbackStatus = status;
    },
    callbacksSettled: async () => {
      await Promise.all(callbacks);
    },
    close: async () => {
      for (const response of hanging) response.destroy();
      for (const wait of waits) {
        clearTimeout(wait.timer);
        wait.done();
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  async function send(body: Record<string, unknown>, response: ServerResponse) {
    const fields = ['ApiKey', 'SecretKey', 'Phone', 'Content', 'Brandname', 'SmsType', 'IsUnicode', 'RequestId', 'CallbackUrl'];
    if (fields.some((field) => typeof body[field] !== 'string') || !['0', '1'].includes(body.IsUnicode as string)) {
      return answer(response, 200, { CodeResult: '99', ErrorMessage: 'Invalid request' });
    }
    const script = scripted.shift();
    if (script && 'httpStatus' in script) return answer(response, script.httpStatus, { Message: 'An error has occurred.' });
    if (script) return answer(response, 200, { CodeResult: script.code, ErrorMessage: script.message ?? `Error ${script.code}` });
    if (body.ApiKey !== fake.apiKey || body.SecretKey !== fake.secretKey) return answer(response, 200, { CodeResult: '101', ErrorMessage: 'Authorize Failed' });
    if (body.Brandname !== fake.brandname) return answer(response, 200, { CodeResult: '104', ErrorMessage: 'Brandname not exist' });
    const phone = body.Phone as string;
    const phoneCode = phoneCodes.get(phone);
    if (phoneCode) return answer(response, 200, { CodeResult: phoneCode, ErrorMessage: `Error ${phoneCode}` });
    if (!/^(84|0)\d{9}$/.test(phone)) return answer(response, 200, { CodeResult: '108', ErrorMessage: 'Phone not valid' });
    const requestId = body.RequestId as string;
    if (byRequest.has(requestId)) return answer(response, 200, { CodeResult: '124', ErrorMessage: 'Request exist' });
    const smsId = randomUUID();
    byRequest.set(requestId, smsId);
    fake.sent.push({ smsId, phone, content: body.Content as string, requestId });
    if (callbackStatus) callbacks.push(callBack(body.CallbackUrl as string, { smsId, phone, requestId, status: callbackStatus }));
    const wait = delay;
    if (wait === 'never') {
      hanging.add(response);
      return;
    }
    if (wait > 0) await pause(wait);
    if (!response.destroyed) answer(response, 200, { CodeResult: '100', CountRegenerate: 0, SMSID: smsId });
  }

  async function callBack(url: string, report: { smsId: string; phone: string; requestId: string; status: '5' | '4' }) {
    const query = new URLSearchParams({
      SMSID: report.smsId,
      SendStatus: report.status,
      SendSuccess: report.status === '5' ? '1' : '0',
      SendFailed: report.status === '5' ? '0' : '1',
      RequestId: report.requestId,
      phonenumber: report.phone,
      telcoid: '1',
    });
    const response = await fetch(`${url}?${query.toString()}`);
    await response.arrayBuffer();
    fake.callbackAnswers.push(response.status);
  }

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = (request.url ?? '').split('?')[0];
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        body = {};
      }
      fake.requests.push({ path, body });
      if (request.method !== 'POST' || path !== '/MainService.svc/json/SendMultipleMessage_V4_post_json/') return answer(response, 404, { Message: 'Not found' });
      send(body, response).catch(() => response.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
