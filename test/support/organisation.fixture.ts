import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../libs/domain/cycle.js';

export interface TestCell {
  id: string;
  name: string;
  secretary: Actor & { username: string };
}

export interface TestCommune {
  committeeId: string;
  staff: Actor & { username: string };
  cells: TestCell[];
}

/** A commune written straight to the database: a committee, its staff account, and cells with their secretaries. */
export async function createCommune(
  dataSource: DataSource,
  cellCount: number,
  passwordHash = 'not-a-real-hash',
  name = `Đảng ủy xã Thử nghiệm ${randomUUID().slice(0, 8)}`,
): Promise<TestCommune> {
  const [{ id: committeeId }] = await dataSource.query(`INSERT INTO committees (name) VALUES ($1) RETURNING id`, [name]);
  const suffix = randomUUID().slice(0, 8);
  const [{ id: staffId }] = await dataSource.query(
    `INSERT INTO users (username, password_hash, full_name, role, committee_id) VALUES ($1, $2, $3, 'committee', $4) RETURNING id`,
    [`vanphong-${suffix}`, passwordHash, 'Nguyễn Thị Văn Phòng', committeeId],
  );
  const cells: TestCell[] = [];
  for (let index = 1; index <= cellCount; index += 1) {
    const cellName = `Chi bộ thôn ${index} (${suffix})`;
    const [{ id: cellId }] = await dataSource.query(
      `INSERT INTO cells (committee_id, name, member_count) VALUES ($1, $2, $3) RETURNING id`,
      [committeeId, cellName, 13 + index],
    );
    const username = `bithu${index}-${suffix}`;
    const [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (username, password_hash, full_name, role, committee_id, cell_id) VALUES ($1, $2, $3, 'secretary', $4, $5) RETURNING id`,
      [username, passwordHash, `Bí thư ${index}`, committeeId, cellId],
    );
    cells.push({ id: cellId, name: cellName, secretary: { userId, role: 'secretary', committeeId, cellId, username } });
  }
  return {
    committeeId,
    staff: { userId: staffId, role: 'committee', committeeId, cellId: null, username: `vanphong-${suffix}` },
    cells,
  };
}
