import type { PostgresMigration } from './types';

/**
 * Full-text search over names and text custom field values (SQLite step 008 uses FTS5). Here a
 * record's row holds its tsvector: the name with weight A, the field values with weight B, split
 * by the `simple` configuration (no stemming or stop words: names are searched as typed) and
 * indexed with GIN, whose prefix matching (`to_tsquery('simple', 'mar:*')`) stands in for FTS5's
 * prefix indexes.
 *
 * Accents are folded by `mirror_fold` (NFD, then the combining marks removed, then lower case), so
 * "jose" finds "José" as FTS5's remove_diacritics does. It is built in (PostgreSQL 13+, a UTF8
 * database) rather than the `unaccent` contrib extension: Debian's package has unaccent, but
 * CREATE EXTENSION needs the CREATE privilege on the database, which a server's own role often
 * lacks, and a missing extension would change what search finds from one install to the next.
 * Existing rows are indexed here, as on SQLite.
 */
export const postgresMigration008: PostgresMigration = {
  version: 8,
  name: 'full-text',
  async up(tx) {
    await tx.run(`
      CREATE FUNCTION mirror_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g')) $$
    `);
    for (const [entity, values, owner] of [
      ['leads', 'lead_field_values', 'lead_id'],
      ['contacts', 'contact_field_values', 'contact_id'],
    ] as const) {
      await tx.run(`
        CREATE TABLE ${entity}_fts (
          id       bigint PRIMARY KEY NOT NULL,
          document tsvector NOT NULL
        );
        CREATE INDEX ${entity}_fts_by_document ON ${entity}_fts USING gin (document);
        INSERT INTO ${entity}_fts (id, document)
        SELECT e.id,
               setweight(to_tsvector('simple', mirror_fold(e.name)), 'A') ||
               setweight(to_tsvector('simple', mirror_fold(coalesce(
                 (SELECT string_agg(v.value, ' ' ORDER BY v.field_id, v.position) FROM ${values} v WHERE v.${owner} = e.id), ''))), 'B')
        FROM ${entity} e;
      `);
    }
  },
};
