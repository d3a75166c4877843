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

/** The settings that decide whether a channel may carry a person's notifications, as they are now. */
export interface ChannelSettings {
  /** The installation has the provider's settings (AppConfig.notifications). */
  configured: boolean;
  committeeUses: boolean;
  personChose: boolean;
  hasAddress: boolean;
  /** The account is active: the delivery workflow sends nothing to a deactivated one. */
  personActive: boolean;
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
  /** The kind of notification goes by phone at all (ZNS and SMS carry invitations, reminders, deadlines, lessons). */
  kindByPhone: boolean;
  /** The same notification's Zalo message was sent or delivered: SMS only stands in when Zalo fails. */
  zaloSent: boolean;
  /** The workflow has taken the notification up (notifications.dispatched_at). */
  dispatched: boolean;
  /** Written before the channels existed (no delivery queue): no channel ever carried it. */
  beforeChannels: boolean;
}

const HELP = { vi: ' Đề nghị đồng chí báo quản trị hệ thống.', en: ' Tell the system administrator.' };
const NO_PHONE: Template = { vi: 'Chưa có số điện thoại.', en: 'No phone number.' };
const NOT_FOR_THIS_KIND: Template = { vi: 'Thông báo loại này không gửi qua {channel}.', en: 'This kind of notification is not sent by {channel}.' };

/** What a code means, on the channels it is stored for (all when not said). */
interface CodeWords {
  codes: readonly string[] | RegExp;
  channels?: readonly ChannelName[];
  words: Template;
}

/**
 * The codes a delivery row holds, in words: those the delivery workflow writes when it skips or gives up on a
 * channel (activities/notification-delivery), and the providers' refusals as the adapters store them
 * (notifications.md). {channel} is the channel's name.
 */
const CODE_WORDS: readonly CodeWords[] = [
  { codes: ['DEACTIVATED'], words: { vi: 'Tài khoản của người nhận đã ngừng hoạt động.', en: 'The person’s account is deactivated.' } },
  { codes: ['NOT_USED_BY_COMMITTEE'], words: { vi: 'Đảng ủy chưa dùng kênh {channel}.', en: 'The committee does not use {channel}.' } },
  { codes: ['NOT_CONFIGURED'], words: { vi: '{channel} chưa được cấu hình trên máy chủ.', en: '{channel} is not configured on the server.' } },
  { codes: ['NOT_CHOSEN'], words: { vi: 'Người nhận không chọn nhận thông báo qua {channel}.', en: 'The person did not choose {channel}.' } },
  { codes: ['NO_ADDRESS'], channels: ['email'], words: { vi: 'Chưa có địa chỉ thư điện tử.', en: 'No email address.' } },
  { codes: ['NO_ADDRESS', 'NO_PHONE'], channels: ['zalo', 'sms'], words: NO_PHONE },
  { codes: ['NOT_FOR_THIS_NOTICE', 'NOT_BY_PHONE'], words: NOT_FOR_THIS_KIND },
  { codes: ['NOT_NEEDED'], words: { vi: 'Không cần gửi: tin Zalo đã gửi được.', en: 'Not needed: the Zalo message was sent.' } },
  { codes: ['NO_FALLBACK'], words: { vi: 'Không gửi: điều khiến tin Zalo không gửi được cũng ngăn tin nhắn.', en: 'Not sent: what stopped the Zalo message stops the SMS too.' } },
  { codes: ['READ_IN_APP'], words: { vi: 'Không cần gửi: người nhận đã đọc thông báo trong ứng dụng.', en: 'Not needed: the person read it in the app.' } },
  { codes: ['CYCLE_CANCELLED'], words: { vi: 'Không gửi nữa: Đảng ủy đã hủy đợt sinh hoạt.', en: 'Not sent any more: the committee cancelled the cycle.' } },
  { codes: ['GAVE_UP'], words: { vi: 'Dịch vụ gửi tin liên tục báo bận hoặc không trả lời.', en: 'The provider kept failing or did not answer.' } },
  { codes: ['UNCONFIRMED'], words: { vi: 'Zalo không xác nhận đã gửi tin.', en: 'Zalo never confirmed the message.' } },
  { codes: /^HTTP_\d+$/, words: { vi: `Dịch vụ gửi tin từ chối yêu cầu; cấu hình trên máy chủ có thể có lỗi.${HELP.vi}`, en: `The provider refused the request; the server's settings may be wrong.${HELP.en}` } },
  // Zalo ZNS
  { codes: ['-108'], channels: ['zalo'], words: { vi: 'Số điện thoại không đúng.', en: 'The phone number is not valid.' } },
  {
    codes: ['-110', '-114', '-118', '-119'],
    channels: ['zalo'],
    words: { vi: 'Số điện thoại này không nhận được tin Zalo (chưa dùng Zalo hoặc đã chặn tin).', en: 'This number cannot receive Zalo messages (no Zalo account, or messages blocked).' },
  },
  { codes: ['-115'], channels: ['zalo'], words: { vi: 'Đã hết số tin Zalo được gửi trong ngày.', en: 'The daily quota of Zalo messages was used up.' } },
  {
    codes: ['-109', '-111', '-112', '-116', '-117', 'NO_TEMPLATE'],
    channels: ['zalo'],
    words: { vi: `Mẫu tin Zalo chưa được duyệt hoặc nội dung không khớp mẫu.${HELP.vi}`, en: `The Zalo template is not approved or the text does not fit it.${HELP.en}` },
  },
  {
    codes: ['-101', '-102', '-103', '-104', '-105', '-106', '-107', '-124', '-220'],
    channels: ['zalo'],
    words: { vi: `Cấu hình Zalo trên máy chủ có lỗi.${HELP.vi}`, en: `The server's Zalo settings are wrong.${HELP.en}` },
  },
  // eSMS
  { codes: ['108'], channels: ['sms'], words: { vi: 'Số điện thoại không đúng.', en: 'The phone number is not valid.' } },
  { codes: ['103'], channels: ['sms'], words: { vi: `Tài khoản gửi tin nhắn đã hết tiền.${HELP.vi}`, en: `The SMS account has no balance left.${HELP.en}` } },
  {
    codes: ['99', '101', '104', '140', '146'],
    channels: ['sms'],
    words: { vi: `Cấu hình gửi tin nhắn trên máy chủ có lỗi.${HELP.vi}`, en: `The server's SMS settings are wrong.${HELP.en}` },
  },
  { codes: ['REJECTED', 'SEND_FAILED'], channels: ['sms'], words: { vi: 'Nhà mạng báo tin nhắn không đến được máy điện thoại.', en: 'The carrier reported the message was not delivered.' } },
  // SMTP
  { codes: ['BAD_ADDRESS'], channels: ['email'], words: { vi: 'Địa chỉ thư điện tử không đúng.', en: 'The email address is not valid.' } },
  { codes: ['SMTP_550', 'SMTP_551', 'SMTP_553'], channels: ['email'], words: { vi: 'Máy chủ thư của người nhận không nhận địa chỉ này.', en: "The recipient's mail server refused this address." } },
  { codes: ['SMTP_552'], channels: ['email'], words: { vi: 'Hộp thư của người nhận đã đầy.', en: "The recipient's mailbox is full." } },
  { codes: /^SMTP_5\d\d$/, channels: ['email'], words: { vi: 'Máy chủ thư của người nhận từ chối thư.', en: "The recipient's mail server refused the message." } },
];

function at(date: Date, language: Language): string {
  return language === 'vi' ? vietnamTime(date.getTime()) : englishVietnamTime(date.getTime());
}

/** The sentence a stored code means on this channel, or null when nobody has words for it. */
function codeSentence(code: string | null, channel: ChannelName, language: Language): string | null {
  if (code === null) return null;
  const found = CODE_WORDS.find(
    (entry) => (entry.channels ?? [channel]).includes(channel) && (entry.codes instanceof RegExp ? entry.codes.test(code) : entry.codes.includes(code)),
  );
  return found ? fill(found.words[language], { channel: CHANNEL_LABELS[channel][language] }) : null;
}

/**
 * Why a channel with no row (or a skipped one whose code says nothing) did not carry the notification, from the
 * settings as they are now, checked in the delivery workflow's order; null when they all allow it.
 */
function notTriedBecause(facts: DeliveryFacts): string | null {
  const { settings } = facts;
  if (facts.channel !== 'email' && !facts.kindByPhone) return 'NOT_FOR_THIS_NOTICE';
  if (!settings.personActive) return 'DEACTIVATED';
  if (!settings.committeeUses) return 'NOT_USED_BY_COMMITTEE';
  if (!settings.configured) return 'NOT_CONFIGURED';
  if (!settings.personChose) return 'NOT_CHOSEN';
  if (!settings.hasAddress) return 'NO_ADDRESS';
  if (facts.channel === 'sms' && facts.zaloSent) return 'NOT_NEEDED';
  return null;
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
      const when = facts.sentAt ? (vi ? ` lúc ${at(facts.sentAt, language)}` : ` at ${at(facts.sentAt, language)}`) : '';
      if (channel === 'email') return vi ? `Đã gửi thư${when}.` : `Sent${when}.`;
      return vi ? `Đã gửi${when}; chưa có tin báo đã đến máy điện thoại.` : `Sent${when}; no report of delivery yet.`;
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
      const tries = facts.attempts > 1 ? (vi ? ` (đã thử ${facts.attempts} lần)` : ` (${facts.attempts} attempts)`) : '';
      const failed = `${vi ? 'Không gửi được' : 'Not sent'}${tries}`;
      const known = codeSentence(facts.errorCode, channel, language);
      return known ? `${failed}: ${lowerFirst(known)}` : `${failed}.`;
    }
    case 'SKIPPED':
      return codeSentence(facts.errorCode, channel, language) ?? codeSentence(notTriedBecause(facts), channel, language) ?? notSentBy(channel, language);
    case null:
      if (facts.beforeChannels) return vi ? 'Thông báo có trước khi hệ thống gửi tin qua các kênh này.' : 'Written before the system sent by these channels.';
      if (!facts.dispatched) return vi ? 'Đang chờ gửi.' : 'Waiting to be sent.';
      return codeSentence(notTriedBecause(facts), channel, language) ?? notSentBy(channel, language);
  }
}

/** A channel every setting allows that still did not carry it. */
function notSentBy(channel: ChannelName, language: Language): string {
  return language === 'vi' ? `Thông báo này không gửi qua ${CHANNEL_LABELS[channel].vi}.` : `This notification was not sent by ${CHANNEL_LABELS[channel].en}.`;
}

/** "Số điện thoại…" after a colon reads "số điện thoại…"; a name (Zalo, Đảng ủy) keeps its capital. */
function lowerFirst(sentence: string): string {
  return /^(Zalo|Đảng ủy)/.test(sentence) ? sentence : sentence.charAt(0).toLocaleLowerCase('vi') + sentence.slice(1);
}
