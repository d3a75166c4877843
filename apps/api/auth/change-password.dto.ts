import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from './password-policy.js';

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: 'Ít nhất 10 ký tự, không phải mật khẩu phổ biến, không chứa tên đăng nhập' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  newPassword: string;
}
