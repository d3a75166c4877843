import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';

const WINDOW_MS = 60_000;
const MAX_TRACKED = 50_000;

/**
 * Login attempts per address and username in a sliding minute: guessing one account's password is
 * stopped (429) without locking out a whole office behind one address. Kept in memory per API process,
 * which is enough to make guessing impractical; @nestjs/throttler was not used because it cannot be loaded
 * by the ESM test runner (a require cycle into the ESM-only @nestjs/common).
 */
@Injectable()
export class LoginThrottlerGuard implements CanActivate {
  private readonly attempts = new Map<string, number[]>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const body = request.body as { username?: unknown } | undefined;
    const username = typeof body?.username === 'string' ? body.username.slice(0, 100).toLowerCase() : '';
    const key = `${request.ip}|${username}`;
    const now = Date.now();
    const recent = (this.attempts.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
    if (recent.length >= this.config.http.loginRateLimit) {
      this.attempts.set(key, recent);
      throw new DomainError('TOO_MANY_REQUESTS');
    }
    recent.push(now);
    this.attempts.delete(key);
    this.attempts.set(key, recent);
    if (this.attempts.size > MAX_TRACKED) {
      const oldest = this.attempts.keys().next().value;
      if (oldest !== undefined) this.attempts.delete(oldest);
    }
    return true;
  }
}
