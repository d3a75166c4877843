import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { CHANNELS, type ChannelName } from '../../channels/channel.js';
import { maskPhone } from '../../channels/phone-number.js';
import type { Role } from '../../domain/roles.js';
import { UserEntity } from '../entities/user.entity.js';
import { preparedQuery } from '../prepared-query.js';
import { recordAudit } from './audit-trail.js';

export interface NewAccount {
  username: string;
  passwordHash: string;
  fullName: string;
  role: Role;
  committeeId: string | null;
  cellId: string | null;
  /** An overseer's district or province; null for everyone else. */
  areaId?: string | null;
  /** A password given to the person (imported, reset): they choose their own at the next sign-in. */
  passwordChangeRequired?: boolean;
  email?: string | null;
  /** In 84… form (normalisePhone). */
  phone?: string | null;
  /** Every channel when not given: a person hears on each their committee uses until they choose otherwise. */
  notifyChannels?: ChannelName[];
}

/** An account as a request's authentication needs it (UsersRepository.sessionHolder). */
export type SessionHolder = Pick<
  UserEntity,
  'id' | 'username' | 'fullName' | 'role' | 'committeeId' | 'cellId' | 'areaId' | 'passwordChangeRequired' | 'passwordChangedAt' | 'deactivatedAt' | 'sessionsEndedAt'
>;

/** The columns of an account a caller may see, phone included (masked before anyone reads it). */
const ACCOUNT_COLUMNS = `id, username, full_name AS "fullName", role, committee_id AS "committeeId", cell_id AS "cellId",
               area_id AS "areaId", password_change_required AS "passwordChangeRequired", deactivated_at AS "deactivatedAt",
               email, phone, notify_channels AS "notifyChannels"`;

/** The fields of an account the office or the person may change. */
export type AccountChanges = Partial<
  Pick<UserEntity, 'fullName' | 'role' | 'committeeId' | 'cellId' | 'deactivatedAt' | 'passwordHash' | 'passwordChangeRequired' | 'email' | 'phone' | 'notifyChannels'>
>;

const CONTACT_FIELDS = ['email', 'phone', 'notifyChannels'] as const;

/** Inserts an account in the caller's transaction; null when the username (whatever its case) is taken. */
export async function insertAccount(manager: EntityManager, account: NewAccount): Promise<UserEntity | null> {
  const [created] = await manager.query<UserEntity[]>(
    `INSERT INTO users (username, password_hash, full_name, role, committee_id, cell_id, password_change_required, email, phone, notify_channels, area_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT ((lower(username))) DO NOTHING
     RETURNING ${ACCOUNT_COLUMNS}`,
    [
      account.username,
      account.passwordHash,
      account.fullName,
      account.role,
      account.committeeId,
      account.cellId,
      account.passwordChangeRequired === true,
      account.email ?? null,
      account.phone ?? null,
      account.notifyChannels ?? [...CHANNELS],
      account.areaId ?? null,
    ],
  );
  return created ?? null;
}

/** Accounts. A username is one name whatever its letter case; a password hash is read only where it is checked. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * What a signed token's holder is now, read on every request (auth.guard.ts): who they are and what ended
   * their sessions since the token was issued. A prepared statement: its planning cost more than its run.
   */
  async sessionHolder(userId: string): Promise<SessionHolder | null> {
    const [holder] = await preparedQuery<SessionHolder>(
      this.dataSource,
      'session-holder',
      `SELECT id, username, full_name AS "fullName", role, committee_id AS "committeeId", cell_id AS "cellId", area_id AS "areaId",
              password_change_required AS "passwordChangeRequired", password_changed_at AS "passwordChangedAt",
              deactivated_at AS "deactivatedAt", sessions_ended_at AS "sessionsEndedAt"
         FROM users WHERE id = $1`,
      [userId],
    );
    return holder ?? null;
  }

  /** The account with its phone, for a view that masks it. */
  findWithContact(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserEntity | null> {
    return withPhone(manager).where('user.id = :userId', { userId }).getOne();
  }

  findWithHash(username: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.username) = lower(:username)', { username })
      .getOne();
  }

  /** The new account and its audit entry, in one transaction; null when the username is taken. */
  async create(actorId: string, account: NewAccount): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const created = await insertAccount(manager, account);
      if (created) {
        await recordAudit(manager, { actorId, committeeId: created.committeeId, entity: 'user', entityId: created.id, action: 'ACCOUNT_CREATED', before: null, after: auditedAccount(created, false) });
      }
      return created;
    });
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

  /** The accounts of a committee (its staff, its cells' secretaries, its guests), active ones first. */
  ofCommittee(committeeId: string, page: { take: number; skip: number }): Promise<UserEntity[]> {
    return withPhone(this.dataSource.manager)
      .where('user.committeeId = :committeeId', { committeeId })
      .orderBy('user.deactivatedAt IS NULL', 'DESC')
      .addOrderBy('user.fullName', 'ASC')
      .addOrderBy('user.id', 'ASC')
      .take(page.take)
      .skip(page.skip)
      .getMany();
  }

  /**
   * Changes an account as the office does, in one transaction with its audit entry: `endSessions` ends every
   * session opened before this instant (a role or cell change, a deactivation, a password reset). Answers the
   * account after the change, or null when it does not exist.
   */
  async change(actorId: string, userId: string, action: string, changes: AccountChanges, endSessions: boolean, why: Record<string, unknown> = {}): Promise<UserEntity | null> {
    return this.dataSource.transaction(async (manager) => {
      const before = await withPhone(manager).where('user.id = :userId', { userId }).setLock('pessimistic_write').getOne();
      if (!before) return null;
      await manager.getRepository(UserEntity).update({ id: userId }, { ...changes, ...(endSessions ? { sessionsEndedAt: new Date() } : {}) });
      const after = (await this.findWithContact(userId, manager)) as UserEntity;
      const contactChanged = CONTACT_FIELDS.some((field) => field in changes);
      await recordAudit(manager, {
        actorId,
        committeeId: after.committeeId ?? before.committeeId,
        entity: 'user',
        entityId: userId,
        action,
        before: { ...auditedAccount(before, 'passwordHash' in changes), ...(contactChanged ? auditedContact(before) : {}) },
        after: { ...auditedAccount(after, 'passwordHash' in changes), ...(contactChanged ? auditedContact(after) : {}), ...why },
      });
      return after;
    });
  }

  /**
   * A cell's new secretary, in one transaction: the new account is created, the cell's other active
   * secretaries are deactivated (their sessions end), and both are on the audit trail. Null when the
   * username is taken.
   */
  async replaceSecretary(actorId: string, committeeId: string, cellId: string, account: Omit<NewAccount, 'role' | 'committeeId' | 'cellId'>): Promise<{ created: UserEntity; replaced: UserEntity[] } | null> {
    return this.dataSource.transaction(async (manager) => {
      const created = await insertAccount(manager, { ...account, role: 'secretary', committeeId, cellId });
      if (!created) return null;
      const replaced = await withPhone(manager)
        .where(`user.cellId = :cellId AND user.role = 'secretary' AND user.deactivatedAt IS NULL`, { cellId })
        .setLock('pessimistic_write')
        .getMany();
      const others = replaced.filter((user) => user.id !== created.id);
      const now = new Date();
      for (const user of others) {
        const before = auditedAccount(user, false);
        await manager.getRepository(UserEntity).update({ id: user.id }, { deactivatedAt: now, sessionsEndedAt: now });
        Object.assign(user, { deactivatedAt: now, sessionsEndedAt: now });
        await recordAudit(manager, { actorId, committeeId, entity: 'user', entityId: user.id, action: 'SECRETARY_REPLACED', before, after: { ...auditedAccount(user, false), replacedBy: created.id } });
      }
      await recordAudit(manager, { actorId, committeeId, entity: 'user', entityId: created.id, action: 'SECRETARY_APPOINTED', before: null, after: auditedAccount(created, false) });
      return { created, replaced: others };
    });
  }
}

/** What the audit trail keeps of an account: never its password or hash, only that one was set. */
function auditedAccount(user: Partial<UserEntity>, passwordReset: boolean): Record<string, unknown> {
  return {
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    committeeId: user.committeeId,
    cellId: user.cellId,
    ...(user.areaId ? { areaId: user.areaId } : {}),
    deactivatedAt: user.deactivatedAt ? new Date(user.deactivatedAt).toISOString() : null,
    ...(passwordReset ? { passwordReset: true } : {}),
  };
}

/** What the audit trail keeps of a person's contacts: the phone masked, as everywhere but its one column. */
function auditedContact(user: UserEntity): Record<string, unknown> {
  return { email: user.email, phoneMasked: user.phone ? maskPhone(user.phone) : null, notifyChannels: user.notifyChannels };
}

/** Accounts read with their phone, which UserEntity leaves out unless asked. */
function withPhone(manager: EntityManager) {
  return manager.getRepository(UserEntity).createQueryBuilder('user').addSelect('user.phone');
}
