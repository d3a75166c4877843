import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { IdempotencyRepository } from '../../../libs/persistence/repositories/idempotency.repository.js';

/** How long a resubmit waits for a first attempt still under way before it says so. */
const WAIT_FOR_FIRST_MS = 10_000;

/** What a form that acted led to: the page it redirected to, kept for a resubmit to redirect to again. */
interface FirstOutcome {
  redirectTo: string;
}

/**
 * A form that changes the organisation (a cell, an account) acts once per form key, as the JSON API's
 * Idempotency-Key does, in the same table and for the same time: a form sent again after a dropped connection
 * leads where the first one did. Only an outcome that acted is kept; a refusal frees the key, so the form that
 * comes back with its sentences can be corrected and sent with the same key. Cycle steps need none of this:
 * their key is the workflow update's id.
 */
@Injectable()
export class WebFormOnceService {
  constructor(
    @Inject(IdempotencyRepository) private readonly records: IdempotencyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs `act` unless this person's form key already acted; answers where the first attempt led. `request` names
   * the form and what it sends, without any password: only its hash is kept, to tell a resubmit from another form.
   */
  async run(userId: string, key: string, request: string, act: () => Promise<string>): Promise<string> {
    const fingerprint = createHash('sha256').update(request).digest('hex');
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      if (await this.records.claim(userId, key, fingerprint, this.config.http.idempotencyTtlHours)) break;
      const record = await this.records.find(userId, key);
      if (!record) continue;
      if (record.fingerprint !== fingerprint) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
      if (record.statusCode !== null) return (record.body as FirstOutcome).redirectTo;
      if (Date.now() > deadline) throw new DomainError('DUPLICATE_REQUEST_IN_PROGRESS');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    try {
      const redirectTo = await act();
      await this.records.storeAnswer(userId, key, 303, { redirectTo } satisfies FirstOutcome);
      return redirectTo;
    } catch (error) {
      await this.records.release(userId, key).catch(() => undefined);
      throw error;
    }
  }
}
