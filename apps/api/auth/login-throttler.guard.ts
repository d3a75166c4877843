import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { SlidingWindow } from '../common/sliding-window.js';

/**
 * Password attempts in a sliding minute, counted twice: per address and username (guessing one account's
 * password is stopped without locking out a whole office behind one address), and per address across
 * usernames (trying one password on many accounts is stopped too). In memory per API process;
 * @nestjs/throttler was not used because it cannot be loaded by the ESM test runner (a require cycle into
 * the ESM-only @nestjs/common).
 */
@Injectable()
export class LoginThrottlerGuard implements CanActivate {
  private readonly attempts = new SlidingWindow(60_000);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const body = request.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.slice(0, 100).toLowerCase() : '';
    const refused = this.attempts.take([
      { key: `${request.ip}|${username}`, limit: this.config.http.loginRateLimit },
      { key: `${request.ip}|*`, limit: this.config.http.loginAddressRateLimit },
    ]);
    if (refused) throw new DomainError('TOO_MANY_REQUESTS', refused);
    return true;
  }
}
