import { Inject, Injectable } from '@nestjs/common';
import { mayCreateAccount, maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { OrganisationRepository } from '../../../libs/persistence/repositories/organisation.repository.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import type { CreateUserDto } from './create-user.dto.js';
import { toUserView, type UserView } from './user.mapper.js';

@Injectable()
export class UsersService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(OrganisationRepository) private readonly organisation: OrganisationRepository,
  ) {}

  /**
   * Admin creates anyone; committee staff create secretaries of their own committee's cells, and accounts for
   * the upper-level guests (district, province) they invite to their cycles.
   */
  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserView> {
    const committeeId = dto.committeeId ?? (caller.role === 'committee' ? caller.committeeId : null);
    if (!mayCreateAccount(caller, dto.role)) throw new DomainError('ROLE_NOT_ALLOWED');
    if (committeeId && !maySeeCommittee(caller, committeeId)) throw new DomainError('NOT_FOUND');
    if (dto.role === 'admin' && (dto.committeeId || dto.cellId)) throw new DomainError('VALIDATION_FAILED');
    if (dto.role !== 'admin') {
      if (!committeeId) throw new DomainError('VALIDATION_FAILED');
      if (!(await this.organisation.committeeExists(committeeId))) throw new DomainError('NOT_FOUND');
    }
    if (dto.role === 'secretary') {
      if (!dto.cellId) throw new DomainError('VALIDATION_FAILED');
      const cell = await this.organisation.cell(dto.cellId);
      if (!cell || cell.committeeId !== committeeId) throw new DomainError('INVALID_CELL', { cellId: dto.cellId });
    } else if (dto.cellId) {
      throw new DomainError('VALIDATION_FAILED');
    }
    const username = dto.username.toLowerCase();
    const weakness = passwordProblem(dto.password, username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    const created = await this.users.create({
      username,
      passwordHash: await hashPassword(dto.password),
      fullName: dto.fullName,
      role: dto.role,
      committeeId: dto.role === 'admin' ? null : committeeId,
      cellId: dto.cellId ?? null,
    });
    if (!created) throw new DomainError('USERNAME_TAKEN');
    return toUserView(created);
  }

  me(caller: AuthUser): UserView {
    return toUserView({ ...caller, passwordChangeRequired: caller.mustChangePassword });
  }
}
