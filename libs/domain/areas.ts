/** The upper levels over communes: a district (Huyện ủy), always under a province, and a province (Tỉnh ủy). */
export const AREA_KINDS = ['district', 'province'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
