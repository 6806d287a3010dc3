import { type Rng } from '../core/rng';
import {
  type AccountInfo,
  type ApiTag,
  type CustomFieldDefinition,
  type CustomFieldType,
  type EntityPlural,
  type LossReasonRecord,
  type PipelineRecord,
  type RightLevel,
  type StatusRecord,
  type UserGroup,
  type UserRecord,
} from '../model/types';
import { FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, asciiSlug } from './names';

/**
 * The account's "settings" side: users, pipelines and statuses, custom field definitions, tags.
 * Ids come from the seed so every account has its own (account-specific enum ids, per-type tag ids).
 */

/** Kommo's tag palette ([PHP] TagColorsEnum, docs/kommo-api.md §10). */
export const TAG_COLORS = [
  'EBEBEB',
  'D0D0D0',
  'F2DDF7',
  'D1A4DC',
  'FF8F92',
  'FFC8C8',
  'C7DB8C',
  'DDEBB5',
  '8699DA',
  'AABDFF',
  'FFCE5A',
  'FFE193',
  '90CDB0',
  'C6F4DE',
  'A9A5D7',
  'D8D5FF',
  '86C0FC',
  '832161',
  '6A0F49',
  '0C7C59',
  '10599D',
  '9D2B32',
  '247BA0',
] as const;

export const WON_STATUS_ID = 142;
export const LOST_STATUS_ID = 143;

export function makeAccount(rng: Rng, subdomain: string, now: number, currentUserId: number): AccountInfo {
  return {
    id: rng.int(29_000_000, 34_000_000),
    name: `${subdomain.charAt(0).toUpperCase()}${subdomain.slice(1)} Perú`,
    subdomain,
    created_at: now - rng.int(800, 1500) * 86_400,
    created_by: 0,
    updated_at: now - rng.int(1, 30) * 86_400,
    updated_by: 0,
    current_user_id: currentUserId,
    country: 'PE',
    currency: 'PEN',
    currency_symbol: 'S/',
    customers_mode: 'disabled',
    is_unsorted_on: true,
    mobile_feature_version: 0,
    is_loss_reason_enabled: true,
    is_helpbot_enabled: false,
    is_technical_account: false,
    contact_name_display_order: 1,
    amojo_id: `${rng.int(0x10000000, 0x7fffffff).toString(16)}-${rng.int(0x1000, 0xffff).toString(16)}-4${rng.int(0x100, 0xfff).toString(16)}-a${rng.int(0x100, 0xfff).toString(16)}-${rng.int(0x10000000, 0x7fffffff).toString(16)}${rng.int(0x1000, 0xffff).toString(16)}`,
    version: 2,
  };
}

export function makeGroups(rng: Rng): UserGroup[] {
  const base = rng.int(400_000, 500_000);
  return [
    { id: 0, name: 'Cuenta' },
    { id: base, name: 'Ventas Lima' },
    { id: base + rng.int(1, 40), name: 'Ventas Provincias' },
  ];
}

function rights(level: RightLevel, isAdmin: boolean, groupId: number): UserRecord['rights'] {
  const crud = {
    view: level,
    edit: level,
    add: 'A' as RightLevel,
    delete: isAdmin ? ('A' as RightLevel) : ('D' as RightLevel),
    export: isAdmin ? ('A' as RightLevel) : ('D' as RightLevel),
  };
  return {
    leads: { ...crud },
    contacts: { ...crud },
    companies: { ...crud },
    tasks: { edit: level, delete: isAdmin ? 'A' : 'D' },
    mail_access: true,
    catalog_access: isAdmin,
    status_rights: [],
    is_admin: isAdmin,
    is_free: false,
    is_active: true,
    group_id: groupId === 0 ? null : groupId,
    role_id: null,
  };
}

export function makeUsers(rng: Rng, groups: UserGroup[], count = 8): UserRecord[] {
  const users: UserRecord[] = [];
  let id = rng.int(10_400_000, 11_900_000);
  for (let i = 0; i < count; i++) {
    const female = rng.chance(0.5);
    const first = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
    const last = rng.pick(LAST_NAMES);
    const group = i === 0 ? (groups[0] as UserGroup) : rng.pick(groups.slice(1));
    users.push({
      id,
      name: `${first} ${last}`,
      email: `${asciiSlug(first)}.${asciiSlug(last)}${i}@empresa.pe`,
      lang: 'es',
      rights: rights(i === 0 ? 'A' : rng.pick<RightLevel>(['A', 'G', 'M']), i === 0, group.id),
    });
    id += rng.int(1, 90_000);
  }
  // One deactivated user: leads may still be assigned to someone who left.
  const last = users[users.length - 1];
  if (last) last.rights.is_active = false;
  return users;
}

const STATUS_COLORS = [
  '#99ccff',
  '#ffff99',
  '#ffcc66',
  '#ffc8c8',
  '#d6eaff',
  '#98cbff',
  '#deff81',
  '#fffeb2',
  '#87f2c0',
  '#f9deff',
] as const;

const PIPELINE_PLANS: ReadonlyArray<{ name: string; statuses: string[] }> = [
  { name: 'Embudo de ventas', statuses: ['Contacto inicial', 'Cotización enviada', 'Negociación', 'Toma de decisión'] },
  { name: 'Postventa', statuses: ['Instalación', 'Seguimiento', 'Renovación'] },
  { name: 'Licitaciones', statuses: ['Bases revisadas', 'Propuesta presentada', 'Buena pro'] },
];

export function makePipelines(rng: Rng, accountId: number): PipelineRecord[] {
  let pipelineId = rng.int(7_000_000, 9_900_000);
  let statusId = rng.int(60_000_000, 69_000_000);
  return PIPELINE_PLANS.map((plan, index) => {
    const id = pipelineId;
    pipelineId += rng.int(1, 5000);
    const statuses: StatusRecord[] = [];
    const add = (sid: number, name: string, sort: number, type: 0 | 1, color: string, editable: boolean): void => {
      statuses.push({ id: sid, name, sort, is_editable: editable, pipeline_id: id, color, type, account_id: accountId });
    };
    add(statusId++, 'Leads entrantes', 10, 1, '#c1c1c1', false);
    plan.statuses.forEach((name, i) => {
      statusId += rng.int(1, 3);
      add(statusId, name, 20 + i * 10, 0, rng.pick(STATUS_COLORS), true);
    });
    statusId += rng.int(5, 50);
    // 142 and 143 carry the same ids in every pipeline (docs/kommo-api.md §11).
    add(WON_STATUS_ID, 'Cerrado - ganado', 10000, 0, '#CCFF66', false);
    add(LOST_STATUS_ID, 'Cerrado - perdido', 11000, 0, '#D5D8DB', false);
    return {
      id,
      name: plan.name,
      sort: (index + 1) * 100,
      is_main: index === 0,
      is_unsorted_on: true,
      is_archive: false,
      account_id: accountId,
      statuses,
    };
  });
}

export function makeLossReasons(rng: Rng, now: number): LossReasonRecord[] {
  let id = rng.int(18_000_000, 19_000_000);
  return ['Precio alto', 'Eligió a la competencia', 'Sin presupuesto', 'No responde', 'Producto no disponible'].map((name, i) => {
    const created = now - rng.int(300, 700) * 86_400;
    return { id: id++, name, sort: (i + 1) * 10, created_at: created, updated_at: created };
  });
}

interface FieldPlan {
  name: string;
  type: CustomFieldType;
  code?: string;
  enums?: readonly string[];
  predefined?: boolean;
}

const LEAD_FIELDS: FieldPlan[] = [
  { name: 'Presupuesto', type: 'numeric' },
  { name: 'Canal de origen', type: 'select', enums: ['Facebook', 'Instagram', 'WhatsApp', 'Google', 'Referido', 'Página web', 'Feria'] },
  {
    name: 'Productos de interés',
    type: 'multiselect',
    enums: ['Laptops', 'Impresoras', 'Software', 'Soporte', 'Capacitación', 'Licencias'],
  },
  { name: 'Fecha de visita', type: 'date' },
  { name: 'Próxima llamada', type: 'date_time' },
  { name: 'Factura requerida', type: 'checkbox' },
  { name: 'Sitio web', type: 'url' },
  { name: 'Comentarios', type: 'textarea' },
  { name: 'Código de cotización', type: 'text' },
];

/** PHONE and EMAIL enums as on real accounts (docs/kommo-api.md §8.2). */
export const PHONE_ENUMS = ['WORK', 'WORKDD', 'MOB', 'FAX', 'HOME', 'OTHER'] as const;
export const EMAIL_ENUMS = ['WORK', 'PRIV', 'OTHER'] as const;

const CONTACT_FIELDS: FieldPlan[] = [
  { name: 'Cargo', type: 'text', code: 'POSITION', predefined: true },
  { name: 'Teléfono', type: 'multitext', code: 'PHONE', enums: PHONE_ENUMS, predefined: true },
  { name: 'Correo', type: 'multitext', code: 'EMAIL', enums: EMAIL_ENUMS, predefined: true },
  { name: 'DNI', type: 'text' },
  { name: 'Tipo de cliente', type: 'select', enums: ['Nuevo', 'Recurrente', 'Mayorista', 'Distribuidor'] },
  { name: 'Acepta publicidad', type: 'checkbox' },
  { name: 'Cumpleaños', type: 'birthday' },
  { name: 'LinkedIn', type: 'url' },
  { name: 'Intereses', type: 'multiselect', enums: ['Tecnología', 'Construcción', 'Salud', 'Educación', 'Minería'] },
];

const COMPANY_FIELDS: FieldPlan[] = [
  { name: 'Teléfono', type: 'multitext', code: 'PHONE', enums: PHONE_ENUMS, predefined: true },
  { name: 'Correo', type: 'multitext', code: 'EMAIL', enums: EMAIL_ENUMS, predefined: true },
  { name: 'Web', type: 'url', code: 'WEB', predefined: true },
  { name: 'Dirección', type: 'textarea', code: 'ADDRESS', predefined: true },
  { name: 'RUC', type: 'text' },
];

export function makeCustomFields(rng: Rng, accountId: number): Record<EntityPlural, CustomFieldDefinition[]> {
  let fieldId = rng.int(600_000, 2_000_000);
  let enumId = rng.int(1_200_000, 1_400_000);
  const build = (entity: EntityPlural, plans: FieldPlan[]): CustomFieldDefinition[] =>
    plans.map((plan, i) => {
      fieldId += rng.int(2, 40);
      return {
        id: fieldId,
        name: plan.name,
        type: plan.type,
        account_id: accountId,
        code: plan.code ?? null,
        sort: (i + 1) * 2 + 2,
        is_api_only: false,
        enums: plan.enums
          ? plan.enums.map((value, j) => {
              enumId += rng.int(1, 4);
              return { id: enumId, value, sort: (j + 1) * 2 };
            })
          : null,
        group_id: null,
        required_statuses: [],
        is_deletable: !plan.predefined,
        is_predefined: plan.predefined ?? false,
        entity_type: entity,
        remind: null,
        triggers: [],
        currency: null,
        hidden_statuses: [],
      };
    });
  return { leads: build('leads', LEAD_FIELDS), contacts: build('contacts', CONTACT_FIELDS), companies: build('companies', COMPANY_FIELDS) };
}

const LEAD_TAG_NAMES = [
  'VIP',
  'Urgente',
  'Facebook Ads',
  'Referido',
  'Mayorista',
  'Licitación',
  'Recompra',
  'Feria 2024',
  'WhatsApp',
  'Frío',
  'Caliente',
  'Lima',
  'Provincia',
] as const;
const CONTACT_TAG_NAMES = ['VIP', 'Cliente frecuente', 'Moroso', 'Lima', 'Provincia', 'Newsletter', 'No llamar'] as const;
const COMPANY_TAG_NAMES = ['VIP', 'Proveedor', 'Gobierno', 'Corporativo'] as const;

/**
 * Tags have their own ids per entity type ("VIP" is a different id on leads and contacts), from
 * overlapping ranges so a client that keys tags by id alone collides. Colour only on lead tags.
 */
export function makeTags(rng: Rng): Record<EntityPlural, ApiTag[]> {
  const base = rng.int(60_000, 90_000);
  const build = (names: readonly string[], start: number, colored: boolean): ApiTag[] => {
    let id = start;
    return names.map((name) => {
      id += rng.int(1, 6);
      return { id, name, color: colored && rng.chance(0.8) ? rng.pick(TAG_COLORS) : null };
    });
  };
  return {
    leads: build(LEAD_TAG_NAMES, base, true),
    contacts: build(CONTACT_TAG_NAMES, base + rng.int(5, 20), false),
    companies: build(COMPANY_TAG_NAMES, base + rng.int(5, 20), false),
  };
}
