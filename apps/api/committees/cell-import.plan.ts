import { isDisplayName, TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import type { ImportRow, ImportState } from '../../../libs/persistence/repositories/organisation.repository.js';

/**
 * What importing a commune office's spreadsheet of cells and secretaries would do, row by row, decided
 * from the sheet and the committee as it stands: nothing is written here. The same sheet imported twice
 * plans nothing the second time.
 */

/** One row as read from the sheet, every cell as text. */
export interface SheetRow {
  /** The row number a person sees in their spreadsheet (the header is row 1). */
  row: number;
  committee: string;
  cell: string;
  memberCount: string;
  secretary: string;
  username: string;
}

export type RowOutcome = 'CREATE' | 'UPDATE' | 'UNCHANGED' | 'ERROR';

export interface PlannedRow extends ImportRow {
  row: number;
  cell: string;
  memberCount: number | null;
  secretary: string;
  username: string;
  outcome: RowOutcome;
  /** What the row changes, in words. */
  changes: string[];
  /** Why the row cannot be imported, in words. */
  errors: string[];
  /** The existing cell the row matches, if any. */
  cellId: string | null;
  createsSecretary: boolean;
}

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const MAX_MEMBERS = 5000;

/** Names compare as people read them: the same letters whatever the Unicode form, spacing or letter case. */
export function sameName(a: string, b: string): boolean {
  return normalName(a).toLocaleLowerCase('vi') === normalName(b).toLocaleLowerCase('vi');
}

export function normalName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function planImport(rows: SheetRow[], existing: ImportState): PlannedRow[] {
  const seenCells = new Map<string, number>();
  const seenUsernames = new Map<string, number>();
  return rows.map((raw) => {
    const cell = normalName(raw.cell);
    const secretary = normalName(raw.secretary);
    const username = raw.username.trim().toLowerCase();
    const errors: string[] = [];
    const changes: string[] = [];
    if (raw.committee.trim() && !sameName(raw.committee, existing.committeeName)) {
      errors.push(`Chi bộ thuộc “${normalName(raw.committee)}”, không phải Đảng bộ đang nhập`);
    }
    if (!cell) errors.push('Thiếu tên chi bộ');
    else if (!isDisplayName(cell, TEXT_LIMITS.name)) errors.push('Tên chi bộ không hợp lệ');
    const memberCount = /^\d{1,5}$/.test(raw.memberCount.trim()) ? Number(raw.memberCount.trim()) : null;
    if (memberCount === null || memberCount < 1 || memberCount > MAX_MEMBERS) errors.push(`Số đảng viên phải là số nguyên từ 1 đến ${MAX_MEMBERS}`);
    if (!secretary) errors.push('Thiếu họ tên bí thư chi bộ');
    else if (!isDisplayName(secretary, TEXT_LIMITS.name)) errors.push('Họ tên bí thư chi bộ không hợp lệ');
    if (!USERNAME.test(username)) errors.push('Tên đăng nhập phải có 3 đến 64 ký tự: chữ không dấu, số, dấu chấm, gạch');

    const key = cell.toLocaleLowerCase('vi');
    if (cell && seenCells.has(key)) errors.push(`Trùng chi bộ với dòng ${seenCells.get(key)}`);
    else if (cell) seenCells.set(key, raw.row);
    if (username && seenUsernames.has(username)) errors.push(`Trùng tên đăng nhập với dòng ${seenUsernames.get(username)}`);
    else if (username) seenUsernames.set(username, raw.row);

    const match = cell ? existing.cells.find((candidate) => sameName(candidate.name, cell)) : undefined;
    if (match && !match.active) errors.push('Chi bộ đã giải thể hoặc sáp nhập');
    let createsSecretary = false;
    const updatesMembers = match !== undefined && memberCount !== null && memberCount !== match.memberCount;
    if (match) {
      if (updatesMembers) changes.push(`Số đảng viên ${match.memberCount} → ${memberCount}`);
      const current = match.secretaries.find((account) => account.username === username);
      if (!current) {
        if (match.secretaries.length > 0) {
          errors.push(`Chi bộ đã có bí thư (${match.secretaries[0].fullName}); đề nghị dùng chức năng thay bí thư chi bộ`);
        } else if (existing.usernames.has(username)) {
          errors.push('Tên đăng nhập đã có người dùng');
        } else {
          createsSecretary = true;
          changes.push(`Tạo tài khoản bí thư ${secretary}`);
        }
      }
    } else {
      if (cell) changes.push(`Tạo chi bộ ${cell}`);
      if (existing.usernames.has(username)) errors.push('Tên đăng nhập đã có người dùng');
      else if (secretary) {
        createsSecretary = true;
        changes.push(`Tạo tài khoản bí thư ${secretary}`);
      }
    }
    const outcome: RowOutcome = errors.length > 0 ? 'ERROR' : !match ? 'CREATE' : changes.length > 0 ? 'UPDATE' : 'UNCHANGED';
    return { row: raw.row, cell, memberCount, secretary, username, outcome, changes: errors.length ? [] : changes, errors, cellId: match?.id ?? null, updatesMembers, createsSecretary };
  });
}
