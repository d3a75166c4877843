import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../libs/domain/roles.js';
import type { UserView } from './user.mapper.js';

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) committeeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cellId: string | null;
  @ApiProperty({ description: 'Phải đổi mật khẩu trước khi làm việc khác' }) mustChangePassword: boolean;
  @ApiProperty({ description: 'Sai khi văn phòng Đảng ủy đã ngừng tài khoản' }) active: boolean;
}
