import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { ChangePasswordDto } from './change-password.dto.js';
import { CurrentUser } from './current-user.decorator.js';
import { LoginDto } from './login.dto.js';
import { LoginThrottlerGuard } from './login-throttler.guard.js';
import { AllowedBeforePasswordChange, Public } from './public.decorator.js';
import { Roles } from './roles.decorator.js';
import { ApiRefusals } from '../common/error.response.js';
import { SessionResponse } from './session.response.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Đăng nhập; trả về phiên đăng nhập (access token) cho các yêu cầu sau', security: [] })
  @ApiOkResponse({ type: SessionResponse })
  @ApiRefusals(400, 401, 429)
  login(@Body() credentials: LoginDto) {
    return this.auth.login(credentials);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @AllowedBeforePasswordChange()
  @UseGuards(LoginThrottlerGuard)
  @ApiOperation({ summary: 'Đổi mật khẩu của tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiRefusals(400, 401, 403, 429)
  changePassword(@CurrentUser() caller: AuthUser, @Body() dto: ChangePasswordDto) {
    return this.auth.changePassword(caller, dto);
  }
}
