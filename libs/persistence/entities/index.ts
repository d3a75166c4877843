import { ActionItemEntity } from './action-item.entity.js';
import { AreaEntity } from './area.entity.js';
import { CellEntity } from './cell.entity.js';
import { CommitteeEntity } from './committee.entity.js';
import { CritiqueEntity } from './critique.entity.js';
import { CycleEventEntity } from './cycle-event.entity.js';
import { CycleGuestEntity } from './cycle-guest.entity.js';
import { CycleInvitationEntity } from './cycle-invitation.entity.js';
import { CycleEntity } from './cycle.entity.js';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { RubricEntity } from './rubric.entity.js';
import { UserEntity } from './user.entity.js';

/** Every table TypeORM maps; the schema itself comes from the migrations. */
export const ENTITIES = [
  ActionItemEntity,
  AreaEntity,
  CellEntity,
  CommitteeEntity,
  CritiqueEntity,
  CycleEntity,
  CycleEventEntity,
  CycleGuestEntity,
  CycleInvitationEntity,
  IdempotencyRecordEntity,
  NotificationEntity,
  RubricEntity,
  UserEntity,
];
