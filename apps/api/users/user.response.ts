import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';
import { ROLES, type Role } from '../../../libs/domain/roles.js';
import type { ContactView, PersonView, UserView } from './user.mapper.js';

export class UserResponse implements UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) committeeId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cellId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Huyện hoặc tỉnh của tài khoản cấp trên' }) areaId: string | null;
  @ApiProperty({ description: 'Phải đổi mật khẩu trước khi làm việc khác' }) mustChangePassword: boolean;
  @ApiProperty({ description: 'Sai khi văn phòng Đảng ủy đã ngừng tài khoản' }) active: boolean;
}

export class ContactResponse implements ContactView {
  @ApiProperty({ type: String, nullable: true, format: 'email' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0912 *** 678', description: 'Số điện thoại đã che bớt; số đầy đủ không bao giờ hiện lại' }) phoneMasked: string | null;
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh người này chọn nhận thông báo ngoài ứng dụng' }) notifyChannels: ChannelName[];
}

/** A person as the office's endpoints answer: the account and how to reach them. */
export class PersonResponse extends IntersectionType(UserResponse, ContactResponse) implements PersonView {}

/** One's own contacts, with what decides whether each channel can reach them besides their own choice. */
export class OwnContactResponse extends ContactResponse {
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh Đảng ủy của người này đang dùng' }) committeeChannels: ChannelName[];
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh đã được cấu hình trên máy chủ' }) configured: ChannelName[];
}
