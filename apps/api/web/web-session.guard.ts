import { type CanActivate, type ExecutionContext, createParamDecorator, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { cookieOf, formField, SESSION_COOKIE } from './web-request.js';
import { WebSessionsService, type WebVisitor } from './web-sessions.service.js';

/** No live session behind the request: the page filter sends the person to the login page. */
export class SignInRequired extends Error {
  constructor() {
    super('SIGN_IN_REQUIRED');
    this.name = 'SignInRequired';
  }
}

/**
 * Every page but the login and logout: a live session, and on a post the session's CSRF token, checked once
 * here before any handler runs. The visitor is left on the request for @Visitor().
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(@Inject(WebSessionsService) private readonly sessions: WebSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { visitor?: WebVisitor }>();
    const visitor = await this.sessions.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) throw new SignInRequired();
    if (request.method === 'POST' && formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    request.visitor = visitor;
    return true;
  }
}

export const Visitor = createParamDecorator((_: unknown, context: ExecutionContext): WebVisitor => {
  return context.switchToHttp().getRequest<{ visitor: WebVisitor }>().visitor;
});
