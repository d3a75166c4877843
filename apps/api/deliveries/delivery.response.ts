import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS, type ChannelName } from '../../../libs/channels/channel.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../libs/wording/delivery-words.js';
import type { ChannelDeliveryView, DeliveryReportItemView, UnreachedItemView } from './delivery.mapper.js';

export class ChannelDeliveryResponse implements ChannelDeliveryView {
  @ApiProperty({ enum: CHANNELS }) channel: ChannelName;
  @ApiProperty({ enum: DELIVERY_STATUSES, nullable: true, description: 'null: kênh này không được dùng cho thông báo (xem why)' }) status: DeliveryStatus | null;
  @ApiProperty({ type: String, nullable: true, example: '0912 *** 678', description: 'Địa chỉ đã che bớt' }) address: string | null;
  @ApiProperty({ description: 'Số lần đã gửi thử' }) attempts: number;
  @ApiProperty({ type: String, nullable: true, description: 'Mã lỗi của nhà cung cấp, hoặc lý do không gửi' }) errorCode: string | null;
  @ApiProperty({ example: 'Chưa có số điện thoại.', description: 'Một câu người đọc hiểu: đã gửi, đã đến, chờ, hay vì sao không gửi được' }) why: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Giờ yên lặng: không gửi trước thời điểm này' }) notBefore: string | null;
}

export class DeliveryPersonResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) cellName: string | null;
}

export class DeliveryCycleResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class DeliveryReportItemResponse implements DeliveryReportItemView {
  @ApiProperty({ format: 'uuid' }) notificationId: string;
  @ApiProperty({ example: 'INVITED' }) reason: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Khi người nhận đọc thông báo trong ứng dụng' }) readAt: string | null;
  @ApiProperty({ type: DeliveryPersonResponse }) person: DeliveryPersonResponse;
  @ApiProperty({ type: [ChannelDeliveryResponse], description: 'Mọi kênh, theo thứ tự thư điện tử, Zalo ZNS, tin nhắn SMS' }) channels: ChannelDeliveryResponse[];
  @ApiProperty({ description: 'Đã đọc trong ứng dụng, hoặc đã gửi được qua ít nhất một kênh' }) reached: boolean;
}

export class UnreachedItemResponse extends DeliveryReportItemResponse implements UnreachedItemView {
  @ApiProperty({ type: DeliveryCycleResponse, nullable: true }) cycle: DeliveryCycleResponse | null;
}
