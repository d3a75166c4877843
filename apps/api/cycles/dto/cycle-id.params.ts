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
