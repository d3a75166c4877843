import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { AreasController } from './areas.controller.js';
import { AreasService } from './areas.service.js';

@Module({ imports: [DashboardModule], controllers: [AreasController], providers: [AreasService] })
export class AreasModule {}
