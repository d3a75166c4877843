import { Module } from '@nestjs/common';
import { CommitteesController } from './committees.controller.js';
import { CommitteesService } from './committees.service.js';
import { CellImportService } from './cell-import.service.js';
import { CommitteeChannelsService } from './committee-channels.service.js';

@Module({ controllers: [CommitteesController], providers: [CommitteesService, CellImportService, CommitteeChannelsService], exports: [CommitteesService, CommitteeChannelsService] })
export class CommitteesModule {}
