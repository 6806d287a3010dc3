import { customFieldIdOf, type FieldFilter } from '../../../common/model/fields';

/**
 * Parts of a stored list view (view-state.ts) read defensively: an older or newer build may have
 * written them, so what is valid is kept and the rest dropped, never failing.
 */

const COLUMN_ID = /^[a-z_]{1,40}$|^cf:[1-9]\d{0,15}$/;

/** The chosen columns, in order: known-looking ids only, each once; undefined when none was chosen. */
export function parseColumns(raw: unknown): string[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const ids = raw.filter((id): id is string => typeof id === 'string' && COLUMN_ID.test(id));
  return [...new Set(ids)].slice(0, 100);
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Custom field conditions as the contract takes them; one per field, at most 20. */
export function parseFieldFilters(raw: unknown): FieldFilter[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const seen = new Set<number>();
  const filters: FieldFilter[] = [];
  for (const item of raw) {
    const filter = parseFieldFilter(item);
    if (!filter || seen.has(filter.fieldId)) continue;
    seen.add(filter.fieldId);
    filters.push(filter);
  }
  return filters.slice(0, 20);
}

function parseFieldFilter(raw: unknown): FieldFilter | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = raw as Record<string, unknown>;
  const fieldId = value.fieldId;
  if (!isId(fieldId)) return null;
  switch (value.kind) {
    case 'enum': {
      const enumIds = Array.isArray(value.enumIds) ? value.enumIds.filter(isId).slice(0, 500) : [];
      return enumIds.length > 0 ? { fieldId, kind: 'enum', enumIds } : null;
    }
    case 'range': {
      const min = isNumber(value.min) ? value.min : undefined;
      const max = isNumber(value.max) ? value.max : undefined;
      if (min === undefined && max === undefined) return null;
      return { fieldId, kind: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'checkbox':
      return typeof value.checked === 'boolean' ? { fieldId, kind: 'checkbox', checked: value.checked } : null;
    case 'text':
      return typeof value.contains === 'string' && value.contains.trim()
        ? { fieldId, kind: 'text', contains: value.contains.slice(0, 200) }
        : null;
    default:
      return null;
  }
}

/** Whether a column id names a custom field (`cf:<id>`). */
export const isFieldColumn = (id: string): boolean => customFieldIdOf(id) !== null;
