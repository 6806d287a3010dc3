import { type ApiTag, type CustomFieldDefinition, type CustomFieldValueItem, type EntityPlural } from '../model/types';
import { type AccountState } from '../state/account-state';
import { type FieldChange } from '../state/mutations';

/**
 * Builds Kommo's `validation-errors` (docs/kommo-api.md §6): one entry per failing batch item, keyed by
 * its `request_id` (or its index as a string), each error with `code`, `path` and `detail`.
 */
export interface FieldError {
  code: string;
  path: string;
  detail: string;
}

export const ERR = {
  type: (path: string, type: string): FieldError => ({ code: 'InvalidType', path, detail: `This value should be of type ${type}.` }),
  choice: (path: string): FieldError => ({ code: 'NotSupportedChoice', path, detail: 'The value you selected is not a valid choice.' }),
  required: (path: string): FieldError => ({ code: 'NotBlank', path, detail: 'This value should not be blank.' }),
  notFound: (path: string): FieldError => ({ code: 'NotFound', path, detail: 'Entity not found.' }),
};

export class ItemErrors {
  readonly errors: FieldError[] = [];

  add(e: FieldError): void {
    this.errors.push(e);
  }

  int(
    obj: Record<string, unknown>,
    key: string,
    path = key,
    options: { nullable?: boolean; min?: number } = {},
  ): number | null | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (v === null && options.nullable) return null;
    if (typeof v !== 'number' || !Number.isInteger(v) || (options.min !== undefined && v < options.min)) {
      this.add(ERR.type(path, 'int'));
      return undefined;
    }
    return v;
  }

  string(obj: Record<string, unknown>, key: string, path = key): string | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') {
      this.add(ERR.type(path, 'string'));
      return undefined;
    }
    return v;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function requestIdOf(item: unknown, index: number): string {
  return isObject(item) && typeof item.request_id === 'string' ? item.request_id : String(index);
}

/**
 * `[{id}|{name}]` → tags of the entity type, as thunks: names that do not exist yet are created
 * only when a thunk runs, i.e. after the whole batch passed validation.
 */
export function readTags(
  s: AccountState,
  entity: EntityPlural,
  value: unknown,
  path: string,
  errs: ItemErrors,
): Array<() => ApiTag> | null {
  if (value === null) return null;
  if (!Array.isArray(value)) {
    errs.add(ERR.type(path, 'array'));
    return [];
  }
  const out: Array<() => ApiTag> = [];
  value.forEach((t, i) => {
    if (!isObject(t)) return errs.add(ERR.type(`${path}.${i}`, 'array'));
    if (typeof t.id === 'number') {
      const tag = s.tagById(entity, t.id);
      if (!tag) return errs.add(ERR.choice(`${path}.${i}.id`));
      out.push(() => tag);
    } else if (typeof t.name === 'string' && t.name.trim() !== '') {
      const name = t.name;
      const color = typeof t.color === 'string' ? t.color : null;
      out.push(() => s.ensureTag(entity, name, color));
    } else errs.add(ERR.required(`${path}.${i}.name`));
  });
  return out;
}

/** `custom_fields_values` of a write: per field `field_id` or `field_code`, and values checked by type. */
export function readCustomFields(s: AccountState, entity: EntityPlural, value: unknown, errs: ItemErrors): FieldChange[] {
  const path = 'custom_fields_values';
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    errs.add(ERR.type(path, 'array'));
    return [];
  }
  const out: FieldChange[] = [];
  value.forEach((raw, i) => {
    const p = `${path}.${i}`;
    if (!isObject(raw)) return errs.add(ERR.type(p, 'array'));
    const def =
      typeof raw.field_id === 'number'
        ? s.field(entity, raw.field_id)
        : typeof raw.field_code === 'string'
          ? s.field(entity, raw.field_code)
          : undefined;
    if (!def) return errs.add(ERR.choice(`${p}.field_id`));
    if (raw.values === null || (Array.isArray(raw.values) && raw.values.length === 0)) return void out.push({ def, values: null });
    if (!Array.isArray(raw.values)) return errs.add(ERR.type(`${p}.values`, 'array'));
    const values: CustomFieldValueItem[] = [];
    raw.values.forEach((v, j) => {
      const item = readValue(def, v, `${p}.values.${j}`, errs);
      if (item) values.push(item);
    });
    out.push({ def, values });
  });
  return out;
}

function readValue(def: CustomFieldDefinition, raw: unknown, path: string, errs: ItemErrors): CustomFieldValueItem | null {
  if (!isObject(raw)) {
    errs.add(ERR.type(path, 'array'));
    return null;
  }
  const v = raw.value;
  const enums = def.enums ?? [];
  switch (def.type) {
    case 'select':
    case 'multiselect': {
      const e = typeof raw.enum_id === 'number' ? enums.find((x) => x.id === raw.enum_id) : enums.find((x) => x.value === v);
      if (!e) {
        errs.add(ERR.choice(`${path}.enum_id`));
        return null;
      }
      return { value: e.value, enum_id: e.id, enum_code: null };
    }
    case 'multitext': {
      if (typeof v !== 'string') {
        errs.add(ERR.type(`${path}.value`, 'string'));
        return null;
      }
      const e =
        typeof raw.enum_id === 'number'
          ? enums.find((x) => x.id === raw.enum_id)
          : enums.find((x) => x.value === (raw.enum_code ?? 'WORK'));
      if (!e) {
        errs.add(ERR.choice(`${path}.enum_code`));
        return null;
      }
      return { value: v, enum_id: e.id, enum_code: e.value };
    }
    case 'checkbox':
      if (typeof v !== 'boolean') {
        errs.add(ERR.type(`${path}.value`, 'bool'));
        return null;
      }
      return { value: v };
    case 'date':
    case 'date_time':
    case 'birthday':
      if (typeof v !== 'number' || !Number.isInteger(v)) {
        errs.add(ERR.type(`${path}.value`, 'int'));
        return null;
      }
      return { value: v };
    case 'numeric':
      if ((typeof v !== 'number' && typeof v !== 'string') || v === '' || !Number.isFinite(Number(v))) {
        errs.add(ERR.type(`${path}.value`, 'numeric'));
        return null;
      }
      return { value: String(v) };
    default:
      if (typeof v !== 'string' && typeof v !== 'number') {
        errs.add(ERR.type(`${path}.value`, 'string'));
        return null;
      }
      return { value: String(v) };
  }
}
