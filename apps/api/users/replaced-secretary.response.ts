import { ApiProperty } from '@nestjs/swagger';
import { PersonResponse } from './user.response.js';

export class ReplacedSecretaryResponse {
  @ApiProperty({ type: PersonResponse, description: 'Bí thư mới của chi bộ' }) secretary: PersonResponse;
  @ApiProperty({ type: [PersonResponse], description: 'Các tài khoản bí thư trước đó, nay đã ngừng' }) replaced: PersonResponse[];
}
