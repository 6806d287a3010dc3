import type { LeadsTable, MirrorDatabase } from '../../src/core/db';
import type { KommoCustomFieldValue, KommoLead } from '../../src/core/kommo';

/** The columns of a stored lead that Kommo sends (the mirror's own sort keys and hash left out). */
type StoredLead = Omit<LeadsTable, 'main_contact_id' | 'sort_name' | 'sort_status' | 'sort_responsible' | 'sort_contact' | 'content_hash'>;

/**
 * A lead as Kommo would send it again (with its tags, custom field values and contacts), read back
 * from the mirror, so a benchmark can change one field and apply it the way the sync engine applies
 * a page: everything else stays as it was.
 */
export function kommoLeadFromMirror(mirror: MirrorDatabase, id: number): KommoLead {
  const sqlite = mirror.sqlite;
  const lead = sqlite
    .prepare(
      `SELECT id, name, price, status_id, pipeline_id, responsible_user_id, group_id, loss_reason_id, company_id, created_by, updated_by,
        created_at, updated_at, closed_at, closest_task_at, score FROM leads WHERE id = ?`,
    )
    .get(id) as StoredLead | undefined;
  if (!lead) throw new Error(`lead ${id} is not in the mirror`);
  const tags = sqlite
    .prepare(
      "SELECT t.id, t.name, t.color FROM lead_tags lt JOIN tags t ON t.entity_type = 'leads' AND t.id = lt.tag_id WHERE lt.lead_id = ?",
    )
    .all(id) as Array<{ id: number; name: string; color: string | null }>;
  const values = sqlite
    .prepare('SELECT field_id, value, enum_id, enum_code FROM lead_field_values WHERE lead_id = ? ORDER BY field_id, position')
    .all(id) as Array<{ field_id: number; value: string | number | null; enum_id: number | null; enum_code: string | null }>;
  const contacts = sqlite.prepare('SELECT contact_id AS id, is_main FROM lead_contacts WHERE lead_id = ?').all(id) as Array<{
    id: number;
    is_main: number;
  }>;

  const fields = new Map<number, KommoCustomFieldValue>();
  for (const v of values) {
    const field = fields.get(v.field_id) ?? { field_id: v.field_id, values: [] };
    field.values.push({
      value: v.value,
      ...(v.enum_id !== null && { enum_id: v.enum_id }),
      ...(v.enum_code !== null && { enum_code: v.enum_code }),
    });
    fields.set(v.field_id, field);
  }
  const { company_id: companyId, group_id: groupId, created_by: createdBy, updated_by: updatedBy, ...rest } = lead;
  return {
    ...rest,
    ...(groupId !== null && { group_id: groupId }),
    ...(createdBy !== null && { created_by: createdBy }),
    ...(updatedBy !== null && { updated_by: updatedBy }),
    custom_fields_values: fields.size > 0 ? [...fields.values()] : null,
    _embedded: {
      tags,
      companies: companyId === null ? [] : [{ id: companyId }],
      contacts: contacts.map((c) => ({ id: c.id, is_main: c.is_main === 1 })),
    },
  };
}
