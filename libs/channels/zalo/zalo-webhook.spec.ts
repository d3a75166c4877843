import { describe, expect, it } from '@jest/globals';
import { parseZaloDeliveryEvent, verifyZaloSignature, zaloSignatureOf } from './zalo-webhook.js';

const SETTINGS = { appId: '4321987654321', oaSecretKey: 'oa-secret' };
const RAW = '{"event_name":"user_received_message","message":{"msg_id":"a1b2","delivery_time":"1765414800000"},"timestamp":"1765414800123"}';
/** sha256 of app id + body + timestamp + OA secret, computed with sha256sum. */
const DIGEST = 'fe31f75d90299ee6825fd95693c02a425f4bb66891cd666f7dae5c47879c30be';

describe('Zalo webhook signature', () => {
  it.each([`mac=${DIGEST}`, DIGEST, `mac=${DIGEST.toUpperCase()}`])('accepts %s over the exact body', (signature) => {
    expect(verifyZaloSignature(SETTINGS, Buffer.from(RAW), { signature, timestamp: undefined })).toBe(true);
  });

  it('accepts the timestamp given in a header when the body’s does not match', () => {
    const body = RAW.replace('"timestamp":"1765414800123"', '"timestamp":"1"');
    const signature = zaloSignatureOf(SETTINGS, body, '1765414800999');
    expect(verifyZaloSignature(SETTINGS, Buffer.from(body), { signature, timestamp: '1765414800999' })).toBe(true);
    expect(verifyZaloSignature(SETTINGS, Buffer.from(body), { signature, timestamp: undefined })).toBe(false);
  });

  it.each([
    ['no signature', undefined, RAW],
    ['another secret', zaloSignatureOf({ ...SETTINGS, oaSecretKey: 'other' }, RAW, '1765414800123'), RAW],
    ['a changed body', `mac=${DIGEST}`, RAW.replace('a1b2', 'a1b3')],
    ['a body re-serialised with spaces', `mac=${DIGEST}`, JSON.stringify(JSON.parse(RAW), null, 1)],
    ['not hex', 'mac=zzzz', RAW],
  ])('refuses %s', (_, signature, body) => {
    expect(verifyZaloSignature(SETTINGS, Buffer.from(body), { signature, timestamp: undefined })).toBe(false);
  });
});

describe('Zalo delivery event', () => {
  it('reads msg_id, tracking_id and the delivery time', () => {
    expect(
      parseZaloDeliveryEvent({ event_name: 'user_received_message', message: { msg_id: 'a1b2', tracking_id: 'd-1', delivery_time: '1765414800000' }, timestamp: '1765414800123' }),
    ).toEqual({ channel: 'zalo', providerMessageId: 'a1b2', deliveryId: 'd-1', delivered: true, at: new Date('2025-12-11T01:00:00Z') });
  });

  it('ignores other events and events without an id', () => {
    expect(parseZaloDeliveryEvent({ event_name: 'user_send_text', message: { msg_id: 'a1b2' } })).toBeNull();
    expect(parseZaloDeliveryEvent({ event_name: 'user_received_message', message: {} })).toBeNull();
    expect(parseZaloDeliveryEvent('user_received_message')).toBeNull();
  });
});
