import { Module } from '@nestjs/common';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';
import { ContactService } from './contact.service.js';

@Module({ controllers: [UsersController], providers: [UsersService, ContactService], exports: [UsersService, ContactService] })
export class UsersModule {}
