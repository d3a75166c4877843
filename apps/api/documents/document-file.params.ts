import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';

export class DocumentFileParams {
  @ApiProperty({ format: 'uuid', description: 'Đợt sinh hoạt' })
  @IsUUID()
  id: string;

  @ApiProperty({
    example: 'minutes.pdf',
    description: '`<document>.<docx|pdf>` (plan, minutes, lessons-report, conclusion), `invitation-<cellId>.<docx|pdf>` hoặc `critique-sheet-<critiqueId>.<docx|pdf>`',
  })
  @IsString()
  @MaxLength(100)
  file: string;
}
