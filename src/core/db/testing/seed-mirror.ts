import type { MirrorDatabase } from '../open';
import { upsertContacts, upsertLeads, replacePipelines, upsertUsers, upsertAccount } from '../repositories';
import { contact, lead, phoneField, pipelines } from './fixtures';

/**
 * A small account where every filter has something to find: two pipelines (both with 142/143),
 * three users, tags, phones written in messy ways, and links.
 */
export async function seedMirror(mirror: MirrorDatabase): Promise<void> {
  const store = mirror.store;
  await upsertAccount(
    store,
    {
      id: 1,
      name: 'Acme Perú',
      subdomain: 'acme',
      current_user_id: 7,
      currency: 'PEN',
      _embedded: { datetime_settings: { timezone: 'America/Lima' } },
    },
    'acme.kommo.com',
  );
  await replacePipelines(store, pipelines);
  await upsertUsers(store, [
    { id: 7, name: 'Ana Torres' },
    { id: 8, name: 'Beto Díaz' },
    { id: 9, name: 'Ñusta Quispe' },
  ]);
  await upsertContacts(store, [
    contact(50, {
      name: 'Walter Álvarez',
      custom_fields_values: phoneField('+51 987 654 321'),
      _embedded: { tags: [{ id: 1, name: 'Cliente' }] },
    }),
    contact(51, {
      name: 'Carla Núñez',
      responsible_user_id: 8,
      custom_fields_values: phoneField('(01) 234-5678', '912 345 678 / 923 456 789'),
    }),
    contact(52, { name: 'Zoe Ruiz', responsible_user_id: 9, custom_fields_values: phoneField('0051 944 111 222') }),
  ]);
  await upsertLeads(store, [
    lead(1, {
      name: 'Consulta por fierro corrugado',
      price: 45_700,
      status_id: 10,
      created_at: 1_000,
      updated_at: 5_000,
      custom_fields_values: [
        { field_id: 900, field_name: 'Comentarios', field_type: 'textarea', values: [{ value: 'Interesado en útiles escolares' }] },
      ],
      _embedded: {
        tags: [
          { id: 1, name: 'VIP', color: 'FFCE5A' },
          { id: 2, name: 'Web' },
        ],
        contacts: [{ id: 50, is_main: true }],
      },
    }),
    lead(2, {
      name: 'Pedido de cemento',
      price: 1_200,
      status_id: 142,
      responsible_user_id: 8,
      created_at: 2_000,
      updated_at: 4_000,
      closed_at: 4_000,
      _embedded: { tags: [{ id: 2, name: 'Web' }], contacts: [{ id: 51, is_main: true }, { id: 50 }] },
    }),
    lead(3, {
      name: 'Árbol de Navidad',
      price: 300,
      pipeline_id: 2,
      status_id: 142,
      responsible_user_id: 9,
      created_at: 3_000,
      updated_at: 3_000,
      _embedded: { tags: [{ id: 1, name: 'VIP', color: 'FFCE5A' }], contacts: [{ id: 52, is_main: true }], companies: [] },
    }),
    lead(4, { name: 'Sin contacto', price: 0, status_id: 20, created_at: 4_000, updated_at: 2_000, _embedded: { tags: [], contacts: [] } }),
  ]);
}
