import { type UlidFactory } from '../core/ulid';
import { type CustomFieldDefinition, type CustomFieldValueItem, type EntitySingular, type EventRecord } from '../model/types';

/**
 * The account's event feed, in creation order (the clock never runs backwards, so `created_at`
 * never decreases along the array and range filters can binary-search it).
 */
export class EventLog {
  private readonly list: EventRecord[] = [];
  private readonly byId = new Map<string, EventRecord>();

  constructor(
    private readonly accountId: number,
    private readonly ids: UlidFactory,
  ) {}

  get size(): number {
    return this.list.length;
  }

  all(): readonly EventRecord[] {
    return this.list;
  }

  get(id: string): EventRecord | undefined {
    return this.byId.get(id);
  }

  record(e: {
    type: string;
    entity_type: EventRecord['entity_type'];
    entity_id: number;
    created_by: number;
    created_at: number;
    value_before?: unknown[];
    value_after?: unknown[];
  }): EventRecord {
    const event: EventRecord = {
      id: this.ids.next(e.created_at),
      type: e.type,
      entity_id: e.entity_id,
      entity_type: e.entity_type,
      created_by: e.created_by,
      created_at: e.created_at,
      value_after: e.value_after ?? [],
      value_before: e.value_before ?? [],
      account_id: this.accountId,
    };
    this.list.push(event);
    this.byId.set(event.id, event);
    return event;
  }

  /** First position whose created_at >= t. */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.list[mid] as EventRecord).created_at < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * `value_before` / `value_after` item shapes. lead_status follows the example in docs/kommo-api.md §13.2;
 * the others follow Kommo's events documentation as remembered by public clients and are
 * UNCONFIRMED in detail (see sim/README.md).
 */
export const eventValue = {
  leadStatus: (statusId: number, pipelineId: number) => ({ lead_status: { id: statusId, pipeline_id: pipelineId } }),
  responsible: (userId: number) => ({ responsible_user: { id: userId } }),
  tag: (name: string) => ({ tag: { name } }),
  name: (name: string) => ({ name_field_value: { name } }),
  sale: (price: number) => ({ sale_field_value: { sale: price } }),
  link: (id: number, type: EntitySingular) => ({ link: { entity: { id, type } } }),
  note: (id: number) => ({ note: { id } }),
  customField(def: CustomFieldDefinition, values: CustomFieldValueItem[] | null): unknown[] {
    return (values ?? []).map((v) => ({
      custom_field_value: {
        field_id: def.id,
        field_type: LEGACY_FIELD_TYPES[def.type] ?? 1,
        enum_id: v.enum_id ?? null,
        text: String(v.value),
      },
    }));
  },
};

/** Events carry the old numeric field type codes. */
const LEGACY_FIELD_TYPES: Record<string, number> = {
  text: 1,
  numeric: 2,
  checkbox: 3,
  select: 4,
  multiselect: 5,
  date: 6,
  url: 7,
  multitext: 8,
  textarea: 9,
  radiobutton: 10,
  birthday: 14,
  date_time: 19,
};
