/**
 * The local mail catcher of `npm start` (scripts/lib/mail-catcher.mjs): a message sent to it with nodemailer
 * is listed on its page, newest first, in Vietnam time, and opens with its text and its HTML sandboxed; the
 * messages outlive a restart; a port already taken is named in the refusal.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTransport } from 'nodemailer';
import { startMailCatcher, type MailCatcher } from '../scripts/lib/mail-catcher.mjs';

const dataDir = mkdtempSync(join(tmpdir(), 'cbd-mail-'));
const LINK = 'http://localhost:3000/dot/5f0c7a2e-1d2b-4c3d-9e8f-7a6b5c4d3e2f/gop-y';
let catcher: MailCatcher;

/** Sends one message the way the apps do, and returns the id the catcher answered with. */
async function sendMail(subject: string): Promise<string> {
  const transport = createTransport(catcher.smtpUrl);
  try {
    const info = await transport.sendMail({
      from: 'Sinh hoạt chi bộ điểm <khong-tra-loi@chibodiem.local>',
      to: { name: 'Lò Văn Pằng', address: 'lovanpang@example.vn' },
      subject,
      text: `Kính gửi đồng chí Lò Văn Pằng,\n\nĐề nghị chi bộ gửi nhận xét, góp ý.\n\nGửi nhận xét, góp ý: ${LINK}\n`,
      html: `<html><head><title>x</title></head><body><p>Đề nghị chi bộ gửi nhận xét, góp ý.</p><img src="https://tracker.example/pixel.png"><a href="${LINK}">Gửi nhận xét, góp ý</a></body></html>`,
    });
    const id = /queued as (\S+)/.exec(info.response)?.[1];
    if (!id) throw new Error(`no id in ${info.response}`);
    return id;
  } finally {
    transport.close();
  }
}

/** The same instant as the page should write it, worked out with the platform's own time zone data. */
function vietnamTimeOf(epochMs: number): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(epochMs))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year}, ${parts.hour}:${parts.minute}`;
}

async function get(path: string) {
  const response = await fetch(`${catcher.pageUrl}${path}`);
  return { status: response.status, policy: response.headers.get('content-security-policy') ?? '', body: await response.text() };
}

beforeAll(async () => {
  catcher = await startMailCatcher({ dataDir, smtpPort: 0, httpPort: 0 });
});

afterAll(async () => {
  await catcher.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the mail catcher', () => {
  let firstId: string;
  let secondId: string;

  it('lists what arrived, newest first, with the recipient and the time in Vietnam', async () => {
    firstId = await sendMail('[Chi bộ điểm] Gửi nhận xét, góp ý <quý IV>');
    secondId = await sendMail('[Chi bộ điểm] Nhắc gửi nhận xét, góp ý');

    const list = await get('/');
    expect(list.status).toBe(200);
    expect(list.policy).toContain("default-src 'none'");
    expect(list.body).toContain('Gửi nhận xét, góp ý &lt;quý IV&gt;');
    expect(list.body).toContain('Lò Văn Pằng');
    expect(list.body).toContain('lovanpang@example.vn');
    expect(list.body).toContain(vietnamTimeOf(Number(firstId.slice(0, 13))));
    expect(list.body.indexOf(`href="/thu/${secondId}"`)).toBeGreaterThan(-1);
    expect(list.body.indexOf(`href="/thu/${secondId}"`)).toBeLessThan(list.body.indexOf(`href="/thu/${firstId}"`));
    expect(list.body).not.toMatch(/(src|href)="https?:/);
  });

  it('opens a message: its text with the link, its HTML sandboxed with nothing loaded from elsewhere', async () => {
    const message = await get(`/thu/${firstId}`);
    expect(message.status).toBe(200);
    expect(message.body).toContain('Gửi nhận xét, góp ý &lt;quý IV&gt;');
    expect(message.body).toContain('Kính gửi đồng chí Lò Văn Pằng,');
    expect(message.body).toContain(`<a href="${LINK}" target="_blank" rel="noopener noreferrer">`);
    expect(message.body).toMatch(new RegExp(`<iframe src="/thu/${firstId}/html" sandbox="[^"]*"`));
    expect(message.body).not.toContain('allow-scripts');

    const html = await get(`/thu/${firstId}/html`);
    expect(html.status).toBe(200);
    expect(html.policy).toContain("default-src 'none'");
    expect(html.policy).toContain('img-src data:');
    expect(html.policy).toMatch(/sandbox(?! [^;]*allow-scripts)/);
    expect(html.body).toContain('<head><base target="_blank">');
    expect(html.body).toContain(`href="${LINK}"`);
  });

  it('answers 404 for anything that is not a kept message', async () => {
    expect((await get('/thu/0000000000000-00000000')).status).toBe(404);
    expect((await get('/thu/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await get('/khac')).status).toBe(404);
  });

  it('keeps the messages as .eml files, listed again after a restart', async () => {
    expect(readdirSync(join(dataDir, 'mail')).sort()).toEqual([`${firstId}.eml`, `${secondId}.eml`]);
    await catcher.stop();
    catcher = await startMailCatcher({ dataDir, smtpPort: 0, httpPort: 0 });
    const list = await get('/');
    expect(list.body).toContain(`href="/thu/${firstId}"`);
    expect(list.body).toContain(`href="/thu/${secondId}"`);
  });

  it('names the port that is taken', async () => {
    const smtpPort = Number(new URL(catcher.smtpUrl).port);
    const httpPort = Number(new URL(catcher.pageUrl).port);
    const otherDir = mkdtempSync(join(tmpdir(), 'cbd-mail-'));
    try {
      await expect(startMailCatcher({ dataDir: otherDir, smtpPort, httpPort: 0 })).rejects.toThrow(`cổng ${smtpPort} (SMTP) đang có chương trình khác dùng / port ${smtpPort} (SMTP) is already in use`);
      await expect(startMailCatcher({ dataDir: otherDir, smtpPort: 0, httpPort })).rejects.toThrow(`port ${httpPort} (HTTP) is already in use`);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
