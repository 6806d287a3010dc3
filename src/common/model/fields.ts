import type { CustomFieldScalar } from './mirror';

/**
 * Custom fields as list columns: how a field sorts and filters, by its Kommo type. Shared by the
 * query layer (which turns them into SQL) and the page (which offers only what the type allows).
 */

/** A custom field as a sort field, and as a column id: `cf:<field id>`. */
export type CustomFieldSort = `cf:${number}`;
export const CUSTOM_FIELD_SORT = /^cf:[1-9]\d{0,15}$/;

export function customFieldSort(fieldId: number): CustomFieldSort {
  return `cf:${fieldId}`;
}

/** The field id of a `cf:<id>` sort field or column id; null for anything else. */
export function customFieldIdOf(key: string): number | null {
  if (!CUSTOM_FIELD_SORT.test(key)) return null;
  const id = Number(key.slice(3));
  return Number.isSafeInteger(id) ? id : null;
}

/** One value of a custom field on a list row; a select's `enumId` names its option. */
export interface FieldCellValue {
  value: CustomFieldScalar;
  enumId: number | null;
}

/** The values a row carries for the custom fields the list asked for (`fieldIds`), by field id. */
export type FieldCells = Record<number, FieldCellValue[]>;

/**
 * A condition on one custom field: any of some options (select, multiselect, radio button), a
 * range (numeric: the number; date, date_time, birthday: Unix seconds), a checkbox ticked or not
 * (not ticked includes never set), or text containing some characters (case-insensitive).
 */
export type FieldFilter =
  | { fieldId: number; kind: 'enum'; enumIds: number[] }
  | { fieldId: number; kind: 'range'; min?: number; max?: number }
  | { fieldId: number; kind: 'checkbox'; checked: boolean }
  | { fieldId: number; kind: 'text'; contains: string };

export type FieldFilterKind = FieldFilter['kind'];

/** How a field's values are compared and sorted: null when the type cannot be (files, addresses, phones). */
export type FieldValueKind = 'text' | 'number' | 'date' | 'enum' | 'checkbox';

const KIND_BY_TYPE: Record<string, FieldValueKind> = {
  text: 'text',
  textarea: 'text',
  url: 'text',
  numeric: 'number',
  price: 'number',
  monetary: 'number',
  date: 'date',
  date_time: 'date',
  birthday: 'date',
  select: 'enum',
  radiobutton: 'enum',
  multiselect: 'enum',
  checkbox: 'checkbox',
};

export function fieldValueKind(type: string): FieldValueKind | null {
  return KIND_BY_TYPE[type] ?? null;
}

/** The filter a field's type offers. Multitext (phones, e-mails) is left to the phone and text search. */
export function fieldFilterKind(type: string): FieldFilterKind | null {
  const kind = fieldValueKind(type);
  if (kind === null) return null;
  return kind === 'number' || kind === 'date' ? 'range' : kind;
}

/** Whether a list can sort by the field: every type with a comparable value but multiselect (which of its values?). */
export function fieldSortable(type: string): boolean {
  return fieldValueKind(type) !== null && type !== 'multiselect' && type !== 'checkbox';
}

/** Which way a field first sorts, as the lists' own columns do: numbers and dates highest first, words from A. */
export function fieldFirstDirection(type: string | undefined): 'asc' | 'desc' {
  const kind = type === undefined ? null : fieldValueKind(type);
  return kind === 'number' || kind === 'date' ? 'desc' : 'asc';
}
