import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_ACTIONS, type TaskAction } from '../../../libs/domain/cycle.js';
import type { TaskView } from './tasks.service.js';

export class TaskResponse implements TaskView {
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: TASK_ACTIONS }) action: TaskAction;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Với COMPLETE_ACTION_ITEM: việc cần hoàn thành' }) actionItemId?: string;
  @ApiPropertyOptional({ description: 'Với COMPLETE_ACTION_ITEM: nội dung việc cần hoàn thành' }) actionItemTitle?: string;
}
