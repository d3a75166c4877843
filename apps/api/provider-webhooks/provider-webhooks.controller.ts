import { Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../auth/public.decorator.js';
import { ProviderWebhooksService } from './provider-webhooks.service.js';

/**
 * The providers' calls back, public (they carry no bearer) and answered 200 at once. Kept out of the OpenAPI
 * document: no client of the API calls them, the providers' own contracts describe them.
 */
@ApiExcludeController()
@Controller('webhooks')
export class ProviderWebhooksController {
  constructor(@Inject(ProviderWebhooksService) private readonly webhooks: ProviderWebhooksService) {}

  /** The body arrives raw (create-api-app.ts): the signature is over its exact bytes. */
  @Public()
  @Post('zalo')
  @HttpCode(200)
  zalo(@Req() request: Request, @Headers('x-zevent-signature') signature?: string, @Headers('x-zevent-timestamp') timestamp?: string) {
    return this.webhooks.zaloEvent(request.body, { signature, timestamp });
  }

  @Public()
  @Get('sms/:token')
  sms(@Param('token') token: string, @Query() query: Record<string, unknown>) {
    return this.webhooks.smsReport(token, query);
  }
}
