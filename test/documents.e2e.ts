// A cycle's papers through the API and the pages (documents.md, issue 15), against the real stack: a cycle of
// Na Hối driven to CLOSED through the API with texts full of ặ ỡ ự Đ, its documents listed for the office, the
// host and a visitor (before and after it sends its own critique), the minutes and the conclusion downloaded in
// both formats and read back with Word's XML and Poppler, the caching headers, the Vietnamese file name, and
// the refusals (another committee, a critique sheet not yet the visitor's to see, a name the list does not
// offer). The PDFs' pages land in test-artifacts/documents/ as PNG; the render times in render-times.json.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type supertest from 'supertest';
import { fileReport, launchCycle, postPlan, recordMeeting, review, rsvp, submitCritique, waitForMeetingTime, type DrivenCycle } from '../scripts/lib/cycle-driver.mjs';
import { acceptInvitationBody, acceptReviewBody, critiqueBody, launchBody, meetingBody, planBody, reportBody, vietnamDayFromToday } from '../scripts/lib/step-bodies.mjs';
import { login, startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, SCREENSHOT_DIR } from './support/browser.js';
import { addCellViaApi, createCommuneViaApi, TEST_PASSWORD, type ApiCell, type ApiCommune } from './support/commune-api.fixture.js';
import { supertestHttp } from './support/cycle-http.js';
import { comparable, DOCUMENT_ARTIFACTS_DIR, pdfFonts, pdfPagesAsPng, pdfPagesText, readDocx, saveArtifact } from './support/document-files.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const COMMITTEE = 'Đảng ủy xã Na Hối';
const HOST = 'Chi bộ thôn Na Hối Tày';
const NGAI_THAU = 'Chi bộ thôn Ngải Thầu';
const SIN_CHAI = 'Chi bộ thôn Sín Chải A';

/** What people type into the cycle; one text sent decomposed (NFD), as some phones' keyboards send it. */
const TYPED = {
  title: 'Sinh hoạt chi bộ điểm: đặc trưng vùng cao',
  topic: 'Đặc điểm phát triển đảng viên ở thôn bản, giữ vững kỷ cương',
  location: 'Nhà văn hóa thôn Na Hối Tày, cạnh suối Đỏ',
  agenda: ['Khai mạc, giới thiệu đại biểu dự', 'Thảo luận chuyên đề: đặt mục tiêu cụ thể', 'Thông qua nghị quyết, bế mạc'],
  minutesLines: ['Đồng chí bí thư khai mạc; chi bộ thảo luận sôi nổi, 12 lượt ý kiến.', 'Đảng viên thống nhất đặt mục tiêu kết nạp 2 quần chúng ưu tú.'],
  resolution: 'Mỗi đảng viên phụ trách 5 hộ, giữ rừng đầu nguồn, chống rượu lậu.',
  delegates: { ngaiThau: 'Thào Seo Lềnh', sinChai: 'Hoàng Thị Lự' },
  ngaiThauPoints: [
    { stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi sớm, đầy đủ; phần thảo luận đặc sắc.' },
    { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài, chưa gợi mở đảng viên trẻ.' },
  ],
  sinChaiPoints: [{ stage: 'minutes', kind: 'suggestion', text: 'Đề nghị ghi rõ ý kiến từng đồng chí, kể cả ý kiến ngược.' }],
  lessons: ['Chuẩn bị kỹ đề cương, gửi trước cho đảng viên đọc.', 'Phân công cụ thể, rõ người, rõ việc, rõ thời hạn.'],
  action: { title: 'Hoàn thiện sổ biên bản theo mẫu mới', owner: 'Đồng chí Lò Thị Mỷ' },
  reviewComment: 'Buổi sinh hoạt đạt chất lượng khá; cần phát huy hơn nữa đảng viên trẻ.',
  adoption: 'Vận dụng cách gửi đề cương sớm, kèm câu hỏi gợi ý thảo luận.',
} as const;

let stack: ApiStack;
let baseURL: string;
let browser: Browser;
let other: ApiCommune;
let staff: { userId: string; username: string; token: string };
let host: ApiCell;
let ngaiThau: ApiCell;
let sinChai: ApiCell;
let cycle: DrivenCycle<ApiCell>;
let ngaiThauCritiqueId: string;
let sinChaiCritiqueId: string;
/** The conclusion as the office downloaded it before the review: for "a step done after changes the bytes". */
let conclusionBeforeReview: Buffer;
const renderTimes: Record<string, number[]> = {};

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface DocumentEntry {
  document: string;
  title: string;
  ready: boolean;
  missing?: string;
  cellId?: string;
  critiqueId?: string;
  files: { docx: string; pdf: string };
}

async function list(token: string): Promise<DocumentEntry[]> {
  const response = await stack.http.get(`/api/cycles/${cycle.id}/documents`).set(auth(token));
  expect({ status: response.status, body: response.status === 200 ? 'list' : response.body }).toEqual({ status: 200, body: 'list' });
  return response.body as DocumentEntry[];
}

/** A GET whose body is kept as bytes, whatever its type. */
function download(path: string, token: string, headers: Record<string, string> = {}): Promise<supertest.Response> {
  return stack.http
    .get(path)
    .set({ ...auth(token), ...headers })
    .buffer(true)
    .parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

const filePath = (name: string) => `/api/cycles/${cycle.id}/documents/${name}`;

/** The PDF's text through pdftotext, all pages, compared as text (NFC, spaces). */
function pdfText(bytes: Buffer, name: string): string {
  return comparable(pdfPagesText(saveArtifact(name, bytes)).join(' '));
}

const docxText = (bytes: Buffer) => comparable(readDocx(bytes).paragraphs.join(' '));

/** The Vietnamese name in `filename*=UTF-8''…`, decoded. */
function savedName(response: supertest.Response): string {
  const disposition = String(response.headers['content-disposition']);
  const encoded = /filename\*=UTF-8''([^;]+)$/.exec(disposition)?.[1];
  if (!encoded) throw new Error(`no filename* in ${disposition}`);
  return decodeURIComponent(encoded);
}

async function timed(label: string, call: () => Promise<supertest.Response>): Promise<supertest.Response> {
  const started = performance.now();
  const response = await call();
  (renderTimes[label] ??= []).push(Math.round(performance.now() - started));
  return response;
}

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  other = await createCommuneViaApi(stack, 1);
  // The commune of this suite, named as a commune names itself (committee names need not be unique).
  const admin = await login(stack, 'admin', 'admin');
  const suffix = randomUUID().slice(0, 8);
  const committee = await stack.http.post('/api/committees').set(auth(admin)).send({ name: COMMITTEE }).expect(201);
  const committeeId = committee.body.id as string;
  const staffUser = await stack.http
    .post('/api/users')
    .set(auth(admin))
    .send({ username: `vanban.${suffix}`, password: TEST_PASSWORD, fullName: 'Lương Thị Đào', role: 'committee', committeeId })
    .expect(201);
  staff = { userId: staffUser.body.id as string, username: `vanban.${suffix}`, token: await login(stack, `vanban.${suffix}`, TEST_PASSWORD) };
  const commune = { committeeId, staff };
  host = await addCellViaApi(stack, commune, { cell: HOST, username: `nahoitay.${suffix}`, secretary: 'Lò Văn Pằng' });
  ngaiThau = await addCellViaApi(stack, commune, { cell: NGAI_THAU, username: `ngaithau.${suffix}`, secretary: 'Thào A Dình' });
  sinChai = await addCellViaApi(stack, commune, { cell: SIN_CHAI, username: `sinchai.${suffix}`, secretary: 'Hoàng Văn Khởi' });

  cycle = await launchCycle(supertestHttp(stack.http), { committeeId, staff, invited: [ngaiThau, sinChai], host }, {
    meetingAt: Date.now() + 3_000,
    launch: { title: TYPED.title, topic: TYPED.topic, location: TYPED.location, kind: 'thematic', critiqueWindow: 'PT30M', reportWindow: 'PT30M' },
  });
  await rsvp(cycle, ngaiThau, acceptInvitationBody({ delegate: TYPED.delegates.ngaiThau }));
  await rsvp(cycle, sinChai, acceptInvitationBody({ delegate: TYPED.delegates.sinChai }));
  await postPlan(cycle, planBody({ agenda: [...TYPED.agenda], content: 'Đề cương chuyên đề gửi kèm.', draftResolution: 'Dự thảo: đặt mục tiêu cụ thể cho từng đảng viên.' }));
  await waitForMeetingTime(cycle, 200);
  await recordMeeting(
    cycle,
    meetingBody({
      attendingCellIds: [ngaiThau.id, sinChai.id],
      // The first line decomposed: the paper must give the letters back, composed or not.
      minutes: [TYPED.minutesLines[0].normalize('NFD'), TYPED.minutesLines[1]].join('\n'),
      resolution: TYPED.resolution,
      attendance: { present: 20, total: 21, absentWithReason: 1 },
    }),
  );
}, 180_000);

afterAll(async () => {
  writeFileSync(join(DOCUMENT_ARTIFACTS_DIR, 'render-times.json'), `${JSON.stringify(renderTimes, null, 2)}\n`);
  await browser?.close();
  await stack?.stopAll();
});

describe('the documents of a cycle through the API', () => {
  it('lists for a visitor only its own invitation and no critique sheet before it sends its critique, the others after', async () => {
    ngaiThauCritiqueId = ((await submitCritique(cycle, ngaiThau, critiqueBody({ points: [...TYPED.ngaiThauPoints] }))) as { id: string }).id;

    const before = await list(sinChai.secretary.token);
    expect(before.map((entry) => [entry.document, entry.cellId ?? null, entry.critiqueId ?? null])).toEqual([
      ['invitation', sinChai.id, null],
      ['plan', null, null],
      ['minutes', null, null],
      ['lessons-report', null, null],
      ['conclusion', null, null],
    ]);
    const refused = await download(filePath(`critique-sheet-${ngaiThauCritiqueId}.pdf`), sinChai.secretary.token);
    expect({ status: refused.status, code: JSON.parse(refused.body.toString('utf8')).code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    // Another cell's invitation is not the visitor's either.
    expect((await download(filePath(`invitation-${ngaiThau.id}.pdf`), sinChai.secretary.token)).status).toBe(404);

    sinChaiCritiqueId = ((await submitCritique(cycle, sinChai, critiqueBody({ points: [...TYPED.sinChaiPoints] }))) as { id: string }).id;
    const after = await list(sinChai.secretary.token);
    expect(after.filter((entry) => entry.document === 'critique-sheet').map((entry) => entry.critiqueId)).toEqual([ngaiThauCritiqueId, sinChaiCritiqueId]);
    const sheet = await download(filePath(`critique-sheet-${ngaiThauCritiqueId}.pdf`), sinChai.secretary.token);
    expect(sheet.status).toBe(200);
    expect(pdfText(sheet.body as Buffer, 'api-critique-sheet.pdf')).toContain(comparable(TYPED.ngaiThauPoints[1].text));
  });

  it('says "chưa có" in a paper whose step is not done, and the list says it is not ready', async () => {
    await fileReport(
      cycle,
      reportBody({
        pointIds: cycle.pointsToAnswer.map((point) => point.id),
        lessons: [...TYPED.lessons],
        actionItems: [{ ...TYPED.action, dueDate: vietnamDayFromToday(30) }],
      }),
    );
    const entries = await list(staff.token);
    const conclusion = entries.find((entry) => entry.document === 'conclusion');
    expect(conclusion).toMatchObject({ ready: false, missing: expect.stringMatching(/^Chưa có kết luận/) });
    expect(entries.filter((entry) => entry.document !== 'conclusion').every((entry) => entry.ready)).toBe(true);
    const pdf = await download(conclusion!.files.pdf, staff.token);
    expect(pdf.status).toBe(200);
    conclusionBeforeReview = pdf.body as Buffer;
    expect(pdfText(conclusionBeforeReview, 'api-conclusion-not-ready.pdf')).toContain('Chưa có kết luận');
  });

  it("lists every paper for the office, the host's without invitations, with both files each", async () => {
    await review(cycle, acceptReviewBody({ rating: 'KHA', comment: TYPED.reviewComment }));
    const office = await list(staff.token);
    expect(office.map((entry) => [entry.document, entry.cellId ?? null, entry.critiqueId ?? null, entry.ready])).toEqual([
      ['invitation', ngaiThau.id, null, true],
      ['invitation', sinChai.id, null, true],
      ['plan', null, null, true],
      ['minutes', null, null, true],
      ['critique-sheet', ngaiThau.id, ngaiThauCritiqueId, true],
      ['critique-sheet', sinChai.id, sinChaiCritiqueId, true],
      ['lessons-report', null, null, true],
      ['conclusion', null, null, true],
    ]);
    const minutes = office.find((entry) => entry.document === 'minutes')!;
    expect(minutes).toEqual({
      document: 'minutes',
      title: 'Biên bản sinh hoạt chi bộ điểm',
      ready: true,
      files: { docx: filePath('minutes.docx'), pdf: filePath('minutes.pdf') },
    });
    const english = await stack.http.get(`/api/cycles/${cycle.id}/documents`).set(auth(staff.token)).set('Accept-Language', 'en').expect(200);
    expect((english.body as DocumentEntry[]).find((entry) => entry.document === 'minutes')?.title).toBe('Minutes of the model meeting');

    const hosts = await list(host.secretary.token);
    expect(hosts.map((entry) => entry.document)).toEqual(['plan', 'minutes', 'critique-sheet', 'critique-sheet', 'lessons-report', 'conclusion']);
  });

  it('gives the minutes in both formats with what was entered, letter for letter, fonts embedded, and the pages as PNG', async () => {
    const pdf = await timed('minutes.pdf', () => download(filePath('minutes.pdf'), host.secretary.token));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(savedName(pdf)).toBe(`Biên bản sinh hoạt chi bộ điểm - ${HOST}.pdf`);
    expect(String(pdf.headers['content-disposition'])).toMatch(/^attachment; filename="Bien ban sinh hoat chi bo diem - Chi bo thon Na Hoi Tay\.pdf"; filename\*=UTF-8''/);
    const text = pdfText(pdf.body as Buffer, 'api-minutes.pdf');
    const entered = [HOST, TYPED.location, TYPED.topic, ...TYPED.agenda, ...TYPED.minutesLines, TYPED.resolution, TYPED.delegates.ngaiThau, TYPED.delegates.sinChai, NGAI_THAU, SIN_CHAI, 'Lò Văn Pằng'];
    expect(entered.filter((typed) => !text.includes(comparable(typed)))).toEqual([]);
    expect(text).toContain('BIÊN BẢN');
    const fonts = pdfFonts(join(DOCUMENT_ARTIFACTS_DIR, 'api-minutes.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded || !font.subset || !font.unicode)).toEqual([]);
    expect(pdfPagesAsPng(join(DOCUMENT_ARTIFACTS_DIR, 'api-minutes.pdf'), 'api-minutes').length).toBeGreaterThan(0);

    const docx = await download(filePath('minutes.docx'), host.secretary.token);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(DOCX_TYPE);
    expect(savedName(docx)).toBe(`Biên bản sinh hoạt chi bộ điểm - ${HOST}.docx`);
    const words = docxText(docx.body as Buffer);
    expect(entered.filter((typed) => !words.includes(comparable(typed)))).toEqual([]);
  });

  it('gives the conclusion in both formats, the same bytes for the same cycle, 304 for the ETag, new bytes after a further step', async () => {
    const first = await timed('conclusion.pdf', () => download(filePath('conclusion.pdf'), staff.token));
    const second = await timed('conclusion.pdf', () => download(filePath('conclusion.pdf'), staff.token));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(Buffer.compare(first.body as Buffer, second.body as Buffer)).toBe(0);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(second.headers.etag).toBe(etag);
    const held = await download(filePath('conclusion.pdf'), staff.token, { 'If-None-Match': etag });
    expect({ status: held.status, bytes: (held.body as Buffer).length, etag: held.headers.etag }).toEqual({ status: 304, bytes: 0, etag });
    expect(Buffer.compare(first.body as Buffer, conclusionBeforeReview)).not.toBe(0);

    const text = pdfText(first.body as Buffer, 'api-conclusion.pdf');
    const entered = [TYPED.reviewComment, ...TYPED.lessons, TYPED.action.title, TYPED.action.owner, ...TYPED.ngaiThauPoints.map((point) => point.text), TYPED.sinChaiPoints[0].text, HOST];
    expect(entered.filter((typed) => !text.includes(comparable(typed)))).toEqual([]);
    expect(text).toContain('Khá');
    expect(pdfFonts(join(DOCUMENT_ARTIFACTS_DIR, 'api-conclusion.pdf')).filter((font) => !font.embedded)).toEqual([]);
    expect(savedName(first)).toBe(`Thông báo kết luận sinh hoạt chi bộ điểm - ${HOST}.pdf`);

    const docx = await download(filePath('conclusion.docx'), staff.token);
    expect(docx.headers['content-type']).toBe(DOCX_TYPE);
    const words = docxText(docx.body as Buffer);
    expect(entered.filter((typed) => !words.includes(comparable(typed)))).toEqual([]);

    // A visiting cell records what it adopts: the conclusion lists it, so its bytes and ETag change.
    await stack.http.post(`/api/cycles/${cycle.id}/adoption`).set(auth(ngaiThau.secretary.token)).send({ text: TYPED.adoption }).expect(200);
    const changed = await timed('conclusion.pdf', () => download(filePath('conclusion.pdf'), staff.token, { 'If-None-Match': etag }));
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(pdfText(changed.body as Buffer, 'api-conclusion.pdf')).toContain(comparable(TYPED.adoption));
    pdfPagesAsPng(join(DOCUMENT_ARTIFACTS_DIR, 'api-conclusion.pdf'), 'api-conclusion');
  });

  it('refuses another committee, and a name the list does not offer, in words', async () => {
    const listed = await stack.http.get(`/api/cycles/${cycle.id}/documents`).set(auth(other.staff.token));
    expect({ status: listed.status, code: listed.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await download(filePath('minutes.pdf'), other.staff.token)).status).toBe(404);
    for (const name of ['minutes.txt', 'agenda.pdf', `invitation-${randomUUID()}.pdf`, `critique-sheet-${randomUUID()}.docx`, 'minutes.pdf.docx']) {
      const response = await download(filePath(name), staff.token);
      const body = JSON.parse((response.body as Buffer).toString('utf8')) as { code: string; message: string };
      expect({ name, status: response.status, code: body.code, words: body.message.length > 20 }).toEqual({ name, status: 404, code: 'NOT_FOUND', words: true });
    }
  });
});

describe('the documents on the cycle page', () => {
  it('lists each paper with its Word and PDF links, which download with the session cookie', async () => {
    const context = await phoneContext(browser, { baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await page.locator('input[name="username"]').fill(ngaiThau.secretary.username);
      await page.locator('input[name="password"]').fill(TEST_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.locator('form[action="/login"] [type="submit"]').click()]);
      expect((await page.goto(`/dot/${cycle.id}`))?.status()).toBe(200);
      const section = page.locator('section', { has: page.locator('h2', { hasText: 'Văn bản' }) });
      const items = await section.locator('li').allInnerTexts();
      expect(items.map((item) => item.split(':')[0])).toEqual([
        `Giấy mời dự sinh hoạt chi bộ điểm – ${NGAI_THAU}`,
        'Chương trình sinh hoạt chi bộ điểm',
        'Biên bản sinh hoạt chi bộ điểm',
        `Phiếu nhận xét, góp ý – ${NGAI_THAU}`,
        `Phiếu nhận xét, góp ý – ${SIN_CHAI}`,
        'Báo cáo rút kinh nghiệm',
        'Thông báo kết luận sinh hoạt chi bộ điểm',
      ]);
      const links = section.locator('a');
      expect(await links.count()).toBe(items.length * 2);
      await checkAccessibility(page, 'cycle page with its documents');
      await section.screenshot({ path: join(SCREENSHOT_DIR, 'cycle-documents.png') });
      for (const index of [2, 3]) {
        for (const [format, type] of [
          ['Word', DOCX_TYPE],
          ['PDF', 'application/pdf'],
        ] as const) {
          const link = section.locator('li').nth(index).getByRole('link', { name: format });
          const href = await link.getAttribute('href');
          // The browser's own request, with its cookie: the link as a tap would follow it.
          const [downloaded] = await Promise.all([page.waitForEvent('download'), link.click()]);
          const response = await context.request.get(href!);
          expect({ href, status: response.status(), type: response.headers()['content-type'] }).toEqual({ href, status: 200, type });
          expect(downloaded.suggestedFilename()).toMatch(format === 'PDF' ? /\.pdf$/ : /\.docx$/);
        }
      }
      // Without a session the same link leads to the login page.
      const anonymous = await fetch(`${baseURL}/dot/${cycle.id}/van-ban/minutes.pdf`, { redirect: 'manual' });
      expect(anonymous.status).toBe(303);
    } finally {
      await context.close();
    }
  });

  it('says "(chưa có …)" beside a paper not ready yet', async () => {
    // A new cycle of the same commune, launched without a host: nothing is filled yet.
    const fresh = await stack.http
      .post('/api/cycles')
      .set(auth(staff.token))
      .send(
        launchBody({
          committeeId: cycle.committeeId,
          title: 'Đợt chưa chọn chi bộ điểm',
          topic: TYPED.topic,
          location: TYPED.location,
          invitedCellIds: [ngaiThau.id, sinChai.id, host.id],
          meetingAt: Date.now() + 20 * 86_400_000,
        }),
      )
      .expect(201);
    const context = await phoneContext(browser, { baseURL });
    try {
      const page = await context.newPage();
      await page.goto('/login');
      await page.locator('input[name="username"]').fill(staff.username);
      await page.locator('input[name="password"]').fill(TEST_PASSWORD);
      await Promise.all([page.waitForEvent('load'), page.locator('form[action="/login"] [type="submit"]').click()]);
      expect((await page.goto(`/dot/${fresh.body.id as string}`))?.status()).toBe(200);
      const section = page.locator('section', { has: page.locator('h2', { hasText: 'Văn bản' }) });
      const minutes = section.locator('li', { hasText: 'Biên bản sinh hoạt chi bộ điểm' });
      expect(await minutes.innerText()).toContain('(chưa có biên bản: chi bộ điểm chưa ghi nhận buổi sinh hoạt)');
      await section.screenshot({ path: join(SCREENSHOT_DIR, 'cycle-documents-not-ready.png') });
    } finally {
      await context.close();
    }
  });
});
