import { ApiProperty } from '@nestjs/swagger';

export class AuditEventResponse {
  @ApiProperty({ description: 'Số thứ tự, tăng dần' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Họ tên người thay đổi' }) actorName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) committeeId: string | null;
  @ApiProperty({ enum: ['user', 'cell', 'committee', 'rubric', 'area'] }) entity: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ example: 'ACCOUNT_DEACTIVATED' }) action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before: Record<string, unknown> | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after: Record<string, unknown> | null;
}
