import { type ControlEntity } from './types';

/**
 * How one record is served wrong. A real Kommo can hold values its own API documents as
 * impossible (a price of 1e308, a name of null, a fractional time) and send them as they are;
 * filters and order still work on what the server knows, so only the record's JSON changes.
 */
export interface RecordCorruption {
  /** Top-level fields served with these values instead (any JSON value). */
  fields?: Record<string, unknown>;
  /** Top-level fields served as this literal JSON text, for what JSON.stringify cannot write (`1e999`, `-0`). */
  raw?: Record<string, string>;
  /** Top-level fields left out. */
  remove?: string[];
}

export class Corruptions {
  private readonly records: Record<ControlEntity, Map<number, RecordCorruption>> = { leads: new Map(), contacts: new Map() };

  set(entity: ControlEntity, id: number, corruption: RecordCorruption): void {
    this.records[entity].set(id, corruption);
  }

  /** Serves the record correctly again (all records of the entity, or of both, when not given). */
  clear(entity?: ControlEntity, id?: number): number {
    let cleared = 0;
    for (const e of entity ? [entity] : (['leads', 'contacts'] as const)) {
      if (id === undefined) {
        cleared += this.records[e].size;
        this.records[e].clear();
      } else if (this.records[e].delete(id)) cleared++;
    }
    return cleared;
  }

  /** The record's JSON as served: unchanged unless a corruption is set for it. */
  apply(entity: ControlEntity, id: number, json: string): string {
    const corruption = this.records[entity].get(id);
    if (!corruption) return json;
    const record = JSON.parse(json) as Record<string, unknown>;
    for (const key of corruption.remove ?? []) delete record[key];
    Object.assign(record, corruption.fields ?? {});
    const raw = Object.entries(corruption.raw ?? {});
    for (const [key] of raw) delete record[key];
    const text = JSON.stringify(record);
    if (raw.length === 0) return text;
    const extra = raw.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',');
    return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${extra}}`;
  }
}
