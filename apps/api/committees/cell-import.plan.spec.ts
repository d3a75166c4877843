import { describe, expect, it } from '@jest/globals';
import type { ImportState } from '../../../libs/persistence/repositories/organisation.repository.js';
import { planImport, type SheetRow } from './cell-import.plan.js';

const state = (overrides: Partial<ImportState> = {}): ImportState => ({
  committeeName: 'Đảng ủy xã Na Hối',
  cells: [{ id: 'cell-1', name: 'Chi bộ thôn Na Hối Tày', memberCount: 40, active: true, secretaries: [{ username: 'bithu.nht', fullName: 'Đồng chí Lò Văn Pằng' }] }],
  usernames: new Map([['bithu.nht', 'cell-1']]),
  ...overrides,
});
const row = (row: number, fields: Partial<SheetRow> = {}): SheetRow => ({
  row,
  committee: '',
  cell: 'Chi bộ thôn Chỉu Cái',
  memberCount: '18',
  secretary: 'Đồng chí Giàng A Lử',
  username: 'bithu.cc',
  ...fields,
});

describe('planImport', () => {
  it('matches an existing cell whatever the Unicode form, spacing or case of its name', () => {
    const [planned] = planImport([row(2, { cell: '  chi bộ thôn  NA HỐI TÀY'.normalize('NFD'), memberCount: '40', username: 'BITHU.NHT' })], state());
    expect(planned).toMatchObject({ outcome: 'UNCHANGED', cellId: 'cell-1', changes: [], createsSecretary: false });
  });

  it('updates members, refuses a second secretary for a cell that has one, and refuses a taken username', () => {
    const [members, secondSecretary] = planImport(
      [row(2, { cell: 'Chi bộ thôn Na Hối Tày', memberCount: '44', username: 'bithu.nht' }), row(3, { cell: 'Chi bộ thôn Na Hối Tày', username: 'bithu.khac' })],
      state(),
    );
    expect(members).toMatchObject({ outcome: 'UPDATE', changes: ['Số đảng viên 40 → 44'] });
    expect(secondSecretary.outcome).toBe('ERROR');
    expect(secondSecretary.errors).toEqual(['Trùng chi bộ với dòng 2', 'Chi bộ đã có bí thư (Đồng chí Lò Văn Pằng); đề nghị dùng chức năng thay bí thư chi bộ']);
    const [taken] = planImport([row(2, { username: 'bithu.nht' })], state());
    expect(taken.errors).toEqual(['Tên đăng nhập đã có người dùng']);
  });

  it('names every problem of a row, with the row it repeats', () => {
    const [, repeated] = planImport([row(2), row(7, { memberCount: '0', secretary: ' ', username: 'bithu.cc', committee: 'Đảng ủy xã Khác' })], state());
    expect(repeated.errors).toEqual([
      'Chi bộ thuộc “Đảng ủy xã Khác”, không phải Đảng bộ đang nhập',
      'Số đảng viên phải là số nguyên từ 1 đến 5000',
      'Thiếu họ tên bí thư chi bộ',
      'Trùng chi bộ với dòng 2',
      'Trùng tên đăng nhập với dòng 2',
    ]);
  });

  it('refuses a dissolved cell', () => {
    const [planned] = planImport([row(2, { cell: 'Chi bộ thôn Na Hối Tày', username: 'bithu.nht' })], state({ cells: [{ ...state().cells[0], active: false }] }));
    expect(planned.errors).toContain('Chi bộ đã giải thể hoặc sáp nhập');
  });
});
