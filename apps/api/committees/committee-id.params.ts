import { IsUUID } from 'class-validator';

export class CommitteeIdParams {
  @IsUUID()
  committeeId: string;
}
