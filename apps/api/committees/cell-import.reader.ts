import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { SheetRow } from './cell-import.plan.js';

/** The most rows one import takes: a merged commune has 60 to 100+ cells. */
export const MAX_IMPORT_ROWS = 2000;

/** The headers a commune office writes, as read (letter case, spacing and Unicode form do not matter). */
const COLUMNS: Record<keyof Omit<SheetRow, 'row'>, string[]> = {
  committee: ['đảng bộ', 'đảng ủy'],
  cell: ['chi bộ', 'tên chi bộ'],
  memberCount: ['số đảng viên', 'đảng viên'],
  secretary: ['bí thư', 'bí thư chi bộ', 'họ tên bí thư', 'họ và tên bí thư'],
  username: ['tên đăng nhập', 'tài khoản'],
};
const REQUIRED: (keyof typeof COLUMNS)[] = ['cell', 'memberCount', 'secretary', 'username'];
const LABELS: Record<keyof typeof COLUMNS, string> = {
  committee: 'Đảng bộ',
  cell: 'Chi bộ',
  memberCount: 'Số đảng viên',
  secretary: 'Bí thư',
  username: 'Tên đăng nhập',
};

const header = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').replace(/[:*]$/, '').trim().toLocaleLowerCase('vi');

/** Reads the first sheet of an XLSX workbook, or a CSV file (UTF-8, with or without a byte-order mark). */
export async function readImportSheet(file: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (file.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      await workbook.xlsx.load(file as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = file.toString('utf8').replace(/^\uFEFF/, '');
      sheet = await workbook.csv.read(Readable.from([text]), { parserOptions: { delimiter: text.split('\n')[0].includes(';') ? ';' : ',' } });
    }
  } catch {
    throw new DomainError('IMPORT_UNREADABLE', { problem: 'NOT_A_SHEET' });
  }
  if (!sheet || sheet.rowCount < 1) throw new DomainError('IMPORT_UNREADABLE', { problem: 'EMPTY' });
  const headers = new Map<number, keyof typeof COLUMNS>();
  sheet.getRow(1).eachCell((cell, column) => {
    const name = header(cell.text ?? '');
    const field = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).find((key) => COLUMNS[key].includes(name));
    if (field && ![...headers.values()].includes(field)) headers.set(column, field);
  });
  const missing = REQUIRED.filter((field) => ![...headers.values()].includes(field));
  if (missing.length > 0) throw new DomainError('IMPORT_UNREADABLE', { problem: 'MISSING_COLUMNS', columns: missing.map((field) => LABELS[field]).join(', ') });
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) throw new DomainError('IMPORT_UNREADABLE', { problem: 'TOO_MANY_ROWS', limit: MAX_IMPORT_ROWS });
  const rows: SheetRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const values: SheetRow = { row: number, committee: '', cell: '', memberCount: '', secretary: '', username: '' };
    const row = sheet.getRow(number);
    for (const [column, field] of headers) values[field] = String(row.getCell(column).text ?? '').trim();
    if (REQUIRED.every((field) => values[field] === '') && values.committee === '') continue;
    rows.push(values);
  }
  return rows;
}
