// The pages as a phone fetches them: a session opened through the login form, and each page fetched with
// gzip accepted, counting the bytes that cross the wire (headers and the compressed body) and the requests
// that hold back the first paint (the document, and any stylesheet or synchronous script it names).
import http from 'node:http';
import { gunzipSync } from 'node:zlib';

/** One GET or form POST over plain node:http, so the bytes counted are the bytes sent, still compressed. */
function exchange(baseUrl, path, { method = 'GET', cookie, form } = {}) {
  const body = form ? new URLSearchParams(form).toString() : undefined;
  const headers = { 'accept-encoding': 'gzip', accept: 'text/html', 'accept-language': 'vi-VN,vi;q=0.9' };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    headers['content-length'] = Buffer.byteLength(body);
  }
  return new Promise((resolve, reject) => {
    const request = http.request(new URL(path, baseUrl), { method, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const gzipped = response.headers['content-encoding'] === 'gzip';
        // The status line ("HTTP/1.1 200 OK" and CRLF), each "name: value" line with its CRLF, the blank line.
        const headerBytes = 17 + response.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0) + 2;
        resolve({
          status: response.statusCode,
          headers: response.headers,
          wireBytes: headerBytes + raw.length,
          bodyBytes: raw.length,
          gzipped,
          text: (gzipped ? gunzipSync(raw) : raw).toString('utf8'),
        });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** The cookies a response sets, as one Cookie header (name=value pairs only). */
const cookiesOf = (headers) => (headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');

/** Signs in through the login form as a browser does (its CSRF token, then the post); answers the session's Cookie header. */
export async function pageSession(baseUrl, username, password) {
  const form = await exchange(baseUrl, '/login');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
  if (!csrf) throw new Error('the login form carries no _csrf token');
  const posted = await exchange(baseUrl, '/login', { method: 'POST', cookie: cookiesOf(form.headers), form: { _csrf: csrf, username, password } });
  const session = cookiesOf(posted.headers)
    .split('; ')
    .find((pair) => pair.startsWith('session='));
  if (posted.status !== 303 || !session) throw new Error(`page login as ${username} answered ${posted.status}`);
  return session;
}

/** The same-origin stylesheets and scripts a page names, and whether each holds back the first paint. */
function subresourcesOf(html) {
  const found = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const url = (isScript ? /\bsrc="([^"]+)"/i : /\bhref="([^"]+)"/i).exec(tag)?.[1];
    if (!url || (!isScript && !/\brel="stylesheet"/i.test(tag))) continue;
    const blocking = isScript ? !/\b(async|defer)\b|type="module"/i.test(tag) : !/\bmedia="print"/i.test(tag);
    found.push({ url, blocking });
  }
  return found;
}

/**
 * A page's first load on an empty cache: the document and every same-origin stylesheet and script it names.
 * Answers the status, the bytes transferred (compressed, with headers), the uncompressed size of the HTML and
 * how many requests block rendering (the document counts as one).
 */
export async function firstLoad(baseUrl, path, cookie) {
  const page = await exchange(baseUrl, path, { cookie });
  let wireBytes = page.wireBytes;
  let blocking = 1;
  const subresources = subresourcesOf(page.text);
  for (const resource of subresources) {
    if (/^https?:\/\//i.test(resource.url)) throw new Error(`${path} loads ${resource.url} from another site`);
    const loaded = await exchange(baseUrl, resource.url, { cookie });
    wireBytes += loaded.wireBytes;
    if (resource.blocking) blocking += 1;
  }
  return { status: page.status, wireBytes, htmlBytes: Buffer.byteLength(page.text), gzipped: page.gzipped, requests: 1 + subresources.length, blocking };
}
