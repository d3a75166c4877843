import { createHash } from 'node:crypto';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { catchError, from, lastValueFrom, type Observable } from 'rxjs';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { isErrorCode } from '../../../libs/domain/error-codes.js';
import { httpStatusOf } from '../common/api-exception.filter.js';
import type { AuthUser } from '../auth/auth-user.js';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { IdempotencyRepository } from '../../../libs/persistence/repositories/idempotency.repository.js';
import { REPLAYS_THROUGH_WORKFLOW, StoredResponse, type IdempotentRequest } from './idempotency.js';

const KEY_PATTERN = /^[\w.:-]{1,200}$/;
const WAIT_FOR_FIRST_MS = 10_000;
/** One purge of expired records in this many claims keeps the table small without a job of its own. */
const PURGE_ONE_IN = 100;

/**
 * Idempotency-Key on any POST: the first answer (success or refusal) is stored per user and key and
 * replayed for every repeat, also after an API restart; the step itself acts once. A 5xx is not stored,
 * so the client can retry with the same key. A record lives IDEMPOTENCY_TTL_HOURS (24 by default), then the
 * key is free again and expired records are purged now and then; a large answer (a cycle's page) is kept
 * compressed by PostgreSQL itself (jsonb over 2 kB is TOASTed).
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IdempotencyRepository) private readonly records: IdempotencyRepository,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.handle(context, next));
  }

  private async handle(context: ExecutionContext, next: CallHandler): Promise<unknown> {
    const request = context.switchToHttp().getRequest<Request & IdempotentRequest & { user?: AuthUser }>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.user) return lastValueFrom(next.handle(), { defaultValue: undefined });
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY_PATTERN.test(key)) throw new DomainError('VALIDATION_FAILED');
    request.idempotencyKey = key;
    const userId = request.user.id;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.route?.path ?? request.path} ${request.originalUrl} ${JSON.stringify(request.body ?? null)}`)
      .digest('hex');

    await this.claimOrReplay(userId, key, fingerprint, context);

    const response = context.switchToHttp().getResponse<Response>();
    return lastValueFrom(
      next.handle().pipe(
        catchError(async (error: unknown) => {
          if (error instanceof DomainError && httpStatusOf(error.code) < 500) {
            await this.store(userId, key, httpStatusOf(error.code), { code: error.code, params: error.params });
          } else {
            await this.release(userId, key);
          }
          throw error;
        }),
      ),
      { defaultValue: undefined },
    ).then(async (body) => {
      await this.store(userId, key, response.statusCode, body);
      return body;
    });
  }

  /**
   * Claims the key, or answers a repeat: the stored first answer, a refusal for a different request under
   * the same key, or, while the first attempt is unfinished, a wait (a workflow step is simply sent again:
   * Temporal makes it act once).
   */
  private async claimOrReplay(userId: string, key: string, fingerprint: string, context: ExecutionContext): Promise<void> {
    const replaysThroughWorkflow = this.reflector.get<boolean>(REPLAYS_THROUGH_WORKFLOW, context.getHandler()) === true;
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    if (Math.floor(Math.random() * PURGE_ONE_IN) === 0) await this.purgeExpired();
    for (;;) {
      if (await this.records.claim(userId, key, fingerprint, this.config.http.idempotencyTtlHours)) return;
      const record = await this.records.find(userId, key);
      if (!record) continue;
      if (record.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      if (record.statusCode !== null) {
        const refusal = record.body as { code?: unknown; params?: Record<string, string | number> } | null;
        if (record.statusCode >= 400 && isErrorCode(refusal?.code)) throw new DomainError(refusal.code, refusal.params);
        throw new StoredResponse(record.statusCode, record.body);
      }
      if (replaysThroughWorkflow) return;
      if (Date.now() > deadline) throw new DomainError('DUPLICATE_REQUEST_IN_PROGRESS');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async store(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.records.storeAnswer(userId, key, status, body);
  }

  /** Best effort: a purge or release that fails leaves a record the time to live ends anyway. */
  private async purgeExpired(): Promise<void> {
    await this.records.purgeExpired(this.config.http.idempotencyTtlHours).catch(() => undefined);
  }

  private async release(userId: string, key: string): Promise<void> {
    await this.records.release(userId, key).catch(() => undefined);
  }
}
