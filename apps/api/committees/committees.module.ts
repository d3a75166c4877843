import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller.js';
import { CommitteesService } from './committees.service.js';
import { CellImportService } from './cell-import.service.js';

@Module({ controllers: [CommitteesController], providers: [CommitteesService, CellImportService], exports: [CommitteesService] })
export class CommitteesModule {}
