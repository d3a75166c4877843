import { describe, expect, it } from '@jest/globals';
import type { ChannelName } from '../channels/channel.js';
import { deliveryWhy, type DeliveryFacts } from './delivery-words.js';

const ALLOWED = { configured: true, committeeUses: true, personChose: true, hasAddress: true };

function facts(channel: ChannelName, overrides: Partial<DeliveryFacts> = {}): DeliveryFacts {
  return {
    channel,
    status: null,
    errorCode: null,
    attempts: 0,
    notBefore: null,
    sentAt: null,
    deliveredAt: null,
    settings: ALLOWED,
    zaloSent: false,
    dispatched: true,
    beforeChannels: false,
    ...overrides,
  };
}

// 01:05 UTC is 08:05 in Vietnam; 23:00 UTC on 6 December is 06:00 on 7 December there.
const SENT_AT = new Date('2026-12-05T01:05:00Z');
const MORNING = new Date('2026-12-06T23:00:00Z');

describe('why a channel did or did not carry a notification', () => {
  it.each([
    ['a delivered SMS', facts('sms', { status: 'DELIVERED', sentAt: SENT_AT, deliveredAt: new Date('2026-12-05T01:06:00Z') }), 'Tin đã đến máy điện thoại lúc 8 giờ 06 ngày 05/12/2026.'],
    ['a sent email', facts('email', { status: 'SENT', sentAt: SENT_AT }), 'Đã gửi thư lúc 8 giờ 05 ngày 05/12/2026.'],
    ['a sent Zalo message', facts('zalo', { status: 'SENT', sentAt: SENT_AT }), 'Đã gửi lúc 8 giờ 05 ngày 05/12/2026; chưa có tin báo đã đến máy điện thoại.'],
    ['an SMS held for the night', facts('sms', { status: 'WAITING', notBefore: MORNING }), 'Không nhắn tin ban đêm; sẽ gửi lúc 6 giờ 00 ngày 07/12/2026.'],
    ['a second attempt under way', facts('zalo', { status: 'SENDING', attempts: 2 }), 'Đang gửi lại (lần thứ 2).'],
    ['a number without Zalo', facts('zalo', { status: 'FAILED', errorCode: '-118', attempts: 1 }), 'Không gửi được: số điện thoại này không nhận được tin Zalo (chưa dùng Zalo hoặc đã chặn tin).'],
    ['an SMS gateway out of money, after three tries', facts('sms', { status: 'FAILED', errorCode: '103', attempts: 3 }), 'Không gửi được (đã thử 3 lần): tài khoản gửi tin nhắn đã hết tiền. Đề nghị đồng chí báo quản trị hệ thống.'],
    ['a refusal nobody has words for', facts('email', { status: 'FAILED', errorCode: 'SMTP_421', attempts: 5 }), 'Không gửi được (đã thử 5 lần).'],
    ['a skip the workflow explained', facts('email', { status: 'SKIPPED', errorCode: 'NO_ADDRESS' }), 'Chưa có địa chỉ thư điện tử.'],
    ['a provider busy until the workflow gave up', facts('sms', { status: 'FAILED', errorCode: 'GAVE_UP', attempts: 12 }), 'Không gửi được (đã thử 12 lần): nhà cung cấp nhiều lần báo bận hoặc không trả lời; đã ngừng thử lại.'],
    ['a Zalo send never confirmed', facts('zalo', { status: 'FAILED', errorCode: 'UNCONFIRMED', attempts: 1 }), 'Không gửi được: không rõ tin đã đến chưa: nhà cung cấp không trả lời và không báo lại; không gửi lại để tránh gửi trùng.'],
    ['a paid message not needed once read', facts('sms', { status: 'SKIPPED', errorCode: 'READ_IN_APP' }), 'Không cần gửi: người nhận đã đọc thông báo trên trang.'],
    ['an email refused for its address', facts('email', { status: 'FAILED', errorCode: 'SMTP_550', attempts: 1 }), 'Không gửi được: máy chủ thư của người nhận không nhận địa chỉ này.'],
    ['a skip for a kind ZNS does not carry', facts('zalo', { status: 'SKIPPED', errorCode: 'NOT_FOR_THIS_NOTICE' }), 'Thông báo loại này không gửi qua Zalo ZNS.'],
  ])('%s', (_, given, sentence) => {
    expect(deliveryWhy(given, 'vi')).toBe(sentence);
  });

  it('explains a channel without a row by the first setting that rules it out: server, committee, person, address', () => {
    expect(deliveryWhy(facts('zalo', { settings: { ...ALLOWED, configured: false, committeeUses: false } }), 'vi')).toBe('Zalo ZNS chưa được cấu hình trên máy chủ.');
    expect(deliveryWhy(facts('sms', { settings: { ...ALLOWED, committeeUses: false, personChose: false } }), 'vi')).toBe('Đảng ủy chưa dùng kênh Tin nhắn SMS.');
    expect(deliveryWhy(facts('email', { settings: { ...ALLOWED, personChose: false, hasAddress: false } }), 'vi')).toBe('Người nhận không chọn nhận thông báo qua Thư điện tử.');
    expect(deliveryWhy(facts('sms', { settings: { ...ALLOWED, hasAddress: false } }), 'vi')).toBe('Chưa có số điện thoại.');
    expect(deliveryWhy(facts('sms', { zaloSent: true }), 'vi')).toBe('Không cần gửi: tin Zalo đã gửi được.');
    expect(deliveryWhy(facts('email'), 'vi')).toBe('Thông báo này không gửi qua Thư điện tử.');
  });

  it('says a notification not yet taken up is waiting, and one from before the channels is older than them', () => {
    expect(deliveryWhy(facts('email', { dispatched: false }), 'vi')).toBe('Đang chờ gửi.');
    expect(deliveryWhy(facts('sms', { beforeChannels: true, settings: { ...ALLOWED, hasAddress: false } }), 'vi')).toBe('Thông báo có trước khi hệ thống gửi tin qua các kênh này.');
  });

  it('speaks English when asked', () => {
    expect(deliveryWhy(facts('zalo', { settings: { ...ALLOWED, configured: false } }), 'en')).toBe('Zalo ZNS is not configured on the server.');
    expect(deliveryWhy(facts('email', { status: 'SENT', sentAt: SENT_AT }), 'en')).toBe('Sent at 08:05, 05/12/2026 (Vietnam time).');
    expect(deliveryWhy(facts('sms', { status: 'FAILED', errorCode: '108', attempts: 1 }), 'en')).toBe('Not sent: the phone number is not valid.');
  });
});
