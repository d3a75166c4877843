import { EventEmitter } from 'node:events';
import { describe, expect, it, jest } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { requestLogging } from './request-logging.middleware.js';

/** The line the middleware writes for one request to this address, answered 200. */
function loggedLine(originalUrl: string): Record<string, unknown> {
  const response = Object.assign(new EventEmitter(), { statusCode: 200, setHeader: () => undefined });
  const request = { headers: {}, method: 'GET', originalUrl };
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    requestLogging(true)(request as unknown as Request, response as unknown as Response, (() => undefined) as NextFunction);
    response.emit('finish');
  } finally {
    write.mockRestore();
  }
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

describe('the request log', () => {
  it('keeps the path but not the query, which may hold a phone number', () => {
    expect(loggedLine('/api/cycles/8c1f?status=OPEN&phonenumber=84912345678').path).toBe('/api/cycles/8c1f');
  });

  it('never writes the secret in the SMS gateway’s callback path', () => {
    const secret = 'a3f9c2d4e5b6a7980123456789abcdef';
    const line = loggedLine(`/api/webhooks/sms/${secret}?SMSID=1&phonenumber=84912345678`);
    expect(line.path).toBe('/api/webhooks/sms/…');
    expect(JSON.stringify(line)).not.toContain(secret);
    expect(JSON.stringify(line)).not.toContain('84912345678');
  });
});
