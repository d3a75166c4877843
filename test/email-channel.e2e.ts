/**
 * The email channel against a real SMTP server on 127.0.0.1 (test/support/smtp-inbox.ts): what arrives is
 * parsed as a mail client reads it; the server's "try later", "no such mailbox" and silence come back as the
 * outcomes the delivery rules need.
 */
import { randomUUID } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { AddressObject } from 'mailparser';
import type { OutgoingNotification } from '../libs/channels/channel.js';
import { createEmailAdapter } from '../libs/channels/email/email.adapter.js';
import { startSmtpInbox, waitForMail, type SmtpInbox } from './support/smtp-inbox.js';

const FROM = 'Sinh hoạt chi bộ điểm <khong-tra-loi@chibodiem.example>';
const ADDRESS = 'btnahoitay@chibodiem.example';
const BODY =
  'Đảng ủy trân trọng mời chi bộ cử đồng chí dự sinh hoạt chi bộ điểm “Sinh hoạt chi bộ điểm quý IV” tại Chi bộ thôn Na Hối Tày, 8 giờ 00 ngày 11/12/2026 (Thứ Sáu), Nhà văn hóa thôn Na Hối Tày. Đề nghị chi bộ xác nhận tham dự và báo tên đồng chí dự trước 17 giờ 00 ngày 09/12/2026.';

function invitation(email: string | null = ADDRESS): OutgoingNotification {
  const cycleId = randomUUID();
  return {
    notificationId: randomUUID(),
    deliveryId: randomUUID(),
    reason: 'INVITED',
    title: 'Giấy mời dự sinh hoạt chi bộ điểm',
    body: BODY,
    link: `https://chibodiem.example/dot/${cycleId}/xac-nhan`,
    recipient: { fullName: 'Lò Văn Pằng', email, phone: null },
    cycle: {
      title: 'Sinh hoạt chi bộ điểm quý IV',
      meetingAt: new Date('2026-12-11T01:00:00Z'),
      location: 'Nhà văn hóa thôn Na Hối Tày',
      hostCellName: 'Chi bộ thôn Na Hối Tày',
      planDueAt: new Date('2026-12-09T10:00:00Z'),
      critiqueClosesAt: null,
      reportDueAt: null,
      reviewDueAt: null,
      cancelReason: null,
    },
  };
}

const firstAddress = (header: AddressObject | AddressObject[] | undefined) => (Array.isArray(header) ? header[0] : header)?.value[0];

let inbox: SmtpInbox;
let adapter: ReturnType<typeof createEmailAdapter>;

beforeEach(async () => {
  inbox = await startSmtpInbox();
  adapter = createEmailAdapter({ smtpUrl: inbox.url, from: FROM });
});

afterEach(async () => {
  await adapter.close();
  await inbox.close();
});

describe('an email that arrives', () => {
  it('reads in Vietnamese as sent: UTF-8 subject, greeting, body, the link, an HTML part, a Message-ID of its delivery', async () => {
    const notification = invitation();
    const outcome = await adapter.send(notification);
    const [mail] = await waitForMail(inbox, 1);

    expect(outcome).toEqual({ kind: 'accepted', providerMessageId: mail.queueId });
    expect(mail.envelope).toEqual({ from: 'khong-tra-loi@chibodiem.example', to: [ADDRESS] });

    // Encoded on the wire, whole once decoded.
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(mail.parsed.subject).toBe('[Chi bộ điểm] Giấy mời dự sinh hoạt chi bộ điểm – “Sinh hoạt chi bộ điểm quý IV”');
    expect(firstAddress(mail.parsed.to)).toEqual({ name: 'Lò Văn Pằng', address: ADDRESS });
    expect(mail.parsed.from?.value[0]).toEqual({ name: 'Sinh hoạt chi bộ điểm', address: 'khong-tra-loi@chibodiem.example' });
    expect(mail.parsed.messageId).toBe(`<${notification.deliveryId}@chibodiem.example>`);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const text = mail.parsed.text ?? '';
    expect(text).toContain('Kính gửi đồng chí Lò Văn Pằng,');
    expect(text).toContain(BODY);
    expect(text).toContain(`Xác nhận tham dự: ${notification.link}`);
    expect(text).toContain('https://chibodiem.example/lien-lac');

    const html = mail.parsed.html || '';
    expect(html).toContain('Kính gửi đồng chí Lò Văn Pằng,');
    expect(html).toContain('Nhà văn hóa thôn Na Hối Tày');
    expect(html).toContain(`href="${notification.link}"`);
    expect(html).toContain('href="https://chibodiem.example/lien-lac"');
    expect(html).not.toMatch(/<img|src=/i);
  });

  it('is the same message when sent again: same Message-ID', async () => {
    const notification = invitation();
    expect((await adapter.send(notification)).kind).toBe('accepted');
    expect((await adapter.send(notification)).kind).toBe('accepted');
    const [first, second] = await waitForMail(inbox, 2);
    expect(second.parsed.messageId).toBe(first.parsed.messageId);
    expect(first.queueId).not.toBe(second.queueId);
  });
});

describe('what the server answers', () => {
  it('451 is tried again, and the next attempt is accepted', async () => {
    const notification = invitation();
    inbox.answerNext(1, { code: 451, message: '4.7.1 Greylisted, please try again later' });

    const first = await adapter.send(notification);
    expect(first).toMatchObject({ kind: 'retry', code: 'SMTP_451' });
    expect(inbox.refused).toBe(1);
    expect(inbox.received).toHaveLength(0);

    const second = await adapter.send(notification);
    const [mail] = await waitForMail(inbox, 1);
    expect(second).toEqual({ kind: 'accepted', providerMessageId: mail.queueId });
    expect(mail.parsed.messageId).toBe(`<${notification.deliveryId}@chibodiem.example>`);
  });

  it('550 for the mailbox is refused for good, and the refusal does not carry the address', async () => {
    inbox.answerNext(1, { code: 550, message: `5.1.1 <${ADDRESS}>: Recipient address rejected: User unknown`, at: 'rcpt' });
    const outcome = await adapter.send(invitation());
    expect(outcome).toMatchObject({ kind: 'refused', code: 'SMTP_550', fallbackToSms: false });
    const detail = outcome.kind === 'refused' ? outcome.detail : '';
    expect(detail).toContain('User unknown');
    expect(detail).not.toContain(ADDRESS);
    expect(detail).toContain('bt***@chibodiem.example');
    expect(inbox.received).toHaveLength(0);
  });

  it('554 after the message is refused for good', async () => {
    inbox.answerNext(1, { code: 554, message: '5.7.1 Message rejected by policy' });
    expect(await adapter.send(invitation())).toMatchObject({ kind: 'refused', code: 'SMTP_554', fallbackToSms: false });
  });

  it('a person without an email address is refused without asking the server', async () => {
    expect(await adapter.send(invitation(null))).toMatchObject({ kind: 'refused', code: 'NO_ADDRESS', fallbackToSms: false });
    expect(await adapter.send(invitation('  '))).toMatchObject({ kind: 'refused', code: 'NO_ADDRESS' });
    expect(inbox.received).toHaveLength(0);
    expect(inbox.refused).toBe(0);
  });
});

describe('a server that does not answer', () => {
  it('down: tried again later', async () => {
    const down = await startSmtpInbox();
    await down.close();
    const unreachable = createEmailAdapter({ smtpUrl: down.url, from: FROM });
    try {
      expect(await unreachable.send(invitation())).toMatchObject({ kind: 'retry', code: 'ECONNREFUSED' });
    } finally {
      await unreachable.close();
    }
  });

  it('silent after the connection: tried again once the wait for its greeting ends', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const slow = createEmailAdapter({ smtpUrl: `smtp://127.0.0.1:${port}/?connectionTimeout=500&greetingTimeout=500`, from: FROM });
    try {
      const started = Date.now();
      expect(await slow.send(invitation())).toMatchObject({ kind: 'retry', code: 'ETIMEDOUT' });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await slow.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
