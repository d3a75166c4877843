import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AllowedBeforePasswordChange } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateUserDto } from './create-user.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Post('users')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Tạo tài khoản (quản trị: mọi vai trò; Đảng ủy: bí thư chi bộ của mình)' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Get('me')
  @Roles('admin', 'committee', 'secretary', 'guest')
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  me(@CurrentUser() caller: AuthUser) {
    return this.users.me(caller);
  }
}
