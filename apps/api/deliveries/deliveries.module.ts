import { Module } from '@nestjs/common';
import { CyclesModule } from '../cycles/cycles.module.js';
import { DeliveriesController } from './deliveries.controller.js';
import { DeliveriesService } from './deliveries.service.js';

@Module({ imports: [CyclesModule], controllers: [DeliveriesController], providers: [DeliveriesService], exports: [DeliveriesService] })
export class DeliveriesModule {}
