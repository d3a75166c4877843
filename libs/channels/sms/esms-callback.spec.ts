import { describe, expect, it } from '@jest/globals';
import { parseEsmsCallback } from './esms-callback.js';
import { smsCallbackToken } from './esms.adapter.js';

const AT = new Date('2026-12-11T01:00:00Z');
const query = (fields: Record<string, string>) => ({ SMSID: 's-1', RequestId: 'd-1', phonenumber: '84987654321', telcoid: '1', ...fields });

describe('eSMS delivery report', () => {
  it('status 5 with a success is delivered', () => {
    expect(parseEsmsCallback(query({ SendStatus: '5', SendSuccess: '1', SendFailed: '0' }), AT)).toEqual({
      channel: 'sms',
      providerMessageId: 's-1',
      deliveryId: 'd-1',
      delivered: true,
      at: AT,
    });
  });

  it('status 4 is refused, status 5 with only failures is not delivered', () => {
    expect(parseEsmsCallback(query({ SendStatus: '4', SendSuccess: '0', SendFailed: '1' }), AT)).toMatchObject({ delivered: false, code: 'REJECTED' });
    expect(parseEsmsCallback(query({ SendStatus: '5', SendSuccess: '0', SendFailed: '1' }), AT)).toMatchObject({ delivered: false, code: 'SEND_FAILED' });
  });

  it.each(['1', '2', '7'])('status %s is not final: no report', (status) => {
    expect(parseEsmsCallback(query({ SendStatus: status }), AT)).toBeNull();
  });

  it('a report without any id is no report, and the phone number is not in it', () => {
    expect(parseEsmsCallback({ SendStatus: '5', phonenumber: '84987654321' }, AT)).toBeNull();
    expect(JSON.stringify(parseEsmsCallback(query({ SendStatus: '5', SendSuccess: '1' }), AT))).not.toContain('84987654321');
  });
});

describe('SMS callback path', () => {
  it('is 32 hex characters, fixed for a key and different for another', () => {
    expect(smsCallbackToken('secret-a')).toMatch(/^[0-9a-f]{32}$/);
    expect(smsCallbackToken('secret-a')).toBe(smsCallbackToken('secret-a'));
    expect(smsCallbackToken('secret-a')).not.toBe(smsCallbackToken('secret-b'));
    expect(smsCallbackToken('secret-a')).not.toContain('secret');
  });
});
