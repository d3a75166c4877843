// The commune of `npm run demo`: Đảng bộ xã Na Hối, its 18 cells (15 villages, the commune office, the
// primary school, the health station; 221 members) and the people who act for them. Every person is made
// up (language.md, "Example data"): Tày, Nùng, H'Mông and Kinh names as they are found in the commune.

export const COMMITTEE_NAME = 'Đảng ủy xã Na Hối';
export const PARTY_BRANCH = 'Đảng bộ xã Na Hối';

/**
 * @typedef {{ fullName: string, title: string, username: string }} Person
 * @typedef {{ name: string, memberCount: number, secretary: Person }} CommuneCell
 */

/** @type {Person} The committee office's staff member who runs the cycle. */
export const OFFICE_STAFF = { fullName: 'Nông Thị Thúy', title: 'Chánh Văn phòng Đảng ủy xã', username: 'nahoi.vanphong' };

/** @type {[name: string, memberCount: number, secretary: string][]} */
const CELLS = [
  ['Chi bộ thôn Dì Thàng 1', 13, 'Giàng Seo Chư'],
  ['Chi bộ thôn Dì Thàng 2', 13, 'Vàng A Sử'],
  ['Chi bộ thôn Chỉu Cái', 13, 'Thào Seo Pao'],
  ['Chi bộ thôn Ngải Thầu', 13, 'Sùng Thị Dua'],
  ['Chi bộ thôn Sín Chải A', 14, 'Lý A Phừ'],
  ['Chi bộ thôn Sín Chải B', 13, 'Hầu Seo Vảng'],
  ['Chi bộ thôn Km3', 14, 'Nguyễn Văn Thành'],
  ['Chi bộ thôn Km6', 13, 'Phạm Thị Huệ'],
  ['Chi bộ thôn Nhìu Lùng', 13, 'Tráng A Chu'],
  ['Chi bộ thôn Ly Chư Phìn', 13, 'Ma Seo Chúng'],
  ['Chi bộ thôn Na Hối Nùng', 15, 'Nông Văn Thắm'],
  ['Chi bộ thôn Na Hối Tày', 19, 'Lò Văn Pằng'],
  ['Chi bộ thôn Na Áng A', 13, 'Hoàng Thị Duyên'],
  ['Chi bộ thôn Na Áng B', 13, 'Vi Văn Lượng'],
  ['Chi bộ thôn Cốc Môi', 13, 'Hà Văn Tính'],
  ['Chi bộ Cơ quan xã', 7, 'Đỗ Minh Tuấn'],
  ['Chi bộ Trường Tiểu học Na Hối', 5, 'Trần Thị Thu Hà'],
  ['Chi bộ Trạm Y tế xã', 4, 'La Thị Nhàn'],
];

/** "Chi bộ thôn Dì Thàng 1" → "dithang1": a login name people can type. */
const slug = (/** @type {string} */ cellName) =>
  cellName
    .replace(/^Chi bộ (thôn )?/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** @type {CommuneCell[]} */
export const COMMUNE_CELLS = CELLS.map(([name, memberCount, secretary]) => ({
  name,
  memberCount,
  secretary: { fullName: secretary, title: `Bí thư ${name}`, username: `nahoi.bithu.${slug(name)}` },
}));

/** "đồng chí Lò Văn Pằng, Bí thư Chi bộ thôn Na Hối Tày": a person as a Party office names them, inside a sentence. */
export const titled = (/** @type {Person} */ person) => `đồng chí ${person.fullName}, ${person.title}`;
