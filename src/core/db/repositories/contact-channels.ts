import { normalizePhone, splitPhones } from '../../../common/phone';
import type { KommoCustomFieldValue } from '../../kommo';
import type { SqlSession } from '../sql/session';

/**
 * Phones and emails live in Kommo as multitext custom fields coded PHONE and EMAIL. They are
 * pulled out into their own tables so phone search is an index lookup on canonical digits.
 */

function fieldsCoded(fields: KommoCustomFieldValue[] | null, code: string): KommoCustomFieldValue[] {
  return (fields ?? []).filter((f) => f.field_code === code);
}

export interface PhoneRow {
  raw: string;
  normalized: string;
  type: string | null;
}

/**
 * One row per number: a value holding two numbers ("987654321 / 912345678") becomes two rows.
 * A value with no digits is kept as typed (normalized '') so the UI can still show it.
 */
export function phonesOf(fields: KommoCustomFieldValue[] | null): PhoneRow[] {
  const rows: PhoneRow[] = [];
  for (const field of fieldsCoded(fields, 'PHONE')) {
    for (const item of field.values) {
      if (typeof item.value !== 'string' && typeof item.value !== 'number') continue;
      const text = String(item.value).trim();
      const pieces = splitPhones(text);
      const type = item.enum_code ?? null;
      if (pieces.length === 0) {
        if (text !== '') rows.push({ raw: text, normalized: '', type });
        continue;
      }
      for (const piece of pieces) rows.push({ raw: pieces.length === 1 ? text : piece, normalized: normalizePhone(piece), type });
    }
  }
  return rows;
}

export function emailsOf(fields: KommoCustomFieldValue[] | null): Array<{ value: string; type: string | null }> {
  return fieldsCoded(fields, 'EMAIL').flatMap((f) =>
    f.values
      .filter((v) => typeof v.value === 'string' && v.value.trim() !== '')
      .map((v) => ({ value: String(v.value).trim(), type: v.enum_code ?? null })),
  );
}

export function reversed(digits: string): string {
  return [...digits].reverse().join('');
}

const INSERT_PHONE = 'INSERT INTO contact_phones (contact_id, position, raw, normalized, reversed, type) VALUES (?, ?, ?, ?, ?, ?)';
const INSERT_EMAIL = 'INSERT INTO contact_emails (contact_id, position, value, type) VALUES (?, ?, ?, ?)';

export async function replaceChannels(
  tx: SqlSession,
  contactId: number,
  fields: KommoCustomFieldValue[] | null,
  existed: boolean,
): Promise<void> {
  if (existed) {
    await tx.run('DELETE FROM contact_phones WHERE contact_id = ?', [contactId]);
    await tx.run('DELETE FROM contact_emails WHERE contact_id = ?', [contactId]);
  }
  for (const [i, p] of phonesOf(fields).entries()) {
    await tx.run(INSERT_PHONE, [contactId, i, p.raw, p.normalized, reversed(p.normalized), p.type]);
  }
  for (const [i, e] of emailsOf(fields).entries()) await tx.run(INSERT_EMAIL, [contactId, i, e.value, e.type]);
}
