// The local mail catcher of `npm start` (notifications.md, "Running it"): with no SMTP_URL, the apps send
// their email here. An SMTP server on 127.0.0.1 accepts every message and delivers none; each is kept as an
// .eml file under <dataDir>/mail/, and a page on 127.0.0.1 lists them and shows one, so a newcomer sees what
// the service sent. Nothing leaves the machine. Types: mail-catcher.d.mts.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** <epoch ms, 13 digits>-<random>: sorts by arrival, and is all a request may name. */
const MESSAGE_ID = /^\d{13}-[0-9a-f]{8}$/;
const LIST_LIMIT = 200;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** The page and its frame load nothing but themselves: no script, no image, no font, nothing from elsewhere. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/**
 * A message's HTML is someone else's markup: sandboxed (no script, a unique origin), nothing fetched (images only
 * as data: URLs, as mailparser inlines attachments); its links open in a new tab, outside the sandbox.
 */
const MESSAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#f6f4ef}
header{background:#a50e0e;color:#fff;padding:.6rem 1rem}
header a{color:#fff}
main{max-width:48rem;margin:0 auto;padding:1rem}
h1{font-size:1.3rem;margin:.2rem 0 .3rem}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
.hint{color:#555;font-size:.9rem;margin:0 0 1rem}
ul{list-style:none;margin:0;padding:0}
li a{display:block;background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.7rem .8rem;margin:0 0 .6rem;color:inherit;text-decoration:none}
li strong{display:block;color:#a50e0e}
li span{display:block;font-size:.9rem;color:#444;overflow-wrap:anywhere}
dl{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.6rem .8rem;margin:0}
dt{font-size:.85rem;color:#555}
dd{margin:0 0 .4rem;overflow-wrap:anywhere}
pre{background:#fff;border:1px solid #ddd;border-radius:.5rem;padding:.8rem;white-space:pre-wrap;overflow-wrap:anywhere;font:inherit}
iframe{width:100%;height:70vh;border:1px solid #ddd;border-radius:.5rem;background:#fff}
.nav{display:inline-block;min-height:2.75rem;line-height:2.75rem}
`;

const ESCAPES = /** @type {Record<string, string>} */ ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' });
/** @param {string} value */
const escapeHtml = (value) => value.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/** "Thứ Năm, 11/12/2026, 08:00": Vietnam time, as the pages write it (web.md). @param {number} epochMs */
function vietnamTime(epochMs) {
  const shifted = new Date(epochMs + VIETNAM_OFFSET_MS);
  /** @param {number} value */
  const pad = (value) => String(value).padStart(2, '0');
  const day = `${pad(shifted.getUTCDate())}/${pad(shifted.getUTCMonth() + 1)}/${shifted.getUTCFullYear()}`;
  return `${WEEKDAYS[shifted.getUTCDay()]}, ${day}, ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** "lovanpang@example.vn" → "lo***@example.vn": the console shows whom, not the address. @param {string} address */
function maskAddress(address) {
  const at = address.lastIndexOf('@');
  return at < 1 ? '***' : `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

/** @param {import('mailparser').AddressObject | import('mailparser').AddressObject[] | undefined} header */
const addressesOf = (header) => (Array.isArray(header) ? header.map((one) => one.text).join(', ') : (header?.text ?? ''));

/** Plain text with its web addresses as links (new tab, no referrer). @param {string} text */
function textWithLinks(text) {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, index) => (index % 2 === 1 ? `<a href="${escapeHtml(part)}" target="_blank" rel="noopener noreferrer">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}

/** @param {string} title @param {string} body */
const page = (title, body) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header>Sinh hoạt chi bộ điểm · thư trên máy này <span lang="en">(local mail catcher)</span></header><main>${body}</main></body></html>`;

/**
 * @param {http.ServerResponse} response
 * @param {number} status
 * @param {string} html
 * @param {string} [policy]
 */
function send(response, status, html, policy = PAGE_POLICY) {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(html);
}

/**
 * @param {(callback: (error?: Error) => void) => void} listen
 * @param {{ once(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown }} server
 * @param {number} port
 * @param {string} what
 * @returns {Promise<void>}
 */
function listening(listen, server, port, what) {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`cổng ${port} (${what}) đang có chương trình khác dùng / port ${port} (${what}) is already in use`) : error),
    );
    listen(() => resolve());
  });
}

/** @type {typeof import('./mail-catcher.mjs').startMailCatcher} */
export async function startMailCatcher({ dataDir, smtpPort, httpPort, log = () => {} }) {
  const mailDir = join(dataDir, 'mail');
  await mkdir(mailDir, { recursive: true });
  /** What the list shows of a message, read once: a kept message never changes. */
  const summaries = new Map();
  /** @type {string} */
  let pageUrl = '';
  let lastArrival = 0;

  /** @param {string} id */
  const parse = async (id) => simpleParser(await readFile(join(mailDir, `${id}.eml`)));

  /** @param {string} id */
  async function summaryOf(id) {
    let summary = summaries.get(id);
    if (!summary) {
      const mail = await parse(id);
      summary = { to: addressesOf(mail.to), subject: mail.subject ?? '' };
      summaries.set(id, summary);
    }
    return summary;
  }

  const smtp = new SMTPServer({
    // Plain SMTP on loopback: no TLS to negotiate, no login asked.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: MAX_MESSAGE_BYTES,
    rejectOversized: true,
    closeTimeout: 1000,
    onData(stream, session, callback) {
      /** @type {Buffer[]} */
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(null);
        // Strictly later than the one before, so two messages in the same millisecond keep their order.
        lastArrival = Math.max(Date.now(), lastArrival + 1);
        const id = `${String(lastArrival).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
        const file = join(mailDir, `${id}.eml`);
        // Written whole, then renamed: the list never reads half a message.
        writeFile(`${file}.part`, Buffer.concat(chunks))
          .then(() => rename(`${file}.part`, file))
          .then(async () => {
            const { subject } = await summaryOf(id);
            const to = session.envelope.rcptTo.map((recipient) => maskAddress(recipient.address)).join(', ');
            log(`  ✉ Thư “${subject}” gửi ${to}: ${pageUrl}/thu/${id}`);
            callback(null, `OK: queued as ${id}`);
          })
          .catch((/** @type {Error} */ error) => callback(error));
      });
    },
  });
  // A client that drops the connection mid-message is its own problem, not a reason to stop npm start.
  smtp.on('error', () => {});

  const web = http.createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, page('Lỗi', '<h1>Không đọc được thư / Could not read the email</h1>')));
  });

  /** @param {http.IncomingMessage} request @param {http.ServerResponse} response */
  async function handle(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, page('405', '<h1>Chỉ xem / Read only</h1>'));
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/') return send(response, 200, await listPage());
    const match = /^\/thu\/([^/]+)(\/html)?$/.exec(path);
    if (!match || !MESSAGE_ID.test(match[1])) return send(response, 404, notFound());
    const mail = await parse(match[1]).catch(() => null);
    if (!mail) return send(response, 404, notFound());
    if (match[2]) return send(response, 200, framed(mail.html || ''), MESSAGE_POLICY);
    return send(response, 200, messagePage(match[1], mail));
  }

  async function listPage() {
    const ids = (await readdir(mailDir))
      .filter((name) => name.endsWith('.eml') && MESSAGE_ID.test(name.slice(0, -4)))
      .map((name) => name.slice(0, -4))
      .sort()
      .reverse()
      .slice(0, LIST_LIMIT);
    const items = [];
    for (const id of ids) {
      const { to, subject } = await summaryOf(id);
      items.push(
        `<li><a href="/thu/${id}"><strong>${escapeHtml(subject || '(không có tiêu đề)')}</strong><span>${escapeHtml(to)}</span><span>${vietnamTime(Number(id.slice(0, 13)))}</span></a></li>`,
      );
    }
    return page(
      'Thư hệ thống đã gửi',
      `<h1>Thư hệ thống đã gửi</h1>
<p class="hint">Thư được giữ trên máy này, không gửi đến ai; thư mới nhất ở trên. <span lang="en">Emails the service sent, kept on this machine and never delivered; newest first.</span></p>
<p><a class="nav" href="/">Tải lại / Reload</a></p>
${items.length ? `<ul>${items.join('\n')}</ul>` : '<p>Chưa có thư nào. <span lang="en">No emails yet.</span></p>'}`,
    );
  }

  /** @param {string} id @param {import('mailparser').ParsedMail} mail */
  function messagePage(id, mail) {
    const subject = mail.subject ?? '';
    const html = mail.html
      ? `<h2>Nội dung HTML <span lang="en">(HTML part; nothing is loaded from elsewhere)</span></h2>
<iframe src="/thu/${id}/html" sandbox="allow-popups allow-popups-to-escape-sandbox" referrerpolicy="no-referrer" title="Nội dung HTML của thư"></iframe>`
      : '';
    return page(
      subject || 'Thư',
      `<p><a class="nav" href="/">← Tất cả thư / All emails</a></p>
<h1>${escapeHtml(subject || '(không có tiêu đề)')}</h1>
<dl>
<dt>Người gửi <span lang="en">(from)</span></dt><dd>${escapeHtml(addressesOf(mail.from))}</dd>
<dt>Người nhận <span lang="en">(to)</span></dt><dd>${escapeHtml(addressesOf(mail.to))}</dd>
<dt>Thời gian nhận <span lang="en">(received, Vietnam time)</span></dt><dd>${vietnamTime(Number(id.slice(0, 13)))}</dd>
<dt>Message-ID <span lang="en">(technical)</span></dt><dd>${escapeHtml(mail.messageId ?? '')}</dd>
</dl>
<h2>Nội dung văn bản <span lang="en">(plain text)</span></h2>
<pre>${textWithLinks(mail.text ?? '')}</pre>
${html}`,
    );
  }

  /** The message's own HTML, its links opening in a new tab. @param {string} html */
  function framed(html) {
    const base = '<base target="_blank">';
    return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => head + base) : base + html;
  }

  function notFound() {
    return page('Không có thư', '<p><a class="nav" href="/">← Tất cả thư / All emails</a></p><h1>Không có thư này. <span lang="en">No such email.</span></h1>');
  }

  await listening((done) => smtp.listen(smtpPort, '127.0.0.1', done), smtp, smtpPort, 'SMTP');
  try {
    await listening((done) => web.listen(httpPort, '127.0.0.1', done), web, httpPort, 'HTTP');
  } catch (error) {
    await new Promise((resolve) => smtp.close(() => resolve(undefined)));
    throw error;
  }
  const smtpAddress = /** @type {import('node:net').AddressInfo} */ (smtp.server.address());
  const webAddress = /** @type {import('node:net').AddressInfo} */ (web.address());
  pageUrl = `http://localhost:${webAddress.port}`;

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpAddress.port}`,
    pageUrl,
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => web.close(() => resolve(undefined))),
        new Promise((resolve) => smtp.close(() => resolve(undefined))),
      ]);
    },
  };
}
