import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { UserEntity } from '../../../libs/persistence/entities/user.entity.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import { toUserView, type UserView } from '../users/user.mapper.js';
import type { AuthUser } from './auth-user.js';
import type { ChangePasswordDto } from './change-password.dto.js';
import type { LoginDto } from './login.dto.js';
import { hashPassword, passwordMatches } from './password.js';
import { passwordProblem } from './password-policy.js';

@Injectable()
export class AuthService {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  /** Usernames are one name whatever their letter case. */
  async login(credentials: LoginDto): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.verifyCredentials(credentials);
    const accessToken = await this.issueToken(user);
    return { accessToken, user: toUserView(user) };
  }

  /** The account these credentials open, for a token (the API) or a session (the pages). */
  async verifyCredentials(credentials: LoginDto): Promise<UserEntity> {
    const user = await this.users.findWithHash(credentials.username);
    if (!(await passwordMatches(user?.passwordHash ?? null, credentials.password)) || !user) {
      throw new DomainError('BAD_CREDENTIALS');
    }
    // Said only to whoever knows the password: the account exists, and the office has closed it.
    if (user.deactivatedAt) throw new DomainError('ACCOUNT_DEACTIVATED');
    return user;
  }

  /** The signed-in person changes their own password, proving the current one; the new one follows the policy. */
  async changePassword(caller: AuthUser, dto: ChangePasswordDto): Promise<{ accessToken: string; user: UserView }> {
    const user = await this.users.findWithHash(caller.username);
    if (!user || !(await passwordMatches(user.passwordHash, dto.currentPassword))) throw new DomainError('BAD_CREDENTIALS');
    const weakness = dto.newPassword === dto.currentPassword ? 'SAME_AS_BEFORE' : passwordProblem(dto.newPassword, user.username);
    if (weakness) throw new DomainError('WEAK_PASSWORD', { reason: weakness });
    // Tokens issued before this second stop counting (the guard compares their iat): a stolen session ends here.
    await this.users.setPassword(user.id, await hashPassword(dto.newPassword));
    const accessToken = await this.issueToken(user);
    return { accessToken, user: toUserView({ ...user, passwordChangeRequired: false }) };
  }

  /** t is the issue time to the millisecond: a session the office ends at an instant is every token before it. */
  private issueToken(user: UserEntity): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, role: user.role, t: Date.now() });
  }
}
