import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';

/** The channels beyond the inbox a committee pays for; an empty list leaves only the in-app inbox. */
export class CommitteeChannelsDto {
  @ApiProperty({ enum: CHANNELS, isArray: true, description: 'Các kênh Đảng ủy dùng để gửi thông báo ngoài ứng dụng (Zalo ZNS và tin nhắn SMS tính tiền theo tin)' })
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: ChannelName[];
}
