import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';
import type { CommitteeChannelsView } from './committee-channels.service.js';

export class CommitteeChannelsResponse implements CommitteeChannelsView {
  @ApiProperty({ format: 'uuid' }) committeeId: string;
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh Đảng ủy đang dùng' }) channels: ChannelName[];
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh đã được cấu hình trên máy chủ; kênh chưa cấu hình thì chưa gửi được' }) configured: ChannelName[];
}
