import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/app-config.js';
import { APP_CONFIG } from '../../../libs/config/config.module.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { ErrorCode } from '../../../libs/domain/error-codes.js';
import { IdempotencyRepository } from '../../../libs/persistence/repositories/idempotency.repository.js';
import type { Language } from '../../../libs/wording/language.js';
import type { FormBody } from './web-forms.js';
import { requiredFormKey } from './web-organisation-forms.js';
import type { WebVisitor } from './web-sessions.service.js';
import { sendForm, type FormErrors } from './web.service.js';

/** How long a resubmit waits for a first attempt still under way before it says so. */
const WAIT_FOR_FIRST_MS = 10_000;

/** What a form that acted led to: the page it redirected to, kept for a resubmit to redirect to again. */
interface FirstOutcome {
  redirectTo: string;
}

/** A form to check by the API's DTO and act on once: what it is, what was typed, and what acting on it does. */
export interface OnceForm<Dto extends object> {
  /** Names the form in the fingerprint ("POST /chi-bo/<id> change"), so one key cannot serve two forms. */
  name: string;
  dto: new () => Dto;
  answer: Record<string, unknown>;
  /** Refusals said beside a field rather than above the form. */
  besideField?: Partial<Record<ErrorCode, string>>;
  /** Acts and answers the page the form leads to. */
  act: (dto: Dto) => Promise<string>;
}

/** A sent form: its sentences (null when it acted), where it led, and its key for the form shown again. */
export interface SentOnce {
  errors: FormErrors | null;
  led: string;
  key: string;
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
   * A form checked by its DTO and, when valid, acted on once per its key (`run`). What tells it from another form
   * under the same key is its name and what was typed, without any password.
   */
  async send<Dto extends object>(visitor: WebVisitor, body: FormBody, language: Language, form: OnceForm<Dto>): Promise<SentOnce> {
    const key = requiredFormKey(body);
    const request = Object.fromEntries(Object.entries(form.answer).filter(([name]) => !/password/i.test(name)));
    let led = '';
    const errors = await sendForm(
      form.dto,
      form.answer,
      language,
      async (dto) => {
        led = await this.run(visitor.user.id, key, `${form.name} ${JSON.stringify(request)}`, () => form.act(dto));
      },
      form.besideField,
    );
    return { errors, led, key };
  }

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
