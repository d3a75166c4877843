import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** Marks the few endpoints reachable without a token (login, health). Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
