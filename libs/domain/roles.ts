/** admin: the installation; committee: staff of one commune committee; secretary: acts for one cell; guest: an upper-level observer invited to cycles by name. */
export const ROLES = ['admin', 'committee', 'secretary', 'guest'] as const;
export type Role = (typeof ROLES)[number];
