/**
 * Ways a Kommo account can serve a record wrong, for the fuzz test of the whole path. Each is a
 * simulator corruption (sim/control/corruption.ts) with what the mirror must do with it: keep the
 * record (`kept`, with the columns it must then hold) or set it aside and report it. Tests only.
 */
import type { RecordCorruption } from '../../sim/control/corruption';

export type Entity = 'leads' | 'contacts';

export interface Hostile {
  name: string;
  corruption: RecordCorruption;
  outcome: 'kept' | 'set_aside';
  /** Columns the stored record must hold (kept records only). */
  expect?: Record<string, unknown>;
}

interface Served {
  id: number;
  created_at: number;
}

const pick = <T>(random: () => number, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

/** Text no sane CRM holds: huge, control characters, lone surrogates, markup, RTL marks. */
function hostileText(random: () => number): string {
  const kinds = [
    () => 'x'.repeat(50_000 + Math.floor(random() * 150_000)),
    () => 'a\u0000b\u0001\u0007\u001b[31m\r\n\t\u007f\u0085',
    () => `\ud800 lone \udfff${String.fromCharCode(0xd800 + Math.floor(random() * 0x400))}`,
    () => '<script>alert(1)</script>&amp;"\'`\u202e\u200b',
    () => '\uffff\ufeff😀'.repeat(1 + Math.floor(random() * 200)),
  ];
  return pick(random, kinds)();
}

/** The mirror keeps text as UTF-8: each lone surrogate must be stored as one U+FFFD. */
export function storedText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) out += text[i]! + text[++i]!;
    else out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : text[i]!;
  }
  return out;
}

/** A random hostile change to `record` of `entity`. */
export function hostileFor(random: () => number, entity: Entity, record: Served): Hostile {
  const text = hostileText(random);
  const kept: Hostile[] = [
    { name: 'hostile name', corruption: { fields: { name: text } }, outcome: 'kept', expect: { name: storedText(text) } },
    {
      name: 'fractional created_at',
      corruption: { fields: { created_at: record.created_at + 0.999 } },
      outcome: 'kept',
      expect: { created_at: record.created_at },
    },
    {
      name: 'absurd optional times',
      corruption: { raw: { closest_task_at: '1.5e19' }, fields: { group_id: 0.5, created_by: 'robot' } },
      outcome: 'kept',
      expect: { closest_task_at: null, group_id: null, created_by: null },
    },
    { name: 'no _embedded', corruption: { remove: ['_embedded'] }, outcome: 'kept' },
    {
      name: 'hostile custom field values',
      corruption: {
        fields: {
          custom_fields_values: [
            {
              field_id: 990_001,
              field_type: 'hologram',
              values: [{ value: text, enum_id: 1e308 }, { value: { deep: [1e308, null, text] } }, { value: -0 }],
            },
          ],
        },
      },
      outcome: 'kept',
    },
  ];
  if (entity === 'leads') {
    kept.push(
      { name: 'price 1e308', corruption: { fields: { price: 1e308, score: 1e308 } }, outcome: 'kept', expect: { price: 0, score: null } },
      {
        name: 'price as text, score 1e999',
        corruption: { fields: { price: '1200' }, raw: { score: '1e999', closed_at: '-1e400' } },
        outcome: 'kept',
        expect: { price: 0, score: null, closed_at: null },
      },
      {
        name: 'fractional price',
        corruption: { fields: { price: 1234.5, loss_reason_id: 2 ** 60 } },
        outcome: 'kept',
        expect: { price: 1235, loss_reason_id: null },
      },
    );
  }
  const setAside: Hostile[] = [
    { name: 'name null', corruption: { fields: { name: null } }, outcome: 'set_aside' },
    { name: 'name a number', corruption: { fields: { name: 42 } }, outcome: 'set_aside' },
    { name: 'updated_at 1e308', corruption: { fields: { updated_at: 1e308 } }, outcome: 'set_aside' },
    { name: 'created_at text', corruption: { fields: { created_at: 'yesterday' } }, outcome: 'set_aside' },
    { name: 'no responsible user', corruption: { remove: ['responsible_user_id'] }, outcome: 'set_aside' },
    { name: 'tag of a bad id', corruption: { fields: { _embedded: { tags: [{ id: 'x', name: 'bad' }] } } }, outcome: 'set_aside' },
    {
      name: 'custom field of a fractional id',
      corruption: { fields: { custom_fields_values: [{ field_id: 1.5, values: [] }] } },
      outcome: 'set_aside',
    },
  ];
  if (entity === 'leads') setAside.push({ name: 'status_id 1.5', corruption: { fields: { status_id: 1.5 } }, outcome: 'set_aside' });
  return pick(random, random() < 0.55 ? kept : setAside);
}
