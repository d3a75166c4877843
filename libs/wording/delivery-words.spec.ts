import { describe, expect, it } from '@jest/globals';
import type { ChannelName } from '../channels/channel.js';
import { deliveryWhy, type DeliveryFacts } from './delivery-words.js';

const ALLOWED = { configured: true, committeeUses: true, personChose: true, hasAddress: true, personActive: true };

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
    kindByPhone: true,
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
    ['an address the mail server refuses', facts('email', { status: 'FAILED', errorCode: 'SMTP_550', attempts: 1 }), 'Không gửi được: máy chủ thư của người nhận không nhận địa chỉ này.'],
    ['any other permanent SMTP refusal', facts('email', { status: 'FAILED', errorCode: 'SMTP_554', attempts: 1 }), 'Không gửi được: máy chủ thư của người nhận từ chối thư.'],
    ['a provider that kept failing', facts('sms', { status: 'FAILED', errorCode: 'GAVE_UP', attempts: 8 }), 'Không gửi được (đã thử 8 lần): dịch vụ gửi tin liên tục báo bận hoặc không trả lời.'],
    ['a Zalo message never confirmed', facts('zalo', { status: 'FAILED', errorCode: 'UNCONFIRMED', attempts: 1 }), 'Không gửi được: Zalo không xác nhận đã gửi tin.'],
    ['a channel the server lost its settings for', facts('zalo', { status: 'FAILED', errorCode: 'NOT_CONFIGURED', attempts: 1 }), 'Không gửi được: Zalo ZNS chưa được cấu hình trên máy chủ.'],
    ['a gateway that refuses the request itself', facts('sms', { status: 'FAILED', errorCode: 'HTTP_401', attempts: 1 }), 'Không gửi được: dịch vụ gửi tin từ chối yêu cầu; cấu hình trên máy chủ có thể có lỗi. Đề nghị đồng chí báo quản trị hệ thống.'],
    ['an SMS the carrier could not deliver', facts('sms', { status: 'FAILED', errorCode: 'SEND_FAILED', attempts: 1 }), 'Không gửi được: nhà mạng báo tin nhắn không đến được máy điện thoại.'],
    ['a message read in the app while it waited', facts('sms', { status: 'SKIPPED', errorCode: 'READ_IN_APP' }), 'Không cần gửi: người nhận đã đọc thông báo trong ứng dụng.'],
    ['a cycle cancelled before the morning', facts('zalo', { status: 'SKIPPED', errorCode: 'CYCLE_CANCELLED' }), 'Không gửi nữa: Đảng ủy đã hủy đợt sinh hoạt.'],
    ['an SMS Zalo’s failure rules out too', facts('sms', { status: 'SKIPPED', errorCode: 'NO_FALLBACK' }), 'Không gửi: điều khiến tin Zalo không gửi được cũng ngăn tin nhắn.'],
    ['a deactivated account', facts('email', { status: 'SKIPPED', errorCode: 'DEACTIVATED' }), 'Tài khoản của người nhận đã ngừng hoạt động.'],
    ['a skip the workflow explained', facts('email', { status: 'SKIPPED', errorCode: 'NO_ADDRESS' }), 'Chưa có địa chỉ thư điện tử.'],
    ['a skip for a kind ZNS does not carry', facts('zalo', { status: 'SKIPPED', errorCode: 'NOT_FOR_THIS_NOTICE' }), 'Thông báo loại này không gửi qua Zalo ZNS.'],
  ])('%s', (_, given, sentence) => {
    expect(deliveryWhy(given, 'vi')).toBe(sentence);
  });

  it('explains a channel without a row by the first thing that rules it out, in the delivery workflow’s order: kind, account, committee, server, person, address', () => {
    expect(deliveryWhy(facts('zalo', { kindByPhone: false, settings: { ...ALLOWED, personActive: false } }), 'vi')).toBe('Thông báo loại này không gửi qua Zalo ZNS.');
    expect(deliveryWhy(facts('email', { kindByPhone: false, settings: { ...ALLOWED, personActive: false, committeeUses: false } }), 'vi')).toBe('Tài khoản của người nhận đã ngừng hoạt động.');
    expect(deliveryWhy(facts('zalo', { settings: { ...ALLOWED, configured: false, committeeUses: false } }), 'vi')).toBe('Đảng ủy chưa dùng kênh Zalo ZNS.');
    expect(deliveryWhy(facts('zalo', { settings: { ...ALLOWED, configured: false, personChose: false } }), 'vi')).toBe('Zalo ZNS chưa được cấu hình trên máy chủ.');
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
    expect(deliveryWhy(facts('zalo', { status: 'SKIPPED', errorCode: 'CYCLE_CANCELLED' }), 'en')).toBe('Not sent any more: the committee cancelled the cycle.');
  });
});
