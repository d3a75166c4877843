import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { errorMessage, transportMessage } from '../../../libs/wording/error-messages.js';
import { httpStatusOf } from '../common/api-exception.filter.js';
import { html } from './html.js';
import { page } from './layout.js';
import { pageLanguage } from './web-request.js';
import { PasswordChangeRequired, SignInRequired } from './web-session.guard.js';

/**
 * A refusal on a page is a page in words (never JSON, never a code); no session is a trip to the login page; an
 * unforeseen error is logged and said plainly.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (exception instanceof SignInRequired) return response.redirect(303, '/login');
    if (exception instanceof PasswordChangeRequired) return response.redirect(303, '/doi-mat-khau');
    const language = pageLanguage(request);
    let status = 500;
    let message: string;
    if (exception instanceof DomainError) {
      status = httpStatusOf(exception.code);
      message = errorMessage(exception.code, language, exception.params);
      if (status === 429) response.setHeader('Retry-After', String(exception.params.retryAfterSeconds ?? 60));
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      // The framework's own refusals (an address that names no cycle, say): a page that is not there.
      status = exception.getStatus() === 400 ? 404 : exception.getStatus();
      message = errorMessage('NOT_FOUND', language);
    } else {
      this.logger.error(`${request.method} ${request.originalUrl}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
      message = transportMessage('unexpected', language);
    }
    const back = language === 'en' ? 'Back to my tasks' : 'Về trang Việc của tôi';
    response
      .status(status)
      .type('html')
      .send(page({ title: language === 'en' ? 'Not done' : 'Chưa thực hiện được', language }, html`<p class="error" role="alert">${message}</p><p><a href="/">${back}</a></p>`));
  }
}
