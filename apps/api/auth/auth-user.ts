import type { Actor } from '../../../libs/domain/cycle.js';
import { DomainError } from '../../../libs/domain/domain-error.js';
import type { Role } from '../../../libs/domain/roles.js';

/** The signed-in person, loaded fresh from the database on every request (a deleted user is signed out at once). */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  committeeId: string | null;
  cellId: string | null;
  /** An overseer's district or province (the communes whose figures it reads); null for everyone else. */
  areaId: string | null;
  mustChangePassword: boolean;
}

/** The person as a cycle's step records them. An upper level's account reads and never acts: no step ever carries it. */
export function actorOf(user: AuthUser): Actor {
  if (user.role === 'overseer') throw new DomainError('ROLE_NOT_ALLOWED');
  return { userId: user.id, role: user.role, committeeId: user.committeeId, cellId: user.cellId };
}
