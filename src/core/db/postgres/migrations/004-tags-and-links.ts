import type { PostgresMigration } from './types';

/** Which tags a record carries and which contacts a lead has (SQLite step 004). */
export const postgresMigration004: PostgresMigration = {
  version: 4,
  name: 'tags-and-links',
  async up(tx) {
    await tx.run(`
      CREATE TABLE lead_tags (
        lead_id bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        tag_id  bigint NOT NULL,
        PRIMARY KEY (lead_id, tag_id)
      );
      CREATE INDEX lead_tags_by_tag ON lead_tags (tag_id, lead_id);

      CREATE TABLE contact_tags (
        contact_id bigint NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        tag_id     bigint NOT NULL,
        PRIMARY KEY (contact_id, tag_id)
      );
      CREATE INDEX contact_tags_by_tag ON contact_tags (tag_id, contact_id);

      CREATE TABLE company_tags (
        company_id bigint NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
        tag_id     bigint NOT NULL,
        PRIMARY KEY (company_id, tag_id)
      );
      CREATE INDEX company_tags_by_tag ON company_tags (tag_id, company_id);

      CREATE TABLE lead_contacts (
        lead_id    bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        contact_id bigint NOT NULL,
        is_main    bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (lead_id, contact_id)
      );
      CREATE INDEX lead_contacts_by_contact ON lead_contacts (contact_id, lead_id);
    `);
  },
};
