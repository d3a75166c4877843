import { Module } from '@nestjs/common';
import { DeliveryReportsRepository } from './delivery-reports.repository.js';
import { ProviderWebhooksController } from './provider-webhooks.controller.js';
import { ProviderWebhooksService } from './provider-webhooks.service.js';

/** What Zalo and the SMS gateway report about the messages they accepted (notifications.md). */
@Module({ controllers: [ProviderWebhooksController], providers: [ProviderWebhooksService, DeliveryReportsRepository] })
export class ProviderWebhooksModule {}
