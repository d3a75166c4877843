import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { WebSessionsRepository } from '../../../libs/persistence/repositories/web-sessions.repository.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuthService } from '../auth/auth.service.js';
import { toUserView } from '../users/user.mapper.js';

/** A signed-in visitor of the pages: the person, and the token every form of their session carries. */
export interface WebVisitor {
  user: AuthUser;
  csrfToken: string;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A new secret for a cookie or a form: 32 random bytes, URL-safe. */
export const newSecret = () => randomBytes(32).toString('base64url');

/**
 * The browser's sessions: the API's credentials check opens one, a cookie names it, and only the server can
 * say it is still live (a bearer token is the JSON API's; the pages never take one).
 */
@Injectable()
export class WebSessionsService {
  private readonly idleMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(WebSessionsRepository) private readonly sessions: WebSessionsRepository,
  ) {
    // A session ends after as long without a visit as an API token lives.
    const [, amount, unit] = /^(\d+)([smhd])$/.exec(config.auth.accessTokenTtl) ?? ['', '8', 'h'];
    this.idleMs = Number(amount) * UNIT_MS[unit];
  }

  /** Opens a session for these credentials; answers the cookie's token. Refusals are the API's (BAD_CREDENTIALS, …). */
  /** A new session's token, and the page the person lands on: an upper level its communes' overview, everyone else their tasks. */
  async signIn(username: unknown, password: unknown): Promise<{ token: string; home: string }> {
    if (typeof username !== 'string' || typeof password !== 'string' || username.length > 200 || password.length > 1_000) {
      throw new DomainError('BAD_CREDENTIALS');
    }
    const user = await this.auth.verifyCredentials({ username: username.trim(), password });
    const token = newSecret();
    await this.sessions.open(token, user.id, newSecret());
    return { token, home: user.role === 'overseer' ? '/tong-quan-cap-tren' : '/' };
  }

  async visitor(token: string | undefined): Promise<WebVisitor | null> {
    if (!token) return null;
    const session = await this.sessions.live(token, this.idleMs);
    return session ? { user: toUserView(session.user), csrfToken: session.csrfToken } : null;
  }

  async signOut(token: string): Promise<void> {
    await this.sessions.end(token);
  }
}
