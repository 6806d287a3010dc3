import type { MirrorEntityType } from './entity-type';

/** A record the mirror could not keep: reason in field paths, set_aside_at on the host's clock (epoch ms). */
export interface SetAsideTable {
  entity_type: MirrorEntityType;
  id: number;
  reason: string;
  set_aside_at: number;
}
