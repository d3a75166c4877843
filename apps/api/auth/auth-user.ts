import type { Actor } from '../../../libs/domain/cycle.js';
import type { Role } from '../../../libs/domain/roles.js';

/** The signed-in person, loaded fresh from the database on every request (a deleted user is signed out at once). */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  committeeId: string | null;
  cellId: string | null;
  mustChangePassword: boolean;
}

export function actorOf(user: AuthUser): Actor {
  return { userId: user.id, role: user.role, committeeId: user.committeeId, cellId: user.cellId };
}
