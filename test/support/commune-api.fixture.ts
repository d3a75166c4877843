import { randomUUID } from 'node:crypto';
import { login, type ApiStack } from './api-stack.js';

export interface ApiPerson {
  userId: string;
  username: string;
  token: string;
}

export interface ApiCell {
  id: string;
  name: string;
  secretary: ApiPerson;
}

export interface ApiCommune {
  committeeId: string;
  staff: ApiPerson;
  cells: ApiCell[];
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2026';

/** A commune built through the API the way an admin and committee staff would: committee, staff, cells, secretaries. */
export async function createCommuneViaApi(stack: ApiStack, cellCount: number): Promise<ApiCommune> {
  const admin = await login(stack, 'admin', 'admin');
  const suffix = randomUUID().slice(0, 8);
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const committee = await stack.http.post('/api/committees').set(auth(admin)).send({ name: `Đảng ủy xã Na Hối ${suffix}` }).expect(201);
  const committeeId = committee.body.id as string;
  const staffUser = await stack.http
    .post('/api/users')
    .set(auth(admin))
    .send({ username: `vanphong.${suffix}`, password: TEST_PASSWORD, fullName: 'Lương Thị Văn Phòng', role: 'committee', committeeId })
    .expect(201);
  const staff = { userId: staffUser.body.id, username: staffUser.body.username, token: await login(stack, staffUser.body.username, TEST_PASSWORD) };
  const cells: ApiCommune['cells'] = [];
  for (let index = 1; index <= cellCount; index += 1) {
    const cell = await stack.http
      .post(`/api/committees/${committeeId}/cells`)
      .set(auth(staff.token))
      .send({ name: `Chi bộ thôn ${index} ${suffix}`, memberCount: 13 + index })
      .expect(201);
    const user = await stack.http
      .post('/api/users')
      .set(auth(staff.token))
      .send({ username: `bithu${index}.${suffix}`, password: TEST_PASSWORD, fullName: `Bí thư thôn ${index}`, role: 'secretary', cellId: cell.body.id })
      .expect(201);
    cells.push({
      id: cell.body.id,
      name: cell.body.name,
      secretary: { userId: user.body.id, username: user.body.username, token: await login(stack, user.body.username, TEST_PASSWORD) },
    });
  }
  return { committeeId, staff, cells };
}

/** One more cell of the commune and its secretary, signed in, made by the committee staff as they would. */
export async function addCellViaApi(
  stack: ApiStack,
  commune: Pick<ApiCommune, 'committeeId' | 'staff'>,
  names: { cell: string; username: string; secretary: string },
): Promise<ApiCell> {
  const auth = { Authorization: `Bearer ${commune.staff.token}` };
  const cell = await stack.http.post(`/api/committees/${commune.committeeId}/cells`).set(auth).send({ name: names.cell, memberCount: 21 }).expect(201);
  const user = await stack.http
    .post('/api/users')
    .set(auth)
    .send({ username: names.username, password: TEST_PASSWORD, fullName: names.secretary, role: 'secretary', cellId: cell.body.id })
    .expect(201);
  return {
    id: cell.body.id as string,
    name: cell.body.name as string,
    secretary: { userId: user.body.id as string, username: names.username, token: await login(stack, names.username, TEST_PASSWORD) },
  };
}
