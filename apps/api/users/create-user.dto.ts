import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { TEXT_LIMITS } from '../../../libs/domain/input-bounds.js';
import type { ChannelName } from '../../../libs/channels/channel.js';
import { ROLES, type Role } from '../../../libs/domain/roles.js';
import { MIN_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { IsDisplayName, NormalizeName } from '../common/validators.js';
import { ChannelsField, EmailField, PhoneField } from './contact-fields.js';

export class CreateUserDto {
  @ApiProperty({ example: 'bithu.nahoitay', description: 'Không phân biệt chữ hoa, chữ thường' })
  @IsString()
  @Matches(/^[a-zA-Z0-9._-]{3,64}$/)
  username: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Ít nhất 10 ký tự, không phải mật khẩu phổ biến, không chứa tên đăng nhập' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Đồng chí Lò Văn Pằng' })
  @NormalizeName()
  @IsDisplayName(TEXT_LIMITS.name)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cellId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Tài khoản cấp trên (overseer): huyện hoặc tỉnh mà tài khoản theo dõi; không dùng cho tài khoản khác' })
  @IsOptional()
  @IsUUID()
  areaId?: string;

  @ApiPropertyOptional({ default: false, description: 'Mật khẩu khởi tạo trao cho người dùng: người dùng phải đổi khi đăng nhập lần đầu' })
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
