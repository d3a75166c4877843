import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../../domain/roles.js';
import { UserEntity } from '../entities/user.entity.js';

export interface NewAccount {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  committeeId: string | null;
  cellId: string | null;
}

/** Accounts. A username is one name whatever its letter case; a password hash is read only where it is checked. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  find(userId: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id: userId });
  }

  findWithHash(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  /** The new account, or null when the username is taken. */
  async create(account: NewAccount): Promise<UserEntity | null> {
    const created = await this.dataSource.query<UserEntity[]>(
      `INSERT INTO users (username, password_hash, full_name, role, committee_id, cell_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(username))) DO NOTHING
       RETURNING id, username, full_name AS "fullName", role, committee_id AS "committeeId", cell_id AS "cellId"`,
      [account.username, account.passwordHash, account.fullName, account.role, account.committeeId, account.cellId],
    );
    return created[0] ?? null;
  }

  /** The installation's first admin, only while there is no account at all; answers whether it was created. */
  async createFirstAdmin(username: string, passwordHash: string, mustChangePassword: boolean): Promise<boolean> {
    const created = await this.dataSource.query<unknown[]>(
      `INSERT INTO users (username, password_hash, full_name, role, password_change_required)
       SELECT $1, $2, 'Quản trị hệ thống', 'admin', $3 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT DO NOTHING RETURNING id`,
      [username, passwordHash, mustChangePassword],
    );
    return created.length > 0;
  }

  async anyExists(): Promise<boolean> {
    const [{ count }] = await this.dataSource.query<{ count: string }[]>(`SELECT count(*) FROM users`);
    return Number(count) > 0;
  }

  /** A new password; tokens issued before this second stop counting (the auth guard compares their iat). */
  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE users SET password_hash = $2, password_change_required = false, password_changed_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }
}
