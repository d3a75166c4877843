import { type CanActivate, type ExecutionContext, createParamDecorator, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../../../libs/domain/domain-error.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE } from '../auth/public.decorator.js';
import { cookieOf, formField, SESSION_COOKIE } from './web-request.js';
import { WebSessionsService, type WebVisitor } from './web-sessions.service.js';

/** No live session behind the request: the page filter sends the person to the login page. */
export class SignInRequired extends Error {
  constructor() {
    super('SIGN_IN_REQUIRED');
    this.name = 'SignInRequired';
  }
}

/** The person still has the initial password: the page filter sends them to change it first. */
export class PasswordChangeRequired extends Error {
  constructor() {
    super('PASSWORD_CHANGE_REQUIRED');
    this.name = 'PasswordChangeRequired';
  }
}

/**
 * Every page but the login and logout: a live session, and on a post the session's CSRF token, checked once
 * here before any handler runs. The visitor is left on the request for @Visitor(). As in the JSON API, a person
 * who must still change the initial password reaches only the page that changes it (and logs out).
 */
@Injectable()
export class WebSessionGuard implements CanActivate {
  constructor(
    @Inject(WebSessionsService) private readonly sessions: WebSessionsService,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { visitor?: WebVisitor }>();
    const visitor = await this.sessions.visitor(cookieOf(request, SESSION_COOKIE));
    if (!visitor) throw new SignInRequired();
    if (request.method === 'POST' && formField(request, '_csrf') !== visitor.csrfToken) throw new DomainError('NOT_VOUCHED');
    const allowedBeforeChange = this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, [context.getHandler(), context.getClass()]);
    if (visitor.user.mustChangePassword && !allowedBeforeChange) throw new PasswordChangeRequired();
    request.visitor = visitor;
    return true;
  }
}

export const Visitor = createParamDecorator((_: unknown, context: ExecutionContext): WebVisitor => {
  return context.switchToHttp().getRequest<{ visitor: WebVisitor }>().visitor;
});
