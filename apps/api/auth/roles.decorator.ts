import { SetMetadata } from '@nestjs/common';
import type { Role } from '../../../libs/domain/roles.js';

export const ROLES = 'roles';

/** The roles that may call an endpoint. An endpoint without @Roles (and not @Public) is closed to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);
