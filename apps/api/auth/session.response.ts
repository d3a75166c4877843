import { ApiProperty } from '@nestjs/swagger';
import { UserResponse } from '../users/user.response.js';

/** What a login (or a password change, which ends older sessions) answers. */
export class SessionResponse {
  @ApiProperty({ description: 'Gửi trong Authorization: Bearer …' }) accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}
