// The fault suites share a database with other suites, so each builds a commune of its own, over HTTP, as an admin of its own.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import { TEST_PASSWORD } from './commune-api.fixture.js';
import type { ApiClient } from './http-client.js';

export interface Person {
  userId: string;
  username: string;
  token: string;
}

export interface Commune {
  committeeId: string;
  staff: Person;
  cells: { id: string; name: string; secretary: Person }[];
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * An admin account of the suite's own, written straight into its database (as an installation's first admin
 * is): the suite depends on no other suite having created one, nor on the first-start `admin`/`admin` (which
 * the API makes only in a database without any user).
 */
export async function createSuiteAdmin(db: DataSource): Promise<Credentials> {
  const credentials = { username: `faults.admin.${randomUUID().slice(0, 8)}`, password: TEST_PASSWORD };
  await db.query(`INSERT INTO users (username, password_hash, full_name, role) VALUES ($1, $2, 'Quản trị kiểm thử sự cố', 'admin')`, [
    credentials.username,
    await hash(credentials.password),
  ]);
  return credentials;
}

/** A committee of the suite's own with its staff, and cells with their secretaries, as an admin and the staff would make them. */
export async function createCommune(api: ApiClient, admin: Credentials, cellCount: number): Promise<Commune> {
  const adminToken = await api.login(admin.username, admin.password);
  const suffix = randomUUID().slice(0, 8);
  const created = async (path: string, token: string, body: unknown) => {
    const answer = await api.send('POST', path, { token, body });
    if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const committee = await created('/api/committees', adminToken, { name: `Đảng ủy xã Tà Xùa ${suffix}` });
  const staffUser = await created('/api/users', adminToken, {
    username: `vanphong.${suffix}`,
    password: TEST_PASSWORD,
    fullName: 'Giàng Thị Văn Phòng',
    role: 'committee',
    committeeId: committee.id,
  });
  const staff = { userId: staffUser.id, username: staffUser.username, token: await api.login(staffUser.username, TEST_PASSWORD) };
  const cells: Commune['cells'] = [];
  for (let index = 1; index <= cellCount; index += 1) {
    const cell = await created(`/api/committees/${committee.id}/cells`, staff.token, { name: `Chi bộ bản ${index} ${suffix}`, memberCount: 12 + index });
    const user = await created('/api/users', staff.token, {
      username: `bithu${index}.${suffix}`,
      password: TEST_PASSWORD,
      fullName: `Bí thư bản ${index}`,
      role: 'secretary',
      cellId: cell.id,
    });
    cells.push({ id: cell.id, name: cell.name, secretary: { userId: user.id, username: user.username, token: await api.login(user.username, TEST_PASSWORD) } });
  }
  return { committeeId: committee.id, staff, cells };
}
