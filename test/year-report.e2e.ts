import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { checkAccessibility, launchChromium, phoneContext, screenshot } from './support/browser.js';
import { createCommuneViaApi, TEST_PASSWORD, type ApiCell, type ApiCommune } from './support/commune-api.fixture.js';
import { comparable, pdfFonts, pdfPagesAsPng, pdfPagesText, readDocx, saveArtifact } from './support/document-files.js';
import { insertHeldCycle, type HeldCycle } from './support/held-cycles.js';

/**
 * The committee's year (or quarter) report (issue 18): JSON, the Excel workbook, the Word paper and the page, checked
 * against a fixture whose figures are counted by hand below, never by the code under test. The cycles are written as
 * the record activity leaves them (their meetings are in the past). A second commune has a cycle of its own that
 * must never show.
 *
 * The home commune's cells A..F ("Chi bộ thôn 1 …" … "Chi bộ thôn 6 …"); E and F are dissolved (E visited in 2025,
 * F did nothing). Times are Vietnam's.
 *
 * | cycle | meeting            | quarter | host | stage     | rating     | visitors (✓ attended; critique)                  | host's action items              |
 * | X0    | 31/12/2024 23:00   | 2024    | B    | CLOSED    | Kém        | C ✓ on time                                       |                                  |
 * | M1    | 01/01/2025 00:30   | Q1      | A    | CLOSED    | Tốt        | B ✓ on time, adopted; C ✓ missed; D declined      | done; open due 15/02/2025; dropped |
 * | M2    | 31/03/2025 23:30   | Q1      | B    | CLOSED    | Khá        | A ✓ on time; C ✓ on time, adopted; E ✓ missed     |                                  |
 * | M3    | 01/04/2025 00:30   | Q2      | C    | REPORTING | –          | A ✓ on time; B declined; D ✓ missed               |                                  |
 * | M4    | 10/08/2025 08:00   | Q3      | A    | CLOSED    | Trung bình | B ✓ on time; D ✓ on time, adopted                 | open due 31/12/2099              |
 * | M5    | 01/09/2025 08:00   | Q3      | D    | CANCELLED | –          | B ✓ (a cancelled cycle counts for nothing)        |                                  |
 * | M6    | 30/11/2025 08:00   | Q4      | D    | CRITIQUE  | –          | A ✓ on time; C ✓ not yet (window open 30 more days) |                                |
 * | M7    | 15/12/2025 08:00   | Q4      | B    | SCHEDULED | –          | A, C accepted (no meeting recorded: not held)     |                                  |
 * | X1    | 01/01/2026 00:30   | 2026    | C    | CLOSED    | Tốt        | A ✓ on time                                       |                                  |
 * | O1    | 01/05/2025 08:00   | other commune: host O-A, CLOSED, Kém; O-B ✓ on time; an open item          |                                  |
 */

const DAY_MS = 86_400_000;
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

let stack: ApiStack;
let browser: Browser;
let baseURL: string;
let home: ApiCommune;
let other: ApiCommune;
let A: ApiCell, B: ApiCell, C: ApiCell, D: ApiCell, E: ApiCell, F: ApiCell;
const ids = Object.fromEntries(['X0', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'X1', 'O1'].map((key) => [key, randomUUID()])) as Record<
  'X0' | 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6' | 'M7' | 'X1' | 'O1',
  string
>;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const ON_TIME = 60;

beforeAll(async () => {
  stack = await startApiStack();
  await stack.app.listen(0, '127.0.0.1');
  baseURL = `http://127.0.0.1:${(stack.app.getHttpServer().address() as AddressInfo).port}`;
  [home, other, browser] = await Promise.all([createCommuneViaApi(stack, 6), createCommuneViaApi(stack, 2), launchChromium()]);
  [A, B, C, D, E, F] = home.cells;
  const cycles: HeldCycle[] = [
    { id: ids.X0, commune: home, title: 'Sinh hoạt chi bộ điểm cuối năm 2024', host: B, at: '2024-12-31T23:00:00+07:00', status: 'CLOSED', rating: 'KEM',
      visitors: [{ cell: C, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: ids.M1, commune: home, title: 'Sinh hoạt chi bộ điểm đầu năm 2025', host: A, at: '2025-01-01T00:30:00+07:00', status: 'CLOSED', rating: 'TOT',
      visitors: [{ cell: B, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }, { cell: C, rsvp: 'ACCEPTED', critique: null }, { cell: D, rsvp: 'DECLINED' }],
      actionItems: [
        { title: 'Gửi tài liệu trước 1 ngày', dueDate: '2025-01-20', done: true },
        { title: 'Hoàn thiện mẫu biên bản', dueDate: '2025-02-15' },
        { title: 'Mua sổ ghi biên bản mới', dueDate: '2025-02-28', dropped: true },
      ] },
    { id: ids.M2, commune: home, title: 'Sinh hoạt chi bộ điểm quý I năm 2025', host: B, at: '2025-03-31T23:30:00+07:00', status: 'CLOSED', rating: 'KHA',
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: C, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }, { cell: E, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.M3, commune: home, title: 'Sinh hoạt chi bộ điểm quý II năm 2025', host: C, at: '2025-04-01T00:30:00+07:00', status: 'REPORTING',
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: B, rsvp: 'DECLINED' }, { cell: D, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.M4, commune: home, title: 'Sinh hoạt chi bộ điểm quý III năm 2025', host: A, at: '2025-08-10T08:00:00+07:00', status: 'CLOSED', rating: 'TRUNG_BINH',
      visitors: [{ cell: B, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: D, rsvp: 'ACCEPTED', critique: ON_TIME, adopted: true }],
      actionItems: [{ title: 'Duy trì sinh hoạt chuyên đề hằng quý', dueDate: '2099-12-31' }] },
    { id: ids.M5, commune: home, title: 'Sinh hoạt chi bộ điểm đã hủy', host: D, at: '2025-09-01T08:00:00+07:00', status: 'CANCELLED',
      visitors: [{ cell: B, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: ids.M6, commune: home, title: 'Sinh hoạt chi bộ điểm quý IV năm 2025', host: D, at: '2025-11-30T08:00:00+07:00', status: 'CRITIQUE', critiqueClosesAt: Date.now() + 30 * DAY_MS,
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }, { cell: C, rsvp: 'ACCEPTED', critique: null }] },
    { id: ids.M7, commune: home, title: 'Sinh hoạt chi bộ điểm tháng Mười hai năm 2025', host: B, at: '2025-12-15T08:00:00+07:00', status: 'SCHEDULED',
      visitors: [{ cell: A, rsvp: 'ACCEPTED' }, { cell: C, rsvp: 'ACCEPTED' }] },
    { id: ids.X1, commune: home, title: 'Sinh hoạt chi bộ điểm đầu năm 2026', host: C, at: '2026-01-01T00:30:00+07:00', status: 'CLOSED', rating: 'TOT',
      visitors: [{ cell: A, rsvp: 'ACCEPTED', critique: ON_TIME }] },
    { id: ids.O1, commune: other, title: 'Sinh hoạt chi bộ điểm của xã khác', host: other.cells[0], at: '2025-05-01T08:00:00+07:00', status: 'CLOSED', rating: 'KEM',
      visitors: [{ cell: other.cells[1], rsvp: 'ACCEPTED', critique: ON_TIME }], actionItems: [{ title: 'Việc của xã khác', dueDate: '2025-06-01' }] },
  ];
  for (const cycle of cycles) await insertHeldCycle(stack, cycle);
  await stack.dataSource.query(`UPDATE cells SET deactivated_at = now(), deactivation_reason = 'Sáp nhập thôn' WHERE id = ANY($1)`, [[E.id, F.id]]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stopAll();
});

const reportOf = (token: string, query: string, committeeId = home.committeeId) => stack.http.get(`/api/committees/${committeeId}/year-report${query}`).set(bearer(token));

const visits = (counts: Partial<Record<'invited' | 'attended' | 'declined' | 'onTime' | 'missed' | 'pending' | 'adopted', number>>) => ({
  invited: 0, attended: 0, declined: 0, onTime: 0, missed: 0, pending: 0, adopted: 0, ...counts,
});
const items = (counts: Partial<Record<'committed' | 'done' | 'dropped' | 'open' | 'overdue', number>>) => ({ committed: 0, done: 0, dropped: 0, open: 0, overdue: 0, ...counts });
const ratings = (counts: Partial<Record<'TOT' | 'KHA' | 'TRUNG_BINH' | 'KEM', number>>) => ({ TOT: 0, KHA: 0, TRUNG_BINH: 0, KEM: 0, ...counts });

/** A's items after M1 and M4: one done, one dropped, the one due 15/02/2025 open and overdue, the one due in 2099 open. */
const A_ITEMS = items({ committed: 4, done: 1, dropped: 1, open: 2, overdue: 1 });

/** 2025, counted from the table above: the held meetings are M1, M2, M3, M4, M6 (M5 cancelled, M7 not held). */
const CELLS_2025 = () => [
  { cellId: A.id, active: true, hosted: 2, hostedRatings: ratings({ TOT: 1, TRUNG_BINH: 1 }), visits: visits({ invited: 3, attended: 3, onTime: 3 }), actionItems: A_ITEMS },
  { cellId: B.id, active: true, hosted: 1, hostedRatings: ratings({ KHA: 1 }), visits: visits({ invited: 3, attended: 2, declined: 1, onTime: 2, adopted: 1 }), actionItems: items({}) },
  { cellId: C.id, active: true, hosted: 1, hostedRatings: ratings({}), visits: visits({ invited: 3, attended: 3, onTime: 1, missed: 1, pending: 1, adopted: 1 }), actionItems: items({}) },
  { cellId: D.id, active: true, hosted: 1, hostedRatings: ratings({}), visits: visits({ invited: 3, attended: 2, declined: 1, onTime: 1, missed: 1, adopted: 1 }), actionItems: items({}) },
  { cellId: E.id, active: false, hosted: 0, hostedRatings: ratings({}), visits: visits({ invited: 1, attended: 1, missed: 1 }), actionItems: items({}) },
];

describe('the year report (GET /api/committees/:id/year-report)', () => {
  it('2025: the commune’s totals, its meetings and every cell as counted by hand; the dissolved cell without figures left out', async () => {
    const response = await reportOf(home.staff.token, '?year=2025').expect(200);
    const body = response.body;
    expect(body).toMatchObject({ committeeId: home.committeeId, committeeName: expect.stringMatching(/^Đảng ủy xã Na Hối /), year: 2025, quarter: null });
    // The year in Vietnam: from 00:00 on 1 January (17:00 UTC the day before) to the same moment a year later.
    expect([body.from, body.to]).toEqual(['2024-12-31T17:00:00.000Z', '2025-12-31T17:00:00.000Z']);
    expect(body.totals).toEqual({
      planned: 6,
      held: 5,
      cancelled: 1,
      rated: 3,
      ratings: ratings({ TOT: 1, KHA: 1, TRUNG_BINH: 1 }),
      hostCells: 4,
      visitingCells: 5,
      visits: visits({ invited: 13, attended: 11, declined: 2, onTime: 7, missed: 3, pending: 1, adopted: 3 }),
      actionItems: A_ITEMS,
    });
    expect(body.meetings.map((meeting: Record<string, unknown>) => [meeting.cycleId, meeting.status, meeting.held, meeting.hostCellName, meeting.rating])).toEqual([
      [ids.M1, 'CLOSED', true, A.name, 'TOT'],
      [ids.M2, 'CLOSED', true, B.name, 'KHA'],
      [ids.M3, 'REPORTING', true, C.name, null],
      [ids.M4, 'CLOSED', true, A.name, 'TRUNG_BINH'],
      [ids.M6, 'CRITIQUE', true, D.name, null],
      [ids.M7, 'SCHEDULED', false, B.name, null],
    ]);
    expect(body.meetings[0]).toMatchObject({
      meetingAt: '2024-12-31T17:30:00.000Z',
      visitors: visits({ invited: 3, attended: 2, declined: 1, onTime: 1, missed: 1, adopted: 1 }),
      actionItems: items({ committed: 3, done: 1, dropped: 1, open: 1, overdue: 1 }),
    });
    expect(body.meetings[3]).toMatchObject({ visitors: visits({ invited: 2, attended: 2, onTime: 2, adopted: 1 }), actionItems: items({ committed: 1, open: 1 }) });
    expect(body.meetings[4]).toMatchObject({ visitors: visits({ invited: 2, attended: 2, onTime: 1, pending: 1 }) });
    // Not held: no one attended a meeting that was not recorded.
    expect(body.meetings[5]).toMatchObject({ visitors: visits({}), actionItems: items({}) });
    expect(body.cells.map(({ cellId, active, hosted, hostedRatings, visits: cellVisits, actionItems }: Record<string, unknown>) => ({ cellId, active, hosted, hostedRatings, visits: cellVisits, actionItems }))).toEqual(CELLS_2025());
    expect(body.cells[0]).toMatchObject({ cellName: A.name, memberCount: 14 });
    expect(body.cells.map((cell: { cellId: string }) => cell.cellId)).not.toContain(F.id);
    for (const id of [other.committeeId, ids.O1, ids.X0, ids.X1, ids.M5, ...other.cells.map((cell) => cell.id)]) expect(response.text).not.toContain(id);
  });

  it('quarters end at midnight in Vietnam: M1 and M2 in Q1 (M2 at 23:30 on 31 March), M3 in Q2 (00:30 on 1 April)', async () => {
    const q1 = (await reportOf(home.staff.token, '?year=2025&quarter=1').expect(200)).body;
    expect([q1.quarter, q1.from, q1.to]).toEqual([1, '2024-12-31T17:00:00.000Z', '2025-03-31T17:00:00.000Z']);
    expect(q1.meetings.map((meeting: { cycleId: string }) => meeting.cycleId)).toEqual([ids.M1, ids.M2]);
    expect(q1.totals).toMatchObject({
      planned: 2, held: 2, cancelled: 0, rated: 2, ratings: ratings({ TOT: 1, KHA: 1 }), hostCells: 2, visitingCells: 4,
      visits: visits({ invited: 6, attended: 5, declined: 1, onTime: 3, missed: 2, adopted: 2 }),
      actionItems: items({ committed: 3, done: 1, dropped: 1, open: 1, overdue: 1 }),
    });
    // Every active cell has its line; E, dissolved, has one because it visited M2.
    expect(q1.cells.map((cell: { cellId: string; visits: unknown }) => [cell.cellId, cell.visits])).toEqual([
      [A.id, visits({ invited: 1, attended: 1, onTime: 1 })],
      [B.id, visits({ invited: 1, attended: 1, onTime: 1, adopted: 1 })],
      [C.id, visits({ invited: 2, attended: 2, onTime: 1, missed: 1, adopted: 1 })],
      [D.id, visits({ invited: 1, declined: 1 })],
      [E.id, visits({ invited: 1, attended: 1, missed: 1 })],
    ]);

    const q2 = (await reportOf(home.staff.token, '?year=2025&quarter=2').expect(200)).body;
    expect(q2.meetings.map((meeting: { cycleId: string }) => meeting.cycleId)).toEqual([ids.M3]);
    expect(q2.totals).toMatchObject({ planned: 1, held: 1, rated: 0, hostCells: 1, visits: visits({ invited: 3, attended: 2, declined: 1, onTime: 1, missed: 1 }) });
    // E did nothing in Q2: a dissolved cell without figures has no line.
    expect(q2.cells.map((cell: { cellId: string; hosted: number }) => [cell.cellId, cell.hosted])).toEqual([[A.id, 0], [B.id, 0], [C.id, 1], [D.id, 0]]);

    const q4 = (await reportOf(home.staff.token, '?year=2025&quarter=4').expect(200)).body;
    expect([q4.totals.planned, q4.totals.held, q4.totals.cancelled]).toEqual([2, 1, 0]);
    const y2024 = (await reportOf(home.staff.token, '?year=2024').expect(200)).body;
    expect(y2024.meetings.map((meeting: { cycleId: string }) => meeting.cycleId)).toEqual([ids.X0]);
  });

  it('gives the other commune only its own figures', async () => {
    const response = await reportOf(other.staff.token, '?year=2025', other.committeeId).expect(200);
    expect(response.body.meetings.map((meeting: { cycleId: string }) => meeting.cycleId)).toEqual([ids.O1]);
    expect(response.body.totals).toMatchObject({ held: 1, ratings: ratings({ KEM: 1 }), actionItems: items({ committed: 1, open: 1, overdue: 1 }) });
    for (const id of [home.committeeId, ...Object.values(ids).filter((id) => id !== ids.O1), ...home.cells.map((cell) => cell.id)]) expect(response.text).not.toContain(id);
  });

  it('refuses a period that is not one, in Vietnamese, naming the field', async () => {
    const cases: [string, string][] = [
      ['', 'Năm báo cáo là bắt buộc.'],
      // The API writes numbers as Vietnamese does, thousands grouped with a dot.
      ['?year=1999', 'Năm báo cáo không được nhỏ hơn 2.000.'],
      ['?year=hai-nghin', 'Năm báo cáo phải là số nguyên.'],
      ['?year=2025&quarter=5', 'Quý không được lớn hơn 4.'],
      ['?year=2025&quarter=0', 'Quý không được nhỏ hơn 1.'],
      ['?year=2025&quarter=I', 'Quý phải là số nguyên.'],
    ];
    for (const [query, message] of cases) {
      for (const path of ['year-report', 'year-report/export.xlsx', 'year-report/export.docx', 'year-report/export.pdf']) {
        const response = await stack.http.get(`/api/committees/${home.committeeId}/${path}${query}`).set(bearer(home.staff.token));
        expect({ path, query, status: response.status, fields: response.body.fields }).toEqual({ path, query, status: 400, fields: [{ field: expect.any(String), message }] });
      }
    }
  });

  it('refuses what is not the caller’s: another committee’s staff 404 (as for no such committee), a secretary 403, no token 401', async () => {
    for (const path of ['year-report', 'year-report/export.xlsx', 'year-report/export.docx', 'year-report/export.pdf']) {
      const ofHome = `/api/committees/${home.committeeId}/${path}?year=2025`;
      const outsider = await stack.http.get(ofHome).set(bearer(other.staff.token)).expect(404);
      const nowhere = await stack.http.get(`/api/committees/${randomUUID()}/${path}?year=2025`).set(bearer(home.staff.token)).expect(404);
      expect(outsider.body).toEqual(nowhere.body);
      await stack.http.get(ofHome).set(bearer(A.secretary.token)).expect(403);
      await stack.http.get(ofHome).expect(401);
    }
  });
});

describe('the exports', () => {
  it('XLSX: a sheet per table with Vietnamese headers, widths and number formats, the figures counted by hand', async () => {
    const response = await stack.http.get(`/api/committees/${home.committeeId}/year-report/export.xlsx?year=2025`).set(bearer(home.staff.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(response.headers['content-disposition']) ?? [];
    expect(decodeURIComponent(encoded)).toBe(`Báo cáo kết quả sinh hoạt chi bộ điểm năm 2025 - ${await committeeName()}.xlsx`);
    expect(ascii).toMatch(/^Bao cao ket qua sinh hoat chi bo diem nam 2025 - Dang uy xa Na Hoi .*\.xlsx$/);
    const bytes = response.body as Buffer;
    saveArtifact('year-report-2025.xlsx', bytes);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tổng hợp', 'Các buổi sinh hoạt', 'Các chi bộ']);

    const totals = workbook.getWorksheet('Tổng hợp')!;
    const figure = (label: string) => {
      let found: ExcelJS.Cell | undefined;
      totals.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2);
      });
      if (!found) throw new Error(`no row “${label}”`);
      return found;
    };
    expect(figure('Buổi sinh hoạt chi bộ điểm đã tổ chức').value).toBe(5);
    expect(figure('Đợt đã hủy').value).toBe(1);
    expect(figure('Xếp loại Trung bình').value).toBe(1);
    expect(figure('Lượt chi bộ được mời').value).toBe(13);
    expect(figure('Lượt chi bộ dự sinh hoạt').value).toBe(11);
    expect(figure('Tỷ lệ dự sinh hoạt').value).toBeCloseTo(11 / 13, 10);
    expect(figure('Tỷ lệ dự sinh hoạt').numFmt).toBe('0%');
    expect(figure('Lượt ghi nội dung vận dụng bài học kinh nghiệm').value).toBe(3);
    expect(figure('Việc chưa hoàn thành đã quá hạn').value).toBe(1);
    expect(figure('Kỳ báo cáo').value).toBe('Năm 2025');
    expect((figure('Từ ngày').value as Date).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(figure('Từ ngày').numFmt).toBe('dd/mm/yyyy');
    expect((figure('Đến ngày').value as Date).toISOString()).toBe('2025-12-31T00:00:00.000Z');

    const meetings = workbook.getWorksheet('Các buổi sinh hoạt')!;
    expect(meetings.getRow(1).getCell(2).value).toBe('Ngày sinh hoạt');
    expect(meetings.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(meetings.rowCount).toBe(7);
    // M1 at 00:30 on 1 January in Vietnam is a meeting of 1 January, not of 31 December (UTC).
    expect((meetings.getRow(2).getCell(2).value as Date).toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(meetings.getRow(2).getCell(2).numFmt).toBe('dd/mm/yyyy');
    expect(meetings.getRow(2).values).toEqual([undefined, 1, expect.any(Date), 'Sinh hoạt chi bộ điểm đầu năm 2025', A.name, 'Đã kết thúc', 'Tốt', 3, 2, 1, 1, 1, 0, 1, 3, 1, 1, 1]);
    expect((meetings.getRow(7).values as unknown[]).slice(4, 7)).toEqual([B.name, expect.any(String), 'Chưa tổ chức']);

    const cells = workbook.getWorksheet('Các chi bộ')!;
    const headers = (cells.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['TT', 'Chi bộ', 'Số đảng viên', 'Làm chi bộ điểm (số buổi)']);
    const column = (header: string) => headers.indexOf(header) + 1;
    const rowOf = (cell: ApiCell) => {
      let found: ExcelJS.Row | undefined;
      cells.eachRow((row) => {
        if (row.getCell(2).value === cell.name) found = row;
      });
      if (!found) throw new Error(`no row for ${cell.name}`);
      return found;
    };
    expect(cells.rowCount).toBe(6);
    expect([column('Được mời (lượt)'), column('Dự (lượt)'), column('Tỷ lệ dự'), column('Từ chối dự')].every((index) => index > 0)).toBe(true);
    const cRow = rowOf(C);
    expect([cRow.getCell(column('Làm chi bộ điểm (số buổi)')).value, cRow.getCell(column('Được mời (lượt)')).value, cRow.getCell(column('Dự (lượt)')).value]).toEqual([1, 3, 3]);
    expect(cRow.getCell(column('Gửi nhận xét, góp ý đúng hạn')).value).toBe(1);
    expect(cRow.getCell(column('Chưa gửi, còn hạn')).value).toBe(1);
    expect(cRow.getCell(column('Tỷ lệ dự')).value).toBe(1);
    expect(cRow.getCell(column('Tỷ lệ dự')).numFmt).toBe('0%');
    const aRow = rowOf(A);
    expect([aRow.getCell(column('Xếp loại Tốt')).value, aRow.getCell(column('Xếp loại Trung bình')).value, aRow.getCell(column('Việc chưa hoàn thành')).value, aRow.getCell(column('Việc quá hạn')).value]).toEqual([1, 1, 2, 1]);
    expect(rowOf(E).getCell(column('Ghi chú')).value).toBe('Đã giải thể');
    expect(cells.getColumn(2).width).toBeGreaterThanOrEqual(30);
    expect(cells.getRow(1).font?.bold).toBe(true);
  });

  it('DOCX: a “Báo cáo” in the Party format, with the committee, the date, the tables and the signature', async () => {
    const response = await stack.http.get(`/api/committees/${home.committeeId}/year-report/export.docx?year=2025&quarter=1`).set(bearer(home.staff.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(response.headers['content-disposition'])?.[1] ?? '')).toMatch(/^Báo cáo kết quả sinh hoạt chi bộ điểm quý I năm 2025 - Đảng ủy xã Na Hối .+\.docx$/);
    const bytes = response.body as Buffer;
    saveArtifact('year-report-2025-q1.docx', bytes);
    const { paragraphs, runs } = readDocx(bytes);
    const text = paragraphs.map(comparable);
    const committee = comparable(await committeeName());
    const place = committee.replace(/^Đảng ủy xã /, '');
    const today = new Date(Date.now() + VIETNAM_OFFSET_MS);
    const pad = (value: number) => String(value).padStart(2, '0');
    const month = today.getUTCMonth() + 1;
    expect(text).toContain(`ĐẢNG BỘ XÃ ${place.toLocaleUpperCase('vi')}`);
    expect(text).toContain(committee.toLocaleUpperCase('vi'));
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain(`${place}, ngày ${pad(today.getUTCDate())} tháng ${month <= 2 ? pad(month) : month} năm ${today.getUTCFullYear()}`);
    expect(text).toContain('Số …-BC/ĐU');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('kết quả sinh hoạt chi bộ điểm quý I năm 2025');
    expect(runs.find((run) => run.text === 'ĐẢNG CỘNG SẢN VIỆT NAM')?.properties).toMatch(/<w:b\/>.*<w:u w:val="single"\/>/s);
    expect(text.find((line) => line.startsWith('Trong quý I năm 2025'))).toBe(
      `Trong quý I năm 2025 (từ ngày 01/01/2025 đến ngày 31/03/2025), ${committee} chỉ đạo tổ chức 2 buổi sinh hoạt chi bộ điểm tại 2 chi bộ. Số liệu tính đến ngày ${pad(today.getUTCDate())}/${pad(month)}/${today.getUTCFullYear()}, cụ thể như sau:`,
    );
    expect(text).toContain('Đảng ủy đã xếp loại 2/2 buổi: Tốt 1, Khá 1.');
    // The meetings' table: M1 of 1 January (Vietnam), A, Tốt, 2 of 3 invited came, 1 of them sent on time.
    const row = (cells: string[]) => expect(text.join('|')).toContain(cells.join('|'));
    row(['1', '01/01/2025', A.name, 'Tốt', '2/3', '1/2']);
    row(['2', '31/03/2025', B.name, 'Khá', '3/3', '2/3']);
    expect(text).toContain('Các chi bộ được mời 6 lượt, dự 5/6 (83%), từ chối 1 lượt. Sau các buổi đã dự, chi bộ gửi nhận xét, góp ý đúng hạn 3/5 (60%), không gửi 2 lượt; 2 lượt chi bộ đã ghi nội dung vận dụng bài học kinh nghiệm.');
    // The cells' table: every cell in order, with how often it hosted and its rating, then its visits.
    row(['1', A.name, '1 (Tốt 1)', '1', '1', '0', '1', '0', '0']);
    row(['3', C.name, '0', '2', '2', '0', '1', '1', '1']);
    row(['4', D.name, '0', '1', '0', '1', '0', '0', '0']);
    row(['5', `${E.name} (đã giải thể)`, '0', '1', '1', '0', '0', '1', '0']);
    expect(text).toContain('Các chi bộ điểm cam kết 3 việc: đã hoàn thành 1, chưa hoàn thành 1 (quá hạn 1), Đảng ủy đã bỏ 1.');
    row(['1', A.name, '3', '1', '1', '1']);
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(text).toContain('Nơi nhận:');
    for (const id of [home.committeeId, ...home.cells.map((cell) => cell.id), ...Object.values(ids)]) expect(text.join(' ')).not.toContain(id);
  });

  it('PDF: the same Party paper to print, its text read back by pdftotext, every font embedded, its pages as PNG', async () => {
    const response = await stack.http.get(`/api/committees/${home.committeeId}/year-report/export.pdf?year=2025&quarter=1`).set(bearer(home.staff.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(response.headers['content-disposition'])?.[1] ?? '')).toMatch(/^Báo cáo kết quả sinh hoạt chi bộ điểm quý I năm 2025 - Đảng ủy xã Na Hối .+\.pdf$/);
    const pdfPath = saveArtifact('year-report-2025-q1.pdf', response.body as Buffer);
    const text = comparable(pdfPagesText(pdfPath).join('\n').replace(/\s+/g, ' '));
    const committee = comparable(await committeeName());
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain(committee.toLocaleUpperCase('vi'));
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('kết quả sinh hoạt chi bộ điểm quý I năm 2025');
    expect(text).toContain('Đảng ủy đã xếp loại 2/2 buổi: Tốt 1, Khá 1.');
    expect(text).toContain('T/M ĐẢNG ỦY');
    expect(text).toContain(A.name);
    expect(pdfFonts(pdfPath).every((font) => font.embedded && font.unicode)).toBe(true);
    expect(pdfPagesAsPng(pdfPath, 'year-report-2025-q1').length).toBeGreaterThanOrEqual(1);
  });
});

/** The home committee's name as stored (the fixture names it with a suffix). */
async function committeeName(): Promise<string> {
  const [committee] = await stack.dataSource.query<{ name: string }[]>(`SELECT name FROM committees WHERE id = $1`, [home.committeeId]);
  return committee.name;
}

async function signedInPhone(username: string, password = TEST_PASSWORD): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(browser, { baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname === '/'), page.locator('form[action="/login"] [type="submit"]').click()]);
  return { context, page };
}

describe('the report page (/bao-cao) on a phone', () => {
  it('reached from “Tổng quan”: the year’s tables in words, a quarter picked with the form, both files downloadable; 360 px wide', async () => {
    const { context, page } = await signedInPhone(home.staff.username);
    try {
      expect((await page.goto('/tong-quan?nam=2025'))?.status()).toBe(200);
      await Promise.all([page.waitForURL((url) => url.pathname === '/bao-cao'), page.getByRole('link', { name: /^Báo cáo năm 2025/ }).click()]);
      expect(new URL(page.url()).searchParams.get('nam')).toBe('2025');
      await expect(page.locator('h1').textContent()).resolves.toBe('Báo cáo năm 2025');
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('Buổi sinh hoạt chi bộ điểm đã tổ chức 5');
      expect(text).toContain('Buổi đã lên lịch, chưa tổ chức 1');
      expect(text).toContain('Lượt chi bộ dự / được mời 11/13 (85%)');
      expect(text).toContain('Nhận xét, góp ý đúng hạn / lượt dự 7/11 (64%)');
      expect(text).toContain('Chưa hoàn thành (quá hạn) 2 (1)');
      expect(text).toContain('Xếp loại: Tốt 1, Khá 1, Trung bình 1; 2 buổi chưa xếp loại.');
      expect(text).toContain('Các buổi sinh hoạt chi bộ điểm (6)');
      expect(text).toContain('Các chi bộ (5)');
      // The meetings' table and the cells' table, row by row.
      const rows = async (table: number) =>
        (await page.locator('table.report').nth(table).locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
      expect(await rows(0)).toEqual([
        `01/01/2025 ${A.name} Tốt 2/3 1/2`,
        `31/03/2025 ${B.name} Khá 3/3 2/3`,
        `01/04/2025 ${C.name} Chưa xếp loại 2/3 1/2`,
        `10/08/2025 ${A.name} Trung bình 2/2 2/2`,
        `30/11/2025 ${D.name} Chưa xếp loại 2/2 1/2`,
        `15/12/2025 ${B.name} Chờ tổ chức sinh hoạt – –`,
      ]);
      expect(await rows(1)).toEqual([
        `${A.name} 2 Tốt 1, Trung bình 1 3/3 3 0 2 (1)`,
        `${B.name} 1 Khá 1 2/3 2 1 0`,
        `${C.name} 1 chưa xếp loại 3/3 1 1 0`,
        `${D.name} 1 chưa xếp loại 2/3 1 1 0`,
        `${E.name} (đã giải thể) 0 1/1 0 0 0`,
      ]);
      expect(text).not.toMatch(/\bTOT\b|TRUNG_BINH|REPORTING|CRITIQUE|SCHEDULED|\d{4}-\d{2}-\d{2}T/);
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'year-report');
      await screenshot(page, 'year-report');

      // The files behind the links, with the session's cookie.
      const xlsx = await page.request.get(await page.locator('a[href^="/bao-cao/tep.xlsx"]').getAttribute('href') ?? '');
      expect([xlsx.status(), xlsx.headers()['content-type']]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
      const docx = await page.request.get(await page.locator('a[href^="/bao-cao/tep.docx"]').getAttribute('href') ?? '');
      expect(docx.status()).toBe(200);
      expect(readDocx(await docx.body()).paragraphs.map(comparable)).toContain('kết quả sinh hoạt chi bộ điểm năm 2025');

      // A quarter, picked with the form.
      await page.locator('select[name="quy"]').selectOption('2');
      await Promise.all([page.waitForURL((url) => url.searchParams.get('quy') === '2'), page.getByRole('button', { name: 'Xem báo cáo' }).click()]);
      await expect(page.locator('h1').textContent()).resolves.toBe('Báo cáo quý II năm 2025');
      expect(await rows(0)).toEqual([`01/04/2025 ${C.name} Chưa xếp loại 2/3 1/2`]);
      await expect(page.locator('a[href^="/bao-cao/tep.docx"]').getAttribute('href')).resolves.toBe('/bao-cao/tep.docx?nam=2025&quy=2');
      await expect(page.evaluate<number>('document.documentElement.scrollWidth')).resolves.toBeLessThanOrEqual(360);
      await checkAccessibility(page, 'year-report-quarter');
      await screenshot(page, 'year-report-quarter');
    } finally {
      await context.close();
    }
  });

  it('another committee’s staff see only their own; a secretary is refused in words; the admin names the committee', async () => {
    const outsider = await signedInPhone(other.staff.username);
    try {
      expect((await outsider.page.goto('/bao-cao?nam=2025'))?.status()).toBe(200);
      const text = await outsider.page.locator('main').innerText();
      for (const cell of home.cells) expect(text).not.toContain(cell.name);
      expect(text).toContain(other.cells[0].name);
      // Naming the home committee changes nothing for the office: it reports on its own.
      expect((await outsider.page.goto(`/bao-cao?nam=2025&dang-uy=${home.committeeId}`))?.status()).toBe(200);
      expect(await outsider.page.locator('main').innerText()).not.toContain(A.name);
    } finally {
      await outsider.context.close();
    }
    const secretary = await signedInPhone(A.secretary.username);
    try {
      expect((await secretary.page.goto('/bao-cao'))?.status()).toBe(403);
      await expect(secretary.page.locator('.error').textContent()).resolves.toMatch(/\S/);
      expect((await secretary.page.request.get('/bao-cao/tep.xlsx?nam=2025')).status()).toBe(403);
    } finally {
      await secretary.context.close();
    }
    const admin = await signedInPhone('admin', 'admin');
    try {
      expect((await admin.page.goto(`/quan-tri/${home.committeeId}`))?.status()).toBe(200);
      await Promise.all([reportReached(admin.page), admin.page.getByRole('link', { name: 'Báo cáo năm của Đảng ủy' }).click()]);
      expect((await admin.page.goto(`/bao-cao?nam=2025&dang-uy=${home.committeeId}`))?.status()).toBe(200);
      expect(await admin.page.locator('main').innerText()).toContain(A.name);
      await expect(admin.page.locator('a[href^="/bao-cao/tep.xlsx"]').getAttribute('href')).resolves.toBe(`/bao-cao/tep.xlsx?nam=2025&dang-uy=${home.committeeId}`);
      expect((await admin.page.request.get(`/bao-cao/tep.docx?nam=2025&dang-uy=${home.committeeId}`)).status()).toBe(200);
      expect((await admin.page.goto('/bao-cao'))?.status()).toBe(404);
      expect((await admin.page.goto(`/bao-cao?dang-uy=${randomUUID()}`))?.status()).toBe(404);
    } finally {
      await admin.context.close();
    }
  });
});

/** Waits for the report page, wherever a link leads to it from. */
function reportReached(on: Page): Promise<void> {
  return on.waitForURL((url) => url.pathname === '/bao-cao');
}
