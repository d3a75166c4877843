import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Role } from '../../../libs/domain/roles.js';
import { UsersRepository } from '../../../libs/persistence/repositories/users.repository.js';
import { toUserView } from '../users/user.mapper.js';
import type { AuthUser } from './auth-user.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE, IS_PUBLIC } from './public.decorator.js';
import { ROLES } from './roles.decorator.js';

/**
 * Deny by default, in one place: every endpoint needs a valid token of a user who still exists and a
 * role listed in its @Roles, unless it is @Public. Checks of the caller's place in a cycle follow in
 * the cycle services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const user = await this.authenticate(request.headers.authorization);
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (!roles || !roles.includes(user.role)) throw new DomainError('ROLE_NOT_ALLOWED');
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED');
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<AuthUser> {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header ?? '');
    if (!match) throw new DomainError('NOT_AUTHENTICATED');
    let subject: string;
    let issuedAt: number;
    let issuedAtMs: number;
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string; iat: number; t?: unknown }>(match[1], { algorithms: ['HS256'] });
      subject = payload.sub;
      issuedAt = payload.iat;
      // t: when the token was issued, to the millisecond (tokens from before it was added carry only iat).
      issuedAtMs = typeof payload.t === 'number' ? payload.t : payload.iat * 1000;
    } catch {
      throw new DomainError('NOT_AUTHENTICATED');
    }
    if (typeof subject !== 'string' || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(subject)) {
      throw new DomainError('NOT_AUTHENTICATED');
    }
    const user = await this.users.sessionHolder(subject);
    if (!user || user.deactivatedAt) throw new DomainError('NOT_AUTHENTICATED');
    // A change the office made to this person (role, cell, deactivation, password reset) ended older sessions.
    if (user.sessionsEndedAt && issuedAtMs < user.sessionsEndedAt.getTime()) throw new DomainError('NOT_AUTHENTICATED');
    // A token from before the last password change belongs to a session that change ended.
    if (user.passwordChangedAt && !(issuedAt >= Math.floor(user.passwordChangedAt.getTime() / 1000))) throw new DomainError('NOT_AUTHENTICATED');
    return toUserView(user);
  }
}
