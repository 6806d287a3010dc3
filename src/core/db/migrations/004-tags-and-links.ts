import type { MigrationDefinition } from './types';

/**
 * Which tags a record carries and which contacts a lead has. Each list is replaced whenever its
 * record is applied. A link may name a contact the mirror has not downloaded yet (leads come
 * first), so contact_id has no foreign key; the lead side cascades.
 */
export const migration004: MigrationDefinition = {
  version: 4,
  name: 'tags-and-links',
  sql({ INTEGER, STRICT_WITHOUT_ROWID }) {
    const tagLinks = (
      [
        ['lead_tags', 'lead_id', 'leads'],
        ['contact_tags', 'contact_id', 'contacts'],
        ['company_tags', 'company_id', 'companies'],
      ] as const
    ).map(
      // tag_id is aligned under the owner's column, as this step's text has always been written.
      ([table, owner, parent]) => `
      CREATE TABLE ${table} (
        ${owner} ${INTEGER} NOT NULL REFERENCES ${parent} (id) ON DELETE CASCADE,
        ${'tag_id'.padEnd(owner.length)} ${INTEGER} NOT NULL,
        PRIMARY KEY (${owner}, tag_id)
      )${STRICT_WITHOUT_ROWID};
      CREATE INDEX ${table}_by_tag ON ${table} (tag_id, ${owner});
      `,
    );
    return `${tagLinks.join('')}
      CREATE TABLE lead_contacts (
        lead_id    ${INTEGER} NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        contact_id ${INTEGER} NOT NULL,
        is_main    ${INTEGER} NOT NULL DEFAULT 0,
        PRIMARY KEY (lead_id, contact_id)
      )${STRICT_WITHOUT_ROWID};
      CREATE INDEX lead_contacts_by_contact ON lead_contacts (contact_id, lead_id);
    `;
  },
};
