import { describe, expect, it } from '@jest/globals';
import type { DeliveryPlan } from './notification-delivery.contract.js';
import { phoneChannelsOf, phoneSendAt, smsAfterZalo } from './notification-delivery.state.js';

const plan = (overrides: Partial<DeliveryPlan>): DeliveryPlan => ({
  channels: ['email', 'zalo', 'sms'],
  urgent: false,
  quietHours: { startMinute: 21 * 60, endMinute: 6 * 60 },
  retry: { initialIntervalMs: 1000, maximumIntervalMs: 10_000, maximumAttempts: 3 },
  settleWindowMs: 60_000,
  ...overrides,
});
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('the delivery workflow decisions', () => {
  it('tries Zalo before SMS, whatever order the plan lists them in', () => {
    expect(phoneChannelsOf(plan({ channels: ['sms', 'email', 'zalo'] }))).toEqual(['zalo', 'sms']);
    expect(phoneChannelsOf(plan({ channels: ['email'] }))).toEqual([]);
    expect(phoneChannelsOf(plan({ channels: ['sms'] }))).toEqual(['sms']);
  });

  it('holds phone channels in quiet hours unless the notification cannot wait', () => {
    expect(phoneSendAt(vn('2026-12-07T22:10:00'), plan({}))).toBe(vn('2026-12-08T06:00:00'));
    expect(phoneSendAt(vn('2026-12-07T22:10:00'), plan({ urgent: true }))).toBe(vn('2026-12-07T22:10:00'));
    expect(phoneSendAt(vn('2026-12-07T22:10:00'), plan({ quietHours: null }))).toBe(vn('2026-12-07T22:10:00'));
  });

  it('falls back to SMS only when Zalo failed in a way SMS may cure', () => {
    expect(smsAfterZalo('failed')).toBe(true);
    expect(smsAfterZalo('unknown')).toBe(true);
    expect(smsAfterZalo('reached')).toBe(false);
    expect(smsAfterZalo('failed-no-fallback')).toBe(false);
  });
});
