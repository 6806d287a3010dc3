import type { MigrationDefinition } from './types';

const SEARCHED = [
  ['leads', 'lead_field_values', 'lead_id'],
  ['contacts', 'contact_field_values', 'contact_id'],
] as const;

const MIRROR_FOLD = `
      CREATE FUNCTION mirror_fold(value text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT lower(regexp_replace(normalize(value, NFD), '[\\u0300-\\u036f]', '', 'g')) $$;
    `;

/**
 * Full-text search over names and every text custom field value. The two engines have nothing in
 * common here, so each has its own branch; both index the rows already there, so a database that
 * had data before this step is searchable.
 *
 * SQLite: FTS5, contentless with contentless_delete: the text already lives in the entity and
 * value tables, so the index stores only tokens; the repositories rewrite a record's row when they
 * apply it. rowid is the record's Kommo id. remove_diacritics makes "jose" find "José"; the prefix
 * indexes make "mar*" cheap.
 *
 * PostgreSQL: a record's row holds its tsvector: the name with weight A, the field values with
 * weight B, split by the `simple` configuration (no stemming or stop words: names are searched as
 * typed) and indexed with GIN, whose prefix matching (`to_tsquery('simple', 'mar:*')`) stands in
 * for FTS5's prefix indexes. Accents are folded by `mirror_fold` (NFD, then the combining marks
 * removed, then lower case), so "jose" finds "José" as FTS5's remove_diacritics does. It is built
 * in (PostgreSQL 13+, a UTF8 database) rather than the `unaccent` contrib extension: Debian's
 * package has unaccent, but CREATE EXTENSION needs the CREATE privilege on the database, which a
 * server's own role often lacks, and a missing extension would change what search finds from one
 * install to the next.
 */
export const migration008: MigrationDefinition = {
  version: 8,
  name: 'full-text',
  sql: ({ name }) => (name === 'sqlite' ? SEARCHED.map(fts5Table) : [MIRROR_FOLD, ...SEARCHED.map(tsvectorTable)]).join(''),
};

function fts5Table([entity, values, owner]: (typeof SEARCHED)[number]): string {
  return `
        CREATE VIRTUAL TABLE ${entity}_fts USING fts5 (
          name, fields,
          content = '', contentless_delete = 1,
          tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        );
        INSERT INTO ${entity}_fts (rowid, name, fields)
        SELECT e.id, e.name,
               coalesce((SELECT group_concat(v.value, ' ') FROM ${values} v WHERE v.${owner} = e.id AND typeof(v.value) = 'text'), '')
        FROM ${entity} e;
      `;
}

function tsvectorTable([entity, values, owner]: (typeof SEARCHED)[number]): string {
  return `
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
      `;
}
