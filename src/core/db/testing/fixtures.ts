import { join } from 'node:path';
import type { KommoContact, KommoLead, KommoPipeline, KommoStatus } from '../../kommo';
import { openDatabase, type MirrorDatabase } from '../open';

/** What every Kommo-shaped record a test builds has, unless the test says otherwise. */
function record(id: number, name: string) {
  return { id, name, responsible_user_id: 7, created_at: 1_700_000_000, updated_at: 1_700_000_100, custom_fields_values: null };
}

/** Kommo-shaped records for tests, with only what a test cares about to spell out. */
export function lead(id: number, overrides: Partial<KommoLead> = {}): KommoLead {
  return {
    ...record(id, `Lead ${id}`),
    price: 1000,
    status_id: 10,
    pipeline_id: 1,
    closed_at: null,
    _embedded: { tags: [], companies: [], contacts: [] },
    ...overrides,
  };
}

export function contact(id: number, overrides: Partial<KommoContact> = {}): KommoContact {
  return { ...record(id, `Contact ${id}`), _embedded: { tags: [], companies: [] }, ...overrides };
}

export function phoneField(...values: Array<string | [string, string]>): KommoContact['custom_fields_values'] {
  return [
    {
      field_id: 500,
      field_name: 'Teléfono',
      field_code: 'PHONE',
      field_type: 'multitext',
      values: values.map((v) => (typeof v === 'string' ? { value: v, enum_code: 'MOB' } : { value: v[0], enum_code: v[1] })),
    },
  ];
}

/** A pipeline: its own stages, then won (142) and lost (143), which Kommo puts in every pipeline. */
function pipeline(id: number, name: string, sort: number, stages: Array<Omit<KommoStatus, 'pipeline_id'>>): KommoPipeline {
  const closing = [
    { id: 142, name: 'Ganado', sort: 10000, color: '#CCFF66', type: 0 },
    { id: 143, name: 'Perdido', sort: 11000, color: '#D5D8DB', type: 0 },
  ];
  const statuses = [...stages, ...closing].map((stage) => ({ ...stage, pipeline_id: id }));
  return { id, name, sort, is_main: sort === 1, is_archive: false, _embedded: { statuses } };
}

export const pipelines: KommoPipeline[] = [
  pipeline(1, 'Ventas', 1, [
    { id: 10, name: 'Nuevo', sort: 10, color: '#99ccff', type: 1 },
    { id: 20, name: 'Negociación', sort: 20, color: '#ffcc66', type: 0 },
  ]),
  pipeline(2, 'Posventa', 2, [{ id: 30, name: 'Entrega', sort: 10, color: '#eeeeee', type: 0 }]),
];

/** A real mirror file in a temp folder (from useTempDir). */
export function openTestMirror(dir: string): MirrorDatabase {
  return openDatabase(join(dir, 'mirror.sqlite'));
}
