import { type Rng } from '../core/rng';
import { type CustomFieldDefinition, type CustomFieldValue, type CustomFieldValueItem } from '../model/types';
import { DISTRICTS, EMAIL_DOMAINS, NOTE_TEXTS, PRODUCTS, STREETS, asciiSlug } from './names';
import { messyPhoneField } from './phones';

/** Lima is UTC-5 all year: a date field holds local midnight, i.e. 05:00 UTC. */
const LIMA_OFFSET = 5 * 3600;

export function fieldValue(def: CustomFieldDefinition, values: CustomFieldValueItem[]): CustomFieldValue {
  return { field_id: def.id, field_name: def.name, field_code: def.code, field_type: def.type, values };
}

function enumItem(def: CustomFieldDefinition, index: number): CustomFieldValueItem {
  const e = def.enums?.[index];
  if (!e) throw new Error(`field ${def.id} has no enum #${index}`);
  return { value: e.value, enum_id: e.id, enum_code: null };
}

export interface ValueContext {
  now: number;
  firstName?: string;
  lastName?: string;
}

/** A plausible random value for any generated field type. */
export function randomFieldValue(rng: Rng, def: CustomFieldDefinition, ctx: ValueContext): CustomFieldValue {
  const enums = def.enums ?? [];
  switch (def.type) {
    case 'text':
      if (def.code === 'POSITION')
        return fieldValue(def, [
          { value: rng.pick(['Gerente general', 'Jefe de compras', 'Asistente administrativa', 'Dueño', 'Contador', 'Logística']) },
        ]);
      if (def.name === 'DNI') return fieldValue(def, [{ value: String(rng.int(10_000_000, 79_999_999)) }]);
      if (def.name === 'RUC') return fieldValue(def, [{ value: `20${rng.int(100_000_000, 999_999_999)}` }]);
      return fieldValue(def, [{ value: `COT-${rng.int(2022, 2025)}-${String(rng.int(1, 9999)).padStart(4, '0')}` }]);
    case 'numeric':
      return fieldValue(def, [{ value: String(rng.int(1, 500) * 100) }]);
    case 'textarea':
      if (def.code === 'ADDRESS') return fieldValue(def, [{ value: `${rng.pick(STREETS)} ${rng.int(100, 3999)}, ${rng.pick(DISTRICTS)}` }]);
      return fieldValue(def, [{ value: `${rng.pick(NOTE_TEXTS)}\nInteresado en ${rng.pick(PRODUCTS)}.` }]);
    case 'url':
      return fieldValue(def, [
        {
          value:
            def.name === 'LinkedIn'
              ? `https://www.linkedin.com/in/${asciiSlug(ctx.firstName ?? 'perfil')}-${rng.int(100, 999)}`
              : `https://www.${rng.pick(['andina', 'rimac', 'inca', 'pacifico', 'sol'])}${rng.int(1, 99)}.pe`,
        },
      ]);
    case 'checkbox':
      return fieldValue(def, [{ value: rng.chance(0.5) }]);
    case 'select':
      return fieldValue(def, [enumItem(def, rng.int(0, enums.length - 1))]);
    case 'multiselect': {
      const picks = rng
        .sample(
          enums.map((_, i) => i),
          rng.int(1, Math.min(3, enums.length)),
        )
        .sort((a, b) => a - b);
      return fieldValue(
        def,
        picks.map((i) => enumItem(def, i)),
      );
    }
    case 'date': {
      const day = Math.floor((ctx.now + rng.int(-120, 60) * 86_400) / 86_400) * 86_400;
      return fieldValue(def, [{ value: day + LIMA_OFFSET }]);
    }
    case 'birthday': {
      const day = Math.floor((ctx.now - rng.int(18 * 365, 70 * 365) * 86_400) / 86_400) * 86_400;
      return fieldValue(def, [{ value: day + LIMA_OFFSET }]);
    }
    case 'date_time':
      return fieldValue(def, [{ value: ctx.now + rng.int(-30, 30) * 86_400 + rng.int(0, 86_399) }]);
    case 'multitext':
      return def.code === 'EMAIL' ? emailValue(rng, def, ctx) : phoneValue(rng, def);
  }
}

function enumByCode(def: CustomFieldDefinition, code: string): { id: number; value: string } {
  const e = def.enums?.find((x) => x.value === code);
  if (!e) throw new Error(`no enum ${code} on field ${def.id}`);
  return e;
}

function phoneValue(rng: Rng, def: CustomFieldDefinition): CustomFieldValue {
  const count = rng.chance(0.2) ? 2 : 1;
  const values: CustomFieldValueItem[] = [];
  for (let i = 0; i < count; i++) {
    const code = rng.weighted<string>([
      ['WORK', 0.45],
      ['MOB', 0.35],
      ['HOME', 0.08],
      ['WORKDD', 0.04],
      ['FAX', 0.02],
      ['OTHER', 0.06],
    ]);
    const e = enumByCode(def, code);
    values.push({ value: messyPhoneField(rng), enum_id: e.id, enum_code: code });
  }
  return fieldValue(def, values);
}

function emailValue(rng: Rng, def: CustomFieldDefinition, ctx: ValueContext): CustomFieldValue {
  const first = asciiSlug(ctx.firstName ?? 'contacto');
  const last = asciiSlug((ctx.lastName ?? '').split(' ')[0] ?? '');
  const local = rng.pick([
    `${first}.${last}`,
    `${first}${last}${rng.int(1, 99)}`,
    `${first.charAt(0)}${last}`,
    `${first}_${last}`,
    `ventas.${last}`,
  ]);
  const code = rng.weighted<string>([
    ['WORK', 0.5],
    ['PRIV', 0.4],
    ['OTHER', 0.1],
  ]);
  const domain =
    code === 'WORK' && rng.chance(0.6) ? `${last || 'empresa'}${rng.pick(['sac', 'peru', 'corp'])}.com.pe` : rng.pick(EMAIL_DOMAINS);
  let value = `${local}@${domain}`;
  if (rng.chance(0.04)) value = value.toUpperCase();
  return fieldValue(def, [{ value, enum_id: enumByCode(def, code).id, enum_code: code }]);
}
