import { Body, Controller, Get, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AllowedBeforePasswordChange } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { CreateUserDto } from './create-user.dto.js';
import { UsersService } from './users.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { UserResponse } from './user.response.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Post('users')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Tạo tài khoản (quản trị: mọi vai trò; Đảng ủy: bí thư chi bộ của mình)' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Get('me')
  @Roles('admin', 'committee', 'secretary', 'guest')
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: UserResponse })
  @ApiRefusals(401, 403)
  me(@CurrentUser() caller: AuthUser) {
    return this.users.me(caller);
  }
}
