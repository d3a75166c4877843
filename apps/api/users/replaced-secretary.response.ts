import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from './user.response.js';

export class ReplacedSecretaryResponse {
  @ApiProperty({ type: UserResponse, description: 'Bí thư mới của chi bộ' }) secretary: UserResponse;
  @ApiProperty({ type: [UserResponse], description: 'Các tài khoản bí thư trước đó, nay đã ngừng' }) replaced: UserResponse[];
}
