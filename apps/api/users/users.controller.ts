import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AllowedBeforePasswordChange } from '../auth/public.decorator.js';
import { Roles } from '../auth/roles.decorator.js';
import { OFFICE_ROLES } from '../../../libs/domain/cycle-policy.js';
import { PageQuery } from '../common/page.query.js';
import { ChangeUserDto, DeactivateUserDto, ReplaceSecretaryDto, ResetPasswordDto } from './change-user.dto.js';
import { CreateUserDto } from './create-user.dto.js';
import { ReplacedSecretaryResponse } from './replaced-secretary.response.js';
import { CommitteeCellParams, UserIdParams } from './user-id.params.js';
import { CommitteeIdParams } from '../committees/committee-id.params.js';
import { UsersService } from './users.service.js';
import { ApiRefusals } from '../common/error.response.js';
import { OwnContactResponse, PersonResponse, UserResponse } from './user.response.js';
import { ContactDto } from './contact.dto.js';
import { ContactService } from './contact.service.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(ContactService) private readonly contacts: ContactService,
  ) {}

  @Post('users')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Tạo tài khoản (quản trị hệ thống: mọi loại tài khoản; Đảng ủy: tài khoản bí thư chi bộ trực thuộc)' })
  @ApiCreatedResponse({ type: PersonResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto) {
    return this.users.create(caller, dto);
  }

  @Get('me')
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @AllowedBeforePasswordChange()
  @ApiOperation({ summary: 'Tài khoản đang đăng nhập' })
  @ApiOkResponse({ type: UserResponse })
  @ApiRefusals(401, 403)
  me(@CurrentUser() caller: AuthUser) {
    return this.users.me(caller);
  }

  @Get('committees/:committeeId/users')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Cán bộ, bí thư chi bộ và đại biểu của Đảng ủy (tài khoản đang hoạt động trước)' })
  @ApiOkResponse({ type: [PersonResponse] })
  @ApiRefusals(400, 401, 403, 404)
  listOf(@CurrentUser() caller: AuthUser, @Param() params: CommitteeIdParams, @Query() page: PageQuery) {
    return this.users.listOf(caller, params.committeeId, page);
  }

  @Get('me/contact')
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @ApiOperation({ summary: 'Thư điện tử, số điện thoại (đã che bớt) và các kênh nhận thông báo của tôi' })
  @ApiOkResponse({ type: OwnContactResponse })
  @ApiRefusals(401, 403)
  contact(@CurrentUser() caller: AuthUser) {
    return this.contacts.own(caller);
  }

  @Put('me/contact')
  @Roles('admin', 'committee', 'secretary', 'guest', 'overseer')
  @ApiOperation({ summary: 'Đặt thư điện tử, số điện thoại và các kênh nhận thông báo của tôi (bỏ trống: giữ nguyên; null: xóa)' })
  @ApiOkResponse({ type: OwnContactResponse })
  @ApiRefusals(400, 401, 403)
  setContact(@CurrentUser() caller: AuthUser, @Body() dto: ContactDto) {
    return this.contacts.setOwn(caller, dto);
  }

  @Patch('users/:userId')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Đổi họ tên, chức trách, chi bộ, thư điện tử, số điện thoại hoặc kênh nhận thông báo của một người (đổi chức trách hoặc chi bộ thì phiên đăng nhập cũ chấm dứt)' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiRefusals(400, 401, 403, 404)
  change(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams, @Body() dto: ChangeUserDto) {
    return this.users.change(caller, params.userId, dto);
  }

  @Post('users/:userId/deactivate')
  @HttpCode(200)
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Ngừng tài khoản (nêu lý do): không đăng nhập được nữa, phiên cũ chấm dứt ngay' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiRefusals(400, 401, 403, 404)
  deactivate(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams, @Body() dto: DeactivateUserDto) {
    return this.users.deactivate(caller, params.userId, dto.reason);
  }

  @Post('users/:userId/reactivate')
  @HttpCode(200)
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Cho tài khoản đã ngừng hoạt động trở lại' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiRefusals(400, 401, 403, 404)
  reactivate(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams) {
    return this.users.reactivate(caller, params.userId);
  }

  @Post('users/:userId/password-reset')
  @HttpCode(200)
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Đặt mật khẩu tạm; người dùng phải đổi khi đăng nhập, phiên cũ chấm dứt' })
  @ApiOkResponse({ type: PersonResponse })
  @ApiRefusals(400, 401, 403, 404)
  resetPassword(@CurrentUser() caller: AuthUser, @Param() params: UserIdParams, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(caller, params.userId, dto.newPassword);
  }

  @Post('committees/:committeeId/cells/:cellId/secretary')
  @Roles(...OFFICE_ROLES)
  @ApiOperation({ summary: 'Thay bí thư chi bộ: tạo tài khoản bí thư mới, ngừng tài khoản bí thư cũ của chi bộ' })
  @ApiCreatedResponse({ type: ReplacedSecretaryResponse })
  @ApiRefusals(400, 401, 403, 404, 409)
  replaceSecretary(@CurrentUser() caller: AuthUser, @Param() params: CommitteeCellParams, @Body() dto: ReplaceSecretaryDto) {
    return this.users.replaceSecretary(caller, params.committeeId, params.cellId, dto);
  }
}
