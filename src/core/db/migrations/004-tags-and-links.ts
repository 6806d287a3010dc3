import type { Migration } from './types';

/**
 * Which tags a record carries and which contacts a lead has. Each list is replaced whenever its
 * record is applied. A link may name a contact the mirror has not downloaded yet (leads come
 * first), so contact_id has no foreign key; the lead side cascades.
 */
export const migration004: Migration = {
  version: 4,
  name: 'tags-and-links',
  up(db) {
    db.exec(`
      CREATE TABLE lead_tags (
        lead_id INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        tag_id  INTEGER NOT NULL,
        PRIMARY KEY (lead_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX lead_tags_by_tag ON lead_tags (tag_id, lead_id);

      CREATE TABLE contact_tags (
        contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL,
        PRIMARY KEY (contact_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id, contact_id);

      CREATE TABLE company_tags (
        company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        tag_id     INTEGER NOT NULL,
        PRIMARY KEY (company_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX company_tags_by_tag ON company_tags (tag_id, company_id);

      CREATE TABLE lead_contacts (
        lead_id    INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL,
        is_main    INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (lead_id, contact_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX lead_contacts_by_contact ON lead_contacts (contact_id, lead_id);
    `);
  },
};
