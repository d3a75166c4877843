import { ApiProperty } from '@nestjs/swagger';
import type { NotificationView } from './notifications.service.js';

export class NotificationResponse implements NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cycleId: string | null;
  @ApiProperty({ example: 'INVITED' }) reason: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}
