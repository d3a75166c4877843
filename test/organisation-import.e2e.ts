import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';

/**
 * Issue 12, bulk import: the commune office's own spreadsheet of cells and secretaries, previewed row by
 * row with every error and its row number, then committed at once; the same file twice changes nothing.
 */
let stack: ApiStack;
let commune: ApiCommune;
let other: ApiCommune;
let committeeName: string;

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const HEADERS = ['Đảng bộ', 'Chi bộ', 'Số đảng viên', 'Bí thư', 'Tên đăng nhập'];
const suffix = Date.now().toString(36);

interface ImportAnswer {
  committed: boolean;
  summary: { rows: number; cellsCreated: number; cellsUpdated: number; secretariesCreated: number; unchanged: number; errors: number };
  rows: { row: number; cell: string; secretary: string; outcome: string; changes: string[]; errors: string[] }[];
  temporaryPasswords: { row: number; username: string; password: string }[];
}

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 1);
  other = await createCommuneViaApi(stack, 1);
  const committees = (await stack.http.get('/api/committees').set(bearer(commune.staff.token)).expect(200)).body as { id: string; name: string }[];
  committeeName = committees.find((committee) => committee.id === commune.committeeId)!.name;
}, 120_000);

afterAll(async () => {
  await stack?.stopAll();
});

async function workbook(rows: (string | number)[][], headers = HEADERS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Danh sách chi bộ');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function csv(rows: (string | number)[][]): Buffer {
  const lines = [HEADERS, ...rows].map((row) => row.map((value) => `"${String(value).replace(/"/g, '""')}"`).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function send(file: Buffer | null, commit: boolean, token = commune.staff.token, committeeId = commune.committeeId, name = 'danh-sach.xlsx') {
  const request = stack.http.post(`/api/committees/${committeeId}/cells/import?commit=${commit}`).set(bearer(token));
  return file ? request.attach('file', file, name) : request.field('note', 'không có tệp');
}

async function cellNames(): Promise<string[]> {
  return ((await stack.http.get(`/api/committees/${commune.committeeId}/cells`).set(bearer(commune.staff.token)).expect(200)).body as { name: string }[]).map((cell) => cell.name);
}

const NA_HOI_TAY = 'Chi bộ thôn Na Hối Tày';
const good = (): (string | number)[][] => [
  ['', NA_HOI_TAY.normalize('NFD'), 42, 'Đồng chí Lò Văn Pằng'.normalize('NFD'), `bithu.nht.${suffix}`],
  [committeeName, 'Chi bộ thôn Dì Thàng 1', 30, 'Đồng chí Sùng A Páo', `bithu.dt1.${suffix}`],
];

describe('importing the commune office’s spreadsheet', () => {
  it('previews every row with its errors and row numbers, and writes nothing while an error remains', async () => {
    const rows = [
      ...good(),
      ['', 'Chi bộ thôn Dì Thàng 1', 31, 'Đồng chí Sùng A Páo', `bithu.dt1b.${suffix}`],
      ['Đảng ủy xã Bản Khác', 'Chi bộ thôn Sán Chải', 25, 'Đồng chí Vàng Seo Chử', `bithu.sc.${suffix}`],
      ['', 'Chi bộ thôn Chỉu Cái', 18, '', `bithu.cc.${suffix}`],
    ];
    const preview = await send(await workbook(rows), false);
    expect(preview.status).toBe(200);
    const answer = preview.body as ImportAnswer;
    expect(answer.committed).toBe(false);
    expect(answer.rows.map((row) => [row.row, row.outcome])).toEqual([
      [2, 'CREATE'],
      [3, 'CREATE'],
      [4, 'ERROR'],
      [5, 'ERROR'],
      [6, 'ERROR'],
    ]);
    // Names in the decomposed Unicode form are stored as people type them (NFC).
    expect(answer.rows[0]).toMatchObject({ cell: NA_HOI_TAY, secretary: 'Đồng chí Lò Văn Pằng' });
    expect(answer.rows[2].errors).toContain('Trùng chi bộ với dòng 3');
    expect(answer.rows[3].errors.join(' ')).toContain('Đảng ủy xã Bản Khác');
    expect(answer.rows[4].errors).toContain('Thiếu họ tên bí thư chi bộ');
    expect(answer.summary).toMatchObject({ rows: 5, cellsCreated: 2, errors: 3 });

    const before = await cellNames();
    const refused = await send(await workbook(rows), true);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'IMPORT_HAS_ERRORS' });
    expect(refused.body.message).toContain('3 dòng');
    expect(await cellNames()).toEqual(before);
  });

  it('commits the good rows once: cells and secretaries who must change the temporary password; the same file again changes nothing', async () => {
    const file = csv(good());
    const preview = (await send(file, false, commune.staff.token, commune.committeeId, 'danh-sach.csv').then((answer) => answer.body)) as ImportAnswer;
    expect(preview.rows.map((row) => row.outcome)).toEqual(['CREATE', 'CREATE']);
    const committed = await send(file, true, commune.staff.token, commune.committeeId, 'danh-sach.csv');
    expect(committed.status).toBe(200);
    const answer = committed.body as ImportAnswer;
    expect(answer).toMatchObject({ committed: true, summary: { cellsCreated: 2, secretariesCreated: 2, errors: 0 } });
    expect(answer.temporaryPasswords.map((entry) => entry.username).sort()).toEqual([`bithu.dt1.${suffix}`, `bithu.nht.${suffix}`]);
    expect(await cellNames()).toEqual(expect.arrayContaining([NA_HOI_TAY, 'Chi bộ thôn Dì Thàng 1']));

    const temporary = answer.temporaryPasswords.find((entry) => entry.username === `bithu.nht.${suffix}`)!;
    const login = await stack.http.post('/api/auth/login').send({ username: temporary.username, password: temporary.password }).expect(200);
    expect(login.body.user).toMatchObject({ fullName: 'Đồng chí Lò Văn Pằng', role: 'secretary', mustChangePassword: true });

    const again = (await send(file, true, commune.staff.token, commune.committeeId, 'danh-sach.csv')).body as ImportAnswer;
    expect(again).toMatchObject({ committed: true, summary: { cellsCreated: 0, cellsUpdated: 0, secretariesCreated: 0, unchanged: 2 }, temporaryPasswords: [] });
    expect((await cellNames()).filter((name) => name === NA_HOI_TAY)).toHaveLength(1);

    const grown = good().map((row, index) => (index === 0 ? [row[0], row[1], 45, row[3], row[4]] : row));
    const updated = (await send(await workbook(grown), true)).body as ImportAnswer;
    expect(updated.rows[0]).toMatchObject({ outcome: 'UPDATE', changes: ['Số đảng viên 42 → 45'] });
    const trail = (await stack.http.get('/api/audit').set(bearer(commune.staff.token)).expect(200)).body as { action: string }[];
    expect(trail.filter((entry) => entry.action === 'CELL_IMPORTED')).toHaveLength(3);
    expect(trail.filter((entry) => entry.action === 'ACCOUNT_IMPORTED')).toHaveLength(2);
  });

  it('says plainly what is wrong with a file it cannot read, and keeps other offices out', async () => {
    const noFile = await send(null, false);
    expect({ status: noFile.status, code: noFile.body.code }).toEqual({ status: 400, code: 'IMPORT_UNREADABLE' });
    const missing = await send(await workbook([['Chi bộ thôn A', 20]], ['Chi bộ', 'Số đảng viên']), false);
    expect({ status: missing.status, code: missing.body.code }).toEqual({ status: 400, code: 'IMPORT_UNREADABLE' });
    expect(missing.body.message).toContain('Bí thư, Tên đăng nhập');
    const broken = await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), false);
    expect({ status: broken.status, code: broken.body.code }).toEqual({ status: 400, code: 'IMPORT_UNREADABLE' });
    const tooBig = await send(Buffer.alloc(1024 * 1024 + 1, 0x41), false);
    expect(tooBig.status).toBe(413);
    expect((await send(csv(good()), false, other.staff.token)).status).toBe(404);
    expect((await send(csv(good()), false, commune.cells[0].secretary.token)).status).toBe(403);
  });
});
