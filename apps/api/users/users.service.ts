import { Inject, Injectable } from '@nestjs/common';
import type { ChannelName } from '../../../libs/channels/channel.js';
import { inChannelOrder } from '../../../libs/channels/channel-settings.js';
import { accountRefusal, mayCreateAccount, maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { AreasRepository } from '../../../libs/persistence/repositories/areas.repository.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import type { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import { pageOf, type PageQuery } from '../common/page.query.js';
import type { ChangeUserDto, ReplaceSecretaryDto } from './change-user.dto.js';
import type { CreateUserDto } from './create-user.dto.js';
import { toPersonView, toUserView, type PersonView, type UserView } from './user.mapper.js';
import { requireOpenCommittee } from '../common/open-committee.js';

@Injectable()
export class UsersService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
    @Inject(AreasRepository) private readonly areas: AreasRepository,
  ) {}

  /**
   * Admin creates anyone; committee staff create secretaries of their own committee's cells, and accounts for
   * the upper-level guests (district, province) they invite to their cycles. An upper level's own account
   * (overseer) belongs to a district or a province, not to a committee: the admin makes it.
   */
  async create(caller: AuthUser, dto: CreateUserDto): Promise<PersonView> {
    const committeeId = dto.committeeId ?? (caller.role === 'committee' ? caller.committeeId : null);
    if (!mayCreateAccount(caller, dto.role)) throw new DomainError('ROLE_NOT_ALLOWED');
    if (committeeId && !maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if ((dto.role === 'admin' || dto.role === 'overseer') && (dto.committeeId || dto.cellId)) throw new DomainError('VALIDATION_FAILED');
    if (dto.role === 'overseer') {
      if (!dto.areaId) throw new DomainError('VALIDATION_FAILED');
      if (!(await this.areas.area(dto.areaId))) throw new DomainError('INVALID_AREA');
    } else if (dto.areaId) {
      throw new DomainError('VALIDATION_FAILED');
    }
    if (dto.role !== 'admin' && dto.role !== 'overseer') {
      if (!committeeId) throw new DomainError('VALIDATION_FAILED');
      await requireOpenCommittee(this.organisation, committeeId);
    }
    if (dto.role === 'secretary') {
      if (!dto.cellId) throw new DomainError('VALIDATION_FAILED');
      const cell = await this.organisation.cell(dto.cellId);
      if (!cell || cell.committeeId !== committeeId || cell.deactivatedAt) throw new DomainError('INVALID_CELL', { cellId: dto.cellId });
    } else if (dto.cellId) {
      throw new DomainError('VALIDATION_FAILED');
    }
    const username = dto.username.toLowerCase();
    const weakness = passwordProblem(dto.password, username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    const created = await this.users.create(caller.id, {
      username,
      passwordHash: await hashPassword(dto.password),
      fullName: dto.fullName,
      role: dto.role,
      committeeId: dto.role === 'admin' || dto.role === 'overseer' ? null : committeeId,
      cellId: dto.cellId ?? null,
      areaId: dto.role === 'overseer' ? (dto.areaId ?? null) : null,
      passwordChangeRequired: dto.mustChangePassword === true,
      ...contactOf(dto),
    });
    if (!created) throw new DomainError('USERNAME_TAKEN');
    return toPersonView(created);
  }

  me(caller: AuthUser): UserView {
    return toUserView({ ...caller, passwordChangeRequired: caller.mustChangePassword });
  }

  /** The people of a committee, for the admin and that committee's staff. */
  async listOf(caller: AuthUser, committeeId: string, page: PageQuery): Promise<PersonView[]> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if (!(await this.organisation.committeeExists(committeeId))) throw new DomainError('NOT_FOUND');
    return (await this.users.ofCommittee(committeeId, pageOf(page))).map(toPersonView);
  }

  /**
   * A new name, role or cell, or new contacts and channels. A secretary always has a cell of the person's
   * committee, anyone else none; a role or cell change ends the person's sessions (what they may do has changed
   * under them).
   */
  async change(caller: AuthUser, userId: string, dto: ChangeUserDto): Promise<PersonView> {
    const target = await this.manageable(caller, userId, 'edit');
    const role = dto.role ?? target.role;
    // Nobody changes their own role: the last admin could otherwise leave the installation without one.
    if (caller.id === userId && role !== target.role) throw new DomainError('ROLE_NOT_ALLOWED');
    if (caller.role !== 'admin' && !mayCreateAccount(caller, role)) throw new DomainError('ROLE_NOT_ALLOWED');
    // An upper level's account has an area where every other has a committee: neither turns into the other.
    if ((role === 'overseer') !== (target.role === 'overseer')) throw new DomainError('VALIDATION_FAILED');
    const committeeId = role === 'admin' || role === 'overseer' ? null : target.committeeId;
    if (role !== 'admin' && role !== 'overseer' && !committeeId) throw new DomainError('VALIDATION_FAILED');
    const cellId = role === 'secretary' ? (dto.cellId ?? target.cellId) : null;
    if (role !== 'secretary' && dto.cellId) throw new DomainError('VALIDATION_FAILED');
    if (role === 'secretary') {
      const cell = cellId ? await this.organisation.cell(cellId) : null;
      // A person already in a dissolved cell keeps it until moved; nobody is newly put into one.
      if (!cell || cell.committeeId !== committeeId || (cell.deactivatedAt && cellId !== target.cellId)) throw new DomainError('INVALID_CELL', { cellId: cellId ?? '' });
    }
    const placeChanged = role !== target.role || cellId !== target.cellId || committeeId !== target.committeeId;
    const changes = { fullName: dto.fullName ?? target.fullName, role, committeeId, cellId, ...contactOf(dto) };
    const changed = await this.users.change(caller.id, userId, 'ACCOUNT_CHANGED', changes, placeChanged);
    return toPersonView(changed as UserEntity);
  }

  async deactivate(caller: AuthUser, userId: string, reason: string): Promise<PersonView> {
    const target = await this.manageable(caller, userId, 'deactivate');
    if (target.deactivatedAt) return toPersonView(target);
    return toPersonView((await this.users.change(caller.id, userId, 'ACCOUNT_DEACTIVATED', { deactivatedAt: new Date() }, true, { reason })) as UserEntity);
  }

  async reactivate(caller: AuthUser, userId: string): Promise<PersonView> {
    const target = await this.manageable(caller, userId, 'edit');
    if (!target.deactivatedAt) return toPersonView(target);
    return toPersonView((await this.users.change(caller.id, userId, 'ACCOUNT_REACTIVATED', { deactivatedAt: null }, true)) as UserEntity);
  }

  /** A temporary password the person must replace at the next sign-in; their sessions end. */
  async resetPassword(caller: AuthUser, userId: string, newPassword: string): Promise<PersonView> {
    const target = await this.manageable(caller, userId, 'edit');
    const weakness = passwordProblem(newPassword, target.username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    const passwordHash = await hashPassword(newPassword);
    return toPersonView((await this.users.change(caller.id, userId, 'PASSWORD_RESET', { passwordHash, passwordChangeRequired: true }, true)) as UserEntity);
  }

  /** A cell's secretary replaced (after a congress, say): the new one acts for the cell at once, the old ones no longer can. */
  async replaceSecretary(caller: AuthUser, committeeId: string, cellId: string, dto: ReplaceSecretaryDto): Promise<{ secretary: PersonView; replaced: PersonView[] }> {
    if (!maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    const cell = await this.organisation.cell(cellId);
    if (!cell || cell.committeeId !== committeeId) throw new DomainError('NOT_FOUND');
    if (cell.deactivatedAt) throw new DomainError('INVALID_CELL', { cellId });
    const username = dto.username.toLowerCase();
    const weakness = passwordProblem(dto.password, username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    const outcome = await this.users.replaceSecretary(caller.id, committeeId, cellId, {
      username,
      passwordHash: await hashPassword(dto.password),
      fullName: dto.fullName,
      passwordChangeRequired: dto.mustChangePassword === true,
      ...contactOf(dto),
    });
    if (!outcome) throw new DomainError('USERNAME_TAKEN');
    return { secretary: toPersonView(outcome.created), replaced: outcome.replaced.map(toPersonView) };
  }

  private async manageable(caller: AuthUser, userId: string, change: 'edit' | 'deactivate'): Promise<UserEntity> {
    const target = await this.users.findWithContact(userId);
    if (!target) throw new DomainError('NOT_FOUND');
    const refused = accountRefusal(caller, target, change);
    if (refused) throw new DomainError(refused);
    return target;
  }
}

/**
 * The contacts a form sets: only those it names (an address left out stays as it is, null clears it). The DTO has
 * already kept the phone in its 84… form and the email in lower case.
 */
export function contactOf(dto: { email?: string | null; phone?: string | null; notifyChannels?: ChannelName[] }): Partial<Pick<UserEntity, 'email' | 'phone' | 'notifyChannels'>> {
  return {
    ...(dto.email === undefined ? {} : { email: dto.email }),
    ...(dto.phone === undefined ? {} : { phone: dto.phone }),
    ...(dto.notifyChannels === undefined ? {} : { notifyChannels: inChannelOrder(dto.notifyChannels) }),
  };
}
