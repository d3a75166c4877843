import type { UserEntity } from '../../../libs/persistence/entities/user.entity.js';

/** A user as the API shows it: never a password or its hash. */
export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: UserEntity['role'];
  committeeId: string | null;
  cellId: string | null;
  /** The account must change its password before anything else (the first admin, in production). */
  mustChangePassword: boolean;
  /** False once the office has deactivated the account: it can no longer sign in. */
  active: boolean;
}

export function toUserView(
  user: Pick<UserEntity, 'id' | 'username' | 'fullName' | 'role' | 'committeeId' | 'cellId'> & { passwordChangeRequired?: boolean; deactivatedAt?: Date | null },
): UserView {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    role: user.role,
    committeeId: user.committeeId,
    cellId: user.cellId,
    mustChangePassword: user.passwordChangeRequired === true,
    active: !user.deactivatedAt,
  };
}
