import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { AuthUser } from '../auth/auth-user.js';
import { SlidingWindow } from './sliding-window.js';

/**
 * Cycle steps in a sliding minute, per person and per cycle (429 with Retry-After above either): one
 * account cannot flood a cycle with changes, and a cycle cannot be flooded by many. The defaults leave room
 * for the busiest real minute (a hundred cells sending critiques at the deadline).
 */
@Injectable()
export class StepRateLimitGuard implements CanActivate {
  private readonly steps = new SlidingWindow(60_000);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const cycleId = typeof request.params?.id === 'string' ? request.params.id.toLowerCase() : 'launch';
    const refused = this.steps.take([
      { key: `person|${request.user?.id ?? request.ip}`, limit: this.config.http.stepRatePerPerson },
      { key: `cycle|${cycleId}`, limit: this.config.http.stepRatePerCycle },
    ]);
    if (refused) throw new DomainError('TOO_MANY_REQUESTS', refused);
    return true;
  }
}
