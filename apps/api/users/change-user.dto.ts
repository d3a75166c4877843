import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import type { ChannelName } from '../../../libs/channels/channel.js';
import { ROLES, type Role } from '../../../libs/domain/roles.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';
import { ChannelsField, EmailField, PhoneField } from './contact-fields.js';

/**
 * A change the office makes to a person: a new name, role or cell (a role or cell change ends their sessions), or
 * their contacts and channels (null clears an address).
 */
export class ChangeUserDto {
  @ApiPropertyOptional({ example: 'Đồng chí Hoàng Thị Mai' })
  @IsOptional()
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Văn phòng Đảng ủy chỉ đổi giữa bí thư chi bộ và đại biểu' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Chi bộ mà bí thư phụ trách' })
  @IsOptional()
  @IsUUID()
  cellId?: string;

  @EmailField()
  email?: string | null;

  @PhoneField()
  phone?: string | null;

  @ChannelsField({ required: false })
  notifyChannels?: ChannelName[];
}

export class DeactivateUserDto {
  @ApiProperty({ example: 'Đồng chí đã chuyển công tác sau đại hội chi bộ' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_LIMITS.reason)
  reason: string;
}

export class ResetPasswordDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Mật khẩu tạm; người dùng phải đổi khi đăng nhập' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword: string;
}

/** The new secretary of a cell; the cell's current secretary accounts are deactivated. */
export class ReplaceSecretaryDto {
  @ApiProperty({ example: 'bithu.nahoitay2' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/)
  username: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Đồng chí Lò Thị Hoa' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  fullName: string;

  @ApiPropertyOptional({ default: false, description: 'Mật khẩu khởi tạo trao cho bí thư mới: phải đổi khi đăng nhập lần đầu' })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;

  @EmailField()
  email?: string | null;

  @PhoneField()
  phone?: string | null;

  @ChannelsField({ required: false })
  notifyChannels?: ChannelName[];
}
