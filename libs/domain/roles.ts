export const ROLES = ['admin', 'committee', 'secretary'] as const;
export type Role = (typeof ROLES)[number];
