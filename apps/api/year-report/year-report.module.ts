import { Module } from '@nestjs/common';
import { DashboardModule } from '../dashboard/dashboard.module.js';
import { YearReportController } from './year-report.controller.js';
import { YearReportService } from './year-report.service.js';

@Module({ imports: [DashboardModule], controllers: [YearReportController], providers: [YearReportService], exports: [YearReportService] })
export class YearReportModule {}
