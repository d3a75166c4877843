import type { ChannelName } from '../channels/channel.js';
import { fill, type Language, type Template } from './language.js';
import { englishVietnamTime, vietnamTime } from './vietnam-time.js';

/** The states of one channel's delivery of one notification (notification_deliveries.status). */
export const DELIVERY_STATUSES = ['PENDING', 'WAITING', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'SKIPPED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A channel by the name people know it by. */
export const CHANNEL_LABELS: Record<ChannelName, Template> = {
  email: { vi: 'Thư điện tử', en: 'Email' },
  zalo: { vi: 'Zalo ZNS', en: 'Zalo ZNS' },
  sms: { vi: 'Tin nhắn SMS', en: 'SMS' },
};

/** What each channel carries, in one sentence (notifications.md), for the person who chooses it. */
export const CHANNEL_PURPOSES: Record<ChannelName, Template> = {
  email: {
    vi: 'Mọi thông báo, kèm đường dẫn mở đúng trang cần làm.',
    en: 'Every notification, with a link to the page that acts on it.',
  },
  zalo: {
    vi: 'Thư mời, lời nhắc, báo quá hạn và bài học kinh nghiệm, gửi vào Zalo của số điện thoại.',
    en: 'Invitations, reminders, deadlines passed and lessons shared, to the Zalo account of the phone number.',
  },
  sms: {
    vi: 'Như tin Zalo, gửi bằng tin nhắn khi số điện thoại không nhận được tin Zalo.',
    en: 'The same as Zalo, by text message when the number cannot receive Zalo messages.',
  },
};

/**
 * Why a channel was not used for a notification. The delivery workflow writes one of these as the error code
 * of a SKIPPED row; where there is no row at all, the report works the reason out from the settings as they are.
 */
export const SKIP_CODES = ['NOT_CONFIGURED', 'NOT_USED_BY_COMMITTEE', 'NOT_CHOSEN', 'NO_ADDRESS', 'NOT_NEEDED', 'NOT_FOR_THIS_NOTICE'] as const;
export type SkipCode = (typeof SKIP_CODES)[number];

/** The settings that decide whether a channel may carry a person's notifications, as they are now. */
export interface ChannelSettings {
  /** The installation has the provider's settings (AppConfig.notifications). */
  configured: boolean;
  committeeUses: boolean;
  personChose: boolean;
  hasAddress: boolean;
}

/** One channel of one notification, as the report knows it: its delivery row (null when there is none) and the settings. */
export interface DeliveryFacts {
  channel: ChannelName;
  status: DeliveryStatus | null;
  errorCode: string | null;
  attempts: number;
  notBefore: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  settings: ChannelSettings;
  /** The same notification's Zalo message was sent or delivered: SMS only stands in when Zalo fails. */
  zaloSent: boolean;
  /** The workflow has taken the notification up (notifications.dispatched_at). */
  dispatched: boolean;
  /** Written before the channels existed (no delivery queue): no channel ever carried it. */
  beforeChannels: boolean;
}

const SKIPPED: Record<SkipCode, Template> = {
  NOT_CONFIGURED: { vi: '{channel} chưa được cấu hình trên máy chủ.', en: '{channel} is not configured on the server.' },
  NOT_USED_BY_COMMITTEE: { vi: 'Đảng ủy chưa dùng kênh {channel}.', en: 'The committee does not use {channel}.' },
  NOT_CHOSEN: { vi: 'Người nhận không chọn nhận thông báo qua {channel}.', en: 'The person did not choose {channel}.' },
  NO_ADDRESS: { vi: '', en: '' },
  NOT_NEEDED: { vi: 'Không cần gửi: tin Zalo đã gửi được.', en: 'Not needed: the Zalo message was sent.' },
  NOT_FOR_THIS_NOTICE: { vi: 'Thông báo loại này không gửi qua {channel}.', en: 'This kind of notification is not sent by {channel}.' },
};

const NO_ADDRESS: Record<ChannelName, Template> = {
  email: { vi: 'Chưa có địa chỉ thư điện tử.', en: 'No email address.' },
  zalo: { vi: 'Chưa có số điện thoại.', en: 'No phone number.' },
  sms: { vi: 'Chưa có số điện thoại.', en: 'No phone number.' },
};

const HELP = { vi: ' Đề nghị đồng chí báo quản trị hệ thống.', en: ' Tell the system administrator.' };

/** What a provider's refusal means to a person, by channel and the code the adapter stored (notifications.md). */
const FAILURES: Record<ChannelName, { codes: readonly string[]; words: Template }[]> = {
  zalo: [
    { codes: ['-108'], words: { vi: 'Số điện thoại không đúng.', en: 'The phone number is not valid.' } },
    {
      codes: ['-110', '-114', '-118', '-119'],
      words: { vi: 'Số điện thoại này không nhận được tin Zalo (chưa dùng Zalo hoặc đã chặn tin).', en: 'This number cannot receive Zalo messages (no Zalo account, or messages blocked).' },
    },
    { codes: ['-115'], words: { vi: 'Đã hết số tin Zalo được gửi trong ngày.', en: 'The daily quota of Zalo messages was used up.' } },
    {
      codes: ['-109', '-111', '-112', '-116', '-117'],
      words: { vi: `Mẫu tin Zalo chưa được duyệt hoặc nội dung không khớp mẫu.${HELP.vi}`, en: `The Zalo template is not approved or the text does not fit it.${HELP.en}` },
    },
    {
      codes: ['-101', '-102', '-103', '-104', '-105', '-106', '-107', '-124', '-220'],
      words: { vi: `Cấu hình Zalo trên máy chủ có lỗi.${HELP.vi}`, en: `The server's Zalo settings are wrong.${HELP.en}` },
    },
  ],
  sms: [
    { codes: ['108'], words: { vi: 'Số điện thoại không đúng.', en: 'The phone number is not valid.' } },
    { codes: ['103'], words: { vi: `Tài khoản gửi tin nhắn đã hết tiền.${HELP.vi}`, en: `The SMS account has no balance left.${HELP.en}` } },
    {
      codes: ['99', '101', '104', '140', '146'],
      words: { vi: `Cấu hình gửi tin nhắn trên máy chủ có lỗi.${HELP.vi}`, en: `The server's SMS settings are wrong.${HELP.en}` },
    },
  ],
  email: [
    {
      codes: ['550', '551', '553'],
      words: { vi: 'Máy chủ thư của người nhận không nhận địa chỉ này.', en: "The recipient's mail server refused this address." },
    },
    { codes: ['552'], words: { vi: 'Hộp thư của người nhận đã đầy.', en: "The recipient's mailbox is full." } },
  ],
};

function at(date: Date, language: Language): string {
  return language === 'vi' ? vietnamTime(date.getTime()) : englishVietnamTime(date.getTime());
}

function isSkipCode(code: string | null): code is SkipCode {
  return code !== null && (SKIP_CODES as readonly string[]).includes(code);
}

/** Why a channel that was not tried was not, from the settings as they are now; null when they all allow it. */
function notTriedBecause(facts: DeliveryFacts): SkipCode | null {
  const { settings } = facts;
  if (!settings.configured) return 'NOT_CONFIGURED';
  if (!settings.committeeUses) return 'NOT_USED_BY_COMMITTEE';
  if (!settings.personChose) return 'NOT_CHOSEN';
  if (!settings.hasAddress) return 'NO_ADDRESS';
  if (facts.channel === 'sms' && facts.zaloSent) return 'NOT_NEEDED';
  return null;
}

function skipped(code: SkipCode, channel: ChannelName, language: Language): string {
  if (code === 'NO_ADDRESS') return NO_ADDRESS[channel][language];
  return fill(SKIPPED[code][language], { channel: CHANNEL_LABELS[channel][language] });
}

/**
 * One sentence a person understands on what became of a notification on one channel: sent when, delivered when,
 * held until morning, or why it did not go (no phone, not chosen, not used by the committee, refused by the
 * provider and what that means). Never a provider's code or an address.
 */
export function deliveryWhy(facts: DeliveryFacts, language: Language): string {
  const vi = language === 'vi';
  const channel = facts.channel;
  switch (facts.status) {
    case 'DELIVERED': {
      const stamp = facts.deliveredAt ?? facts.sentAt;
      const when = stamp ? (vi ? ` lúc ${at(stamp, language)}` : ` at ${at(stamp, language)}`) : '';
      if (channel === 'email') return vi ? `Thư đã đến hộp thư${when}.` : `Delivered to the mailbox${when}.`;
      return vi ? `Tin đã đến máy điện thoại${when}.` : `Delivered to the phone${when}.`;
    }
    case 'SENT': {
      const when = facts.sentAt ? at(facts.sentAt, language) : null;
      if (channel === 'email') return vi ? `Đã gửi thư${when ? ` lúc ${when}` : ''}.` : `Sent${when ? ` at ${when}` : ''}.`;
      return vi ? `Đã gửi${when ? ` lúc ${when}` : ''}; chưa có tin báo đã đến máy điện thoại.` : `Sent${when ? ` at ${when}` : ''}; no report of delivery yet.`;
    }
    case 'SENDING':
      return facts.attempts > 1 ? (vi ? `Đang gửi lại (lần thứ ${facts.attempts}).` : `Sending again (attempt ${facts.attempts}).`) : vi ? 'Đang gửi.' : 'Sending.';
    case 'PENDING':
      return vi ? 'Đang chờ gửi.' : 'Waiting to be sent.';
    case 'WAITING':
      return facts.notBefore
        ? vi ? `Không nhắn tin ban đêm; sẽ gửi lúc ${at(facts.notBefore, language)}.` : `No messages at night; to be sent at ${at(facts.notBefore, language)}.`
        : vi ? 'Không nhắn tin ban đêm; sẽ gửi vào buổi sáng.' : 'No messages at night; to be sent in the morning.';
    case 'FAILED': {
      const known = FAILURES[channel].find((failure) => facts.errorCode !== null && failure.codes.includes(facts.errorCode));
      const tries = vi ? ` (đã thử ${facts.attempts} lần)` : ` (${facts.attempts} attempt${facts.attempts === 1 ? '' : 's'})`;
      const failed = `${vi ? 'Không gửi được' : 'Not sent'}${facts.attempts > 1 ? tries : ''}`;
      return known ? `${failed}: ${lowerFirst(known.words[language])}` : `${failed}.`;
    }
    case 'SKIPPED': {
      const code = isSkipCode(facts.errorCode) ? facts.errorCode : notTriedBecause(facts);
      return code ? skipped(code, channel, language) : notSentBy(channel, language);
    }
    case null: {
      if (facts.beforeChannels) return vi ? 'Thông báo có trước khi hệ thống gửi tin qua các kênh này.' : 'Written before the system sent by these channels.';
      if (!facts.dispatched) return vi ? 'Đang chờ gửi.' : 'Waiting to be sent.';
      const code = notTriedBecause(facts);
      return code ? skipped(code, channel, language) : notSentBy(channel, language);
    }
  }
}

/** A channel every setting allows that still did not carry it: the workflow chose not to (a kind ZNS does not carry). */
function notSentBy(channel: ChannelName, language: Language): string {
  return language === 'vi' ? `Thông báo này không gửi qua ${CHANNEL_LABELS[channel].vi}.` : `This notification was not sent by ${CHANNEL_LABELS[channel].en}.`;
}

/** "Số điện thoại…" after a colon reads "số điện thoại…". */
function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLocaleLowerCase('vi') + sentence.slice(1);
}
