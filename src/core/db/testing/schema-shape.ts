import type Database from 'better-sqlite3';
import type { SqlSession } from '../sql/session';

/**
 * A schema read back from the database itself, in one form for both engines, so a test can hold
 * the SQLite and PostgreSQL migration lists to one shape. Types are compared by family: SQLite's
 * INTEGER is PostgreSQL's bigint (or integer), TEXT is text, and SQLite's `ANY` (custom field
 * values, which keep numbers as numbers) is text on PostgreSQL, which has no such type.
 */
export interface SchemaShape {
  /** Ordinary tables, by name. */
  tables: Record<string, TableShape>;
  /** Full-text tables (FTS5 virtual tables; tsvector tables), by name only: their columns differ by design. */
  fullText: string[];
}

export interface TableShape {
  /** In declaration order: `name type-family [not null]`. */
  columns: string[];
  primaryKey: string[];
  /** `name(col, col)`, sorted; the primary key's own index is not listed. */
  indexes: string[];
  /** `(col) -> parent on delete ACTION`, sorted. */
  foreignKeys: string[];
}

const SQLITE_FAMILY: Record<string, string> = { INTEGER: 'integer', TEXT: 'text', ANY: 'text', REAL: 'real', BLOB: 'blob' };
const POSTGRES_FAMILY: Record<string, string> = { bigint: 'integer', integer: 'integer', smallint: 'integer', text: 'text' };
const POSTGRES_ON_DELETE: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

const column = (name: string, family: string, notNull: boolean): string => `${name} ${family}${notNull ? ' not null' : ''}`;

export function sqliteSchemaShape(sqlite: Database.Database): SchemaShape {
  const all = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as {
    name: string;
    sql: string;
  }[];
  const fullText = all.filter((t) => /^CREATE VIRTUAL TABLE/iu.test(t.sql)).map((t) => t.name);
  // A virtual table's own storage ("leads_fts_data", …) is FTS5's business, not the schema's.
  const ordinary = all.filter((t) => !fullText.some((fts) => t.name === fts || t.name.startsWith(`${fts}_`)));
  const tables: Record<string, TableShape> = {};
  for (const { name } of ordinary) {
    const info = sqlite.pragma(`table_info(${name})`) as { name: string; type: string; notnull: number; pk: number }[];
    const indexes = (sqlite.pragma(`index_list(${name})`) as { name: string; origin: string }[])
      .filter((index) => index.origin === 'c')
      .map((index) => `${index.name}(${(sqlite.pragma(`index_info(${index.name})`) as { name: string }[]).map((c) => c.name).join(', ')})`);
    const foreignKeys = (sqlite.pragma(`foreign_key_list(${name})`) as { table: string; from: string; on_delete: string }[]).map(
      (fk) => `(${fk.from}) -> ${fk.table} on delete ${fk.on_delete}`,
    );
    tables[name] = {
      // SQLite lets a declared key column hold NULL only by a historical quirk; the mirror never relies on it.
      columns: info.map((c) => column(c.name, SQLITE_FAMILY[c.type.toUpperCase()] ?? c.type, c.notnull === 1 || c.pk > 0)),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      indexes: indexes.sort(),
      foreignKeys: foreignKeys.sort(),
    };
  }
  return { tables, fullText };
}

/** `skip`: tables of the PostgreSQL side's own bookkeeping (schema_migrations). */
export async function postgresSchemaShape(session: SqlSession, skip: readonly string[] = ['schema_migrations']): Promise<SchemaShape> {
  const columns = await session.all<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
     WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const keys = await session.all<{ table_name: string; columns: string; is_primary: boolean; index_name: string }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS is_primary,
            (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum) AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     WHERE t.relnamespace = CAST(current_schema() AS regnamespace)`,
  );
  const foreign = await session.all<{ table_name: string; parent: string; columns: string; on_delete: string }>(
    `SELECT CAST(c.conrelid AS regclass)::text AS table_name, CAST(c.confrelid AS regclass)::text AS parent, c.confdeltype AS on_delete,
            (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = CAST(current_schema() AS regnamespace)`,
  );
  const names = [...new Set(columns.map((c) => c.table_name))].filter((name) => !skip.includes(name));
  const fullText = names.filter((name) => columns.some((c) => c.table_name === name && c.data_type === 'tsvector'));
  const tables: Record<string, TableShape> = {};
  for (const name of names.filter((n) => !fullText.includes(n))) {
    const own = keys.filter((k) => k.table_name === name);
    tables[name] = {
      columns: columns
        .filter((c) => c.table_name === name)
        .map((c) => column(c.column_name, POSTGRES_FAMILY[c.data_type] ?? c.data_type, c.is_nullable === 'NO')),
      primaryKey: own.find((k) => k.is_primary)?.columns.split(', ') ?? [],
      indexes: own
        .filter((k) => !k.is_primary)
        .map((k) => `${k.index_name}(${k.columns})`)
        .sort(),
      foreignKeys: foreign
        .filter((fk) => fk.table_name === name)
        .map((fk) => `(${fk.columns}) -> ${fk.parent} on delete ${POSTGRES_ON_DELETE[fk.on_delete] ?? fk.on_delete}`)
        .sort(),
    };
  }
  return { tables, fullText: fullText.sort() };
}
