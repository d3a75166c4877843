import { Entity, Index, PrimaryColumn } from 'typeorm';

/** An upper-level guest (a user with the guest role) invited by name to one cycle. */
@Entity({ name: 'cycle_guests' })
@Index(['userId'])
export class CycleGuestEntity {
  @PrimaryColumn({ name: 'cycle_id', type: 'uuid' })
  cycleId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;
}
