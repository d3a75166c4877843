import { IsUUID } from 'class-validator';

export class CycleIdParams {
  @IsUUID()
  id: string;
}

export class CycleCellParams {
  @IsUUID()
  id: string;

  @IsUUID()
  cellId: string;
}

export class CycleActionItemParams {
  @IsUUID()
  id: string;

  @IsUUID()
  itemId: string;
}
