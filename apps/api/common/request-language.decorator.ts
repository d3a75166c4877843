import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { languageOf, type Language } from '../../../libs/wording/language.js';

/** vi unless the caller's Accept-Language prefers English. */
export const RequestLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language => {
  return languageOf(context.switchToHttp().getRequest<Request>().headers['accept-language']);
});
