import { describe, expect, it } from '@jest/globals';
import { ACTION_ITEM_NOTICES, NOTIFICATION_REASONS } from '../../domain/cycle-events.js';
import type { NotificationContext } from '../../wording/notification-texts.js';
import type { OutgoingNotification } from '../channel.js';
import { deepLinkOf } from '../deep-link.js';
import { contactsPageOf, emailContent } from './email-content.js';

const CYCLE_ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
/** Served under a path, as a commune's site may be: the footer's page must keep it. */
const PUBLIC_URL = 'https://dangbo.nahoi.vn/chibodiem';

const cycle: NotificationContext = {
  title: 'Sinh hoạt chi bộ điểm quý IV',
  meetingAt: new Date('2026-12-11T01:00:00Z'),
  location: 'Nhà văn hóa thôn Na Hối Tày',
  hostCellName: 'Chi bộ thôn Na Hối Tày',
  planDueAt: null,
  critiqueClosesAt: null,
  reportDueAt: null,
  reviewDueAt: null,
  cancelReason: null,
};

function invitation(overrides: Partial<OutgoingNotification> = {}): OutgoingNotification {
  return {
    notificationId: 'n-1',
    deliveryId: 'd-1',
    reason: 'INVITED',
    title: 'Giấy mời dự sinh hoạt chi bộ điểm',
    body: 'Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm “Sinh hoạt chi bộ điểm quý IV” tại Chi bộ thôn Na Hối Tày, 8 giờ 00 ngày 11/12/2026 (Thứ Sáu), Nhà văn hóa thôn Na Hối Tày.',
    link: deepLinkOf(PUBLIC_URL, 'INVITED', CYCLE_ID),
    recipient: { fullName: 'Lò Văn Pằng', email: 'lovanpang@example.vn', phone: null },
    cycle,
    ...overrides,
  };
}

/** Every address a message points at, in its href attributes and its plain text. */
const hrefsOf = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
const urlsOf = (text: string) => [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);

describe('the email of a notification', () => {
  it('tags the subject and names the cycle, on one line', () => {
    expect(emailContent(invitation()).subject).toBe('[Chi bộ điểm] Giấy mời dự sinh hoạt chi bộ điểm – “Sinh hoạt chi bộ điểm quý IV”');
    expect(emailContent(invitation({ title: 'Nhắc thực hiện\nviệc đã cam kết', cycle: null, reason: 'ACTION_ITEM_DUE_SOON' })).subject).toBe(
      '[Chi bộ điểm] Nhắc thực hiện việc đã cam kết',
    );
  });

  it('greets the person, gives the inbox’s words and the form to act on, in plain text', () => {
    const { text } = emailContent(invitation());
    expect(text.startsWith('Kính gửi đồng chí Lò Văn Pằng,\n')).toBe(true);
    expect(text).toContain('8 giờ 00 ngày 11/12/2026 (Thứ Sáu), Nhà văn hóa thôn Na Hối Tày.');
    expect(text).toContain(`Xác nhận tham dự: https://dangbo.nahoi.vn/chibodiem/dot/${CYCLE_ID}/xac-nhan`);
    expect(text).toContain('gửi tự động');
    expect(text).toContain('“Thông tin liên lạc”: https://dangbo.nahoi.vn/chibodiem/lien-lac');
    expect(urlsOf(text)).toEqual([`https://dangbo.nahoi.vn/chibodiem/dot/${CYCLE_ID}/xac-nhan`, 'https://dangbo.nahoi.vn/chibodiem/lien-lac']);
  });

  it('says the same in HTML: a button to the form, the contacts page, nothing loaded from elsewhere', () => {
    const { html } = emailContent(invitation());
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('Kính gửi đồng chí Lò Văn Pằng,');
    expect(html).toContain('8 giờ 00 ngày 11/12/2026 (Thứ Sáu)');
    expect(html).toMatch(new RegExp(`<a href="https://dangbo\\.nahoi\\.vn/chibodiem/dot/${CYCLE_ID}/xac-nhan"[^>]*>Xác nhận tham dự</a>`));
    expect(new Set(hrefsOf(html))).toEqual(new Set([`https://dangbo.nahoi.vn/chibodiem/dot/${CYCLE_ID}/xac-nhan`, 'https://dangbo.nahoi.vn/chibodiem/lien-lac']));
    expect(html).not.toMatch(/<img|<link|<script|<style|src=|url\(/i);
  });

  it('escapes what people typed, keeping their line breaks', () => {
    const { html, subject } = emailContent(
      invitation({
        reason: 'CANCELLED',
        title: 'Hủy đợt sinh hoạt chi bộ điểm',
        body: 'Đảng ủy đã hủy đợt sinh hoạt (lý do: <b>mưa lũ</b> & sạt lở "đường vào thôn").\nSẽ báo lịch mới.',
        recipient: { fullName: 'Vàng <i>Seo</i> Chứ', email: 'x@example.vn', phone: null },
      }),
    );
    expect(html).toContain('lý do: &lt;b&gt;mưa lũ&lt;/b&gt; &amp; sạt lở &quot;đường vào thôn&quot;).<br>Sẽ báo lịch mới.');
    expect(html).toContain('Kính gửi đồng chí Vàng &lt;i&gt;Seo&lt;/i&gt; Chứ,');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(subject).toBe('[Chi bộ điểm] Hủy đợt sinh hoạt chi bộ điểm – “Sinh hoạt chi bộ điểm quý IV”');
  });

  it('offers to read more where no form acts on it, and greets a person with no name on record', () => {
    const { text, html } = emailContent(invitation({ reason: 'RATED', link: deepLinkOf(PUBLIC_URL, 'RATED', CYCLE_ID), recipient: { fullName: ' ', email: 'a@b.vn', phone: null } }));
    expect(text).toContain(`Xem chi tiết: https://dangbo.nahoi.vn/chibodiem/dot/${CYCLE_ID}\n`);
    expect(text.startsWith('Kính gửi đồng chí,\n')).toBe(true);
    expect(html).toContain('>Xem chi tiết</a>');
  });

  it('writes no code a person should not read, whatever the reason', () => {
    for (const reason of [...NOTIFICATION_REASONS, ...ACTION_ITEM_NOTICES]) {
      const { subject, text, html } = emailContent(invitation({ reason, link: deepLinkOf(PUBLIC_URL, reason, CYCLE_ID) }));
      for (const words of [subject, text, html.replace(/<[^>]*>/g, '')]) {
        expect(words).not.toContain(reason);
        expect(words).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC|undefined|null/);
      }
      expect(text).not.toContain('d-1');
      expect(text).not.toContain('n-1');
    }
  });
});

describe('the contacts page of a link', () => {
  it.each([
    [deepLinkOf('https://dangbo.nahoi.vn/chibodiem', 'CRITIQUE_OPEN', CYCLE_ID), 'https://dangbo.nahoi.vn/chibodiem/lien-lac'],
    [deepLinkOf('https://dangbo.nahoi.vn', 'PLAN_POSTED', CYCLE_ID), 'https://dangbo.nahoi.vn/lien-lac'],
    [deepLinkOf('http://localhost:3000', 'ACTION_ITEM_OVERDUE', null), 'http://localhost:3000/lien-lac'],
    ['https://dangbo.nahoi.vn/chibodiem/khac/trang', 'https://dangbo.nahoi.vn/lien-lac'],
  ])('%s → %s', (link, contacts) => {
    expect(contactsPageOf(link)).toBe(contacts);
  });
});
