import type { AreaKind } from '../../../libs/domain/areas.js';
import type { AreaEntity } from '../../../libs/persistence/entities/area.entity.js';

export interface AreaView {
  id: string;
  name: string;
  kind: AreaKind;
  /** A district's province; null for a province. */
  parentId: string | null;
}

export function toAreaView(area: Pick<AreaEntity, 'id' | 'name' | 'kind' | 'parentId'>): AreaView {
  return { id: area.id, name: area.name, kind: area.kind, parentId: area.parentId };
}
