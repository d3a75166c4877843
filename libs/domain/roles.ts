/**
 * admin: the installation; committee: staff of one commune committee; secretary: acts for one cell; guest: an
 * upper-level observer invited to cycles by name; overseer: an upper level's account (a district's or a
 * province's Party committee), tied to one area, that reads the figures of every commune under it and acts on none.
 */
export const ROLES = ['admin', 'committee', 'secretary', 'guest', 'overseer'] as const;
export type Role = (typeof ROLES)[number];
