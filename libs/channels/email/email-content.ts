import type { ActionItemNotice, NotificationReason } from '../../domain/cycle-events.js';
import type { OutgoingNotification } from '../channel.js';

/** The message a person reads: a UTF-8 subject, a plain-text body and the same as simple HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/**
 * Tells this product's mail apart in a crowded inbox: the name secretaries know the work by, short enough
 * to leave the notification's own title visible on a phone.
 */
export const SUBJECT_TAG = '[Chi bộ điểm]';

/** The page where a person chooses which messages reach them, and how. */
const CONTACTS_PAGE = 'lien-lac';

/**
 * What the button says, for the notifications whose link opens a form (deep-link.ts); the others open a page
 * to read, and say so.
 */
const ACTION_LABELS: Partial<Record<NotificationReason | ActionItemNotice, string>> = {
  HOST_SELECTION_NEEDED: 'Chọn chi bộ điểm',
  HOST_SELECTION_REMINDER: 'Chọn chi bộ điểm',
  INVITED: 'Xác nhận tham dự',
  RSVP_REMINDER: 'Xác nhận tham dự',
  RESCHEDULED_RECONFIRM: 'Xác nhận tham dự',
  CHOSEN_AS_HOST: 'Gửi chương trình, tài liệu sinh hoạt',
  PLAN_DUE_SOON: 'Gửi chương trình, tài liệu sinh hoạt',
  PLAN_REMINDER: 'Gửi chương trình, tài liệu sinh hoạt',
  MEETING_RECORD_REMINDER: 'Ghi nhận buổi sinh hoạt',
  CRITIQUE_OPEN: 'Gửi nhận xét, góp ý',
  CRITIQUE_REMINDER: 'Gửi nhận xét, góp ý',
  REPORT_NEEDED: 'Gửi báo cáo rút kinh nghiệm',
  REPORT_REMINDER: 'Gửi báo cáo rút kinh nghiệm',
  REPORT_OVERDUE: 'Gửi báo cáo rút kinh nghiệm',
  REVISION_REQUESTED: 'Hoàn thiện báo cáo rút kinh nghiệm',
  REVIEW_NEEDED: 'Đánh giá báo cáo rút kinh nghiệm',
  REVIEW_REMINDER: 'Đánh giá báo cáo rút kinh nghiệm',
  LESSONS_SHARED: 'Xem bài học kinh nghiệm',
  ACTION_ITEM_DUE_SOON: 'Xem việc đã cam kết',
  ACTION_ITEM_OVERDUE: 'Xem việc đã cam kết',
  ACTION_ITEM_OVERDUE_ALERT: 'Xem việc đã cam kết',
};
const READ_MORE = 'Xem chi tiết';

/** Words the mail will carry in a header: one line, whatever the stored text held. */
const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
/** Escaped, with the line breaks the person wrote (a reason, a note) kept. */
const paragraphHtml = (value: string) => escapeHtml(value.trim()).replace(/\r?\n/g, '<br>');

/**
 * The contacts page on the same site as the notification's link. Links carry the public address and end in
 * /dot/<cycle>[/<page>] or /notifications (deep-link.ts), so the site, with any path it is served under, is
 * what comes before; a link of another shape falls back to its origin.
 */
export function contactsPageOf(link: string): string {
  const site = /^(https?:\/\/.+?)\/(?:dot\/[^/?#]+(?:\/[^/?#]+)?|notifications)\/?$/.exec(link)?.[1] ?? new URL(link).origin;
  return `${site}/${CONTACTS_PAGE}`;
}

/**
 * The email of a notification, in Vietnamese as a Party office writes it (language.md): the person greeted by
 * name, the inbox's own words (times already written in Vietnam time), one clear link to the page that acts
 * on it, and a footer that says the mail is automatic and where to change what arrives.
 */
export function emailContent(notification: OutgoingNotification): EmailContent {
  const title = oneLine(notification.title);
  const cycleTitle = notification.cycle ? oneLine(notification.cycle.title) : '';
  const subject = `${SUBJECT_TAG} ${title}${cycleTitle ? ` – “${cycleTitle}”` : ''}`;
  const name = oneLine(notification.recipient.fullName);
  const greeting = name ? `Kính gửi đồng chí ${name},` : 'Kính gửi đồng chí,';
  const action = ACTION_LABELS[notification.reason] ?? READ_MORE;
  const link = notification.link;
  const contacts = contactsPageOf(link);
  const automatic = 'Thư này do hệ thống Sinh hoạt chi bộ điểm gửi tự động, đồng chí không cần trả lời.';
  const choose = 'Đồng chí chọn những thông báo muốn nhận và cách nhận tại trang “Thông tin liên lạc”';

  const text = [
    greeting,
    '',
    notification.body.trim(),
    '',
    `${action}: ${link}`,
    '',
    '-- ',
    automatic,
    `${choose}: ${contacts}`,
    '',
  ].join('\n');

  const html = `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f6f4ef">
<div style="max-width:560px;margin:0 auto;padding:12px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="background:#a50e0e;color:#ffffff;padding:8px 16px;font-weight:bold">Sinh hoạt chi bộ điểm</div>
<div style="background:#ffffff;border:1px solid #dddddd;padding:16px">
<p style="margin:0 0 12px">${escapeHtml(greeting)}</p>
<h1 style="font-size:20px;line-height:1.3;margin:0 0 12px">${escapeHtml(title)}</h1>
<p style="margin:0 0 20px">${paragraphHtml(notification.body)}</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(link)}" style="display:inline-block;background:#a50e0e;color:#ffffff;text-decoration:none;font-weight:bold;padding:12px 20px;border-radius:6px">${escapeHtml(action)}</a></p>
<p style="margin:0;font-size:14px;color:#555555">Nếu nút trên không mở được, đồng chí mở địa chỉ: <a href="${escapeHtml(link)}" style="color:#a50e0e;word-break:break-all">${escapeHtml(link)}</a></p>
</div>
<p style="margin:12px 0 0;font-size:13px;color:#555555">${escapeHtml(automatic)} ${escapeHtml(choose)}: <a href="${escapeHtml(contacts)}" style="color:#a50e0e">${escapeHtml(contacts)}</a></p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}
