import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mayCreateAccount, maySeeCommittee } from '../../../libs/domain/cycle-policy.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { CellEntity } from '../../../libs/persistence/entities/cell.entity.js';
import { CommitteeEntity } from '../../../libs/persistence/entities/committee.entity.js';
import { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import type { CreateUserDto } from './create-user.dto.js';
import { toUserView, type UserView } from './user.mapper.js';

@Injectable()
export class UsersService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

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
      if (!(await this.dataSource.getRepository(CommitteeEntity).existsBy({ id: committeeId }))) throw new DomainError('NOT_FOUND');
    }
    if (dto.role === 'secretary') {
      if (!dto.cellId) throw new DomainError('VALIDATION_FAILED');
      const cell = await this.dataSource.getRepository(CellEntity).findOneBy({ id: dto.cellId });
      if (!cell || cell.committeeId !== committeeId) throw new DomainError('INVALID_CELL', { cellId: dto.cellId });
    } else if (dto.cellId) {
      throw new DomainError('VALIDATION_FAILED');
    }
    const username = dto.username.toLowerCase();
    const weakness = passwordProblem(dto.password, username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    const created = await this.dataSource.query<UserEntity[]>(
      `INSERT INTO users (username, password_hash, full_name, role, committee_id, cell_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ((lower(username))) DO NOTHING
       RETURNING id, username, full_name AS "fullName", role, committee_id AS "committeeId", cell_id AS "cellId"`,
      [username, await hashPassword(dto.password), dto.fullName, dto.role, dto.role === 'admin' ? null : committeeId, dto.cellId ?? null],
    );
    if (created.length === 0) throw new DomainError('USERNAME_TAKEN');
    return toUserView(created[0]);
  }

  me(caller: AuthUser): UserView {
    return toUserView({ ...caller, passwordChangeRequired: caller.mustChangePassword });
  }
}
