import type Database from 'better-sqlite3';
import type { MirrorDatabase } from './open';
import { atomically, statement } from './statements';

/**
 * The first download writes hundreds of thousands of records into an empty mirror. Keeping every
 * secondary index and the full-text rows current record by record costs most of that time (each
 * lead touched nine leads indexes, two tag and link indexes and an FTS5 segment: ~2,500 leads/s
 * measured); building them once at the end costs a fraction. So the first download calls
 * `beginBulkLoad`, which drops the indexes below and stops the repositories writing full-text
 * rows, and `finishBulkLoad`, which builds them all in one transaction.
 *
 * What was dropped is recorded in `app_meta` (which a reset of the mirror keeps) in the same
 * transaction as the drop, with each index's own CREATE statement read from the schema. So a kill
 * at any moment leaves a mirror that opens and reads (lists fall back to sorting their matches,
 * see `hasIndex`), and the next `finishBulkLoad` (the resumed first download's end) builds
 * whatever the record names. A kill during the build rolls it back whole, and the record with it.
 */

/** Indexes only reads use. Those the write path looks records up by (lead_contacts_by_contact) stay. */
export const DEFERRED_INDEXES: readonly string[] = [
  'leads_by_stage',
  'leads_by_responsible',
  'leads_by_updated',
  'leads_by_created',
  'leads_by_price',
  'leads_by_name',
  'leads_by_status_rank',
  'leads_by_responsible_name',
  'leads_by_contact_name',
  'leads_by_closed',
  'leads_by_loss_reason',
  'leads_by_company',
  'lead_tags_by_tag',
  'contacts_by_responsible',
  'contacts_by_updated',
  'contacts_by_created',
  'contacts_by_name',
  'contacts_by_responsible_name',
  'contacts_by_company',
  'contact_tags_by_tag',
  'contact_phones_by_number',
  'contact_phones_by_suffix',
  'lead_field_values_by_field',
  'contact_field_values_by_field',
];

const RECORD_KEY = 'bulk_load';

/** What a bulk load has taken away and must put back. */
interface BulkLoadRecord {
  indexes: Array<{ name: string; sql: string }>;
  fullText: boolean;
}

/**
 * The full-text rows as the repositories write them (repositories/record-parts.ts: the name, and
 * every text value of the record's custom fields; a contact's first and last name when its name
 * does not contain them). Token order does not matter: searches are ANDed prefix terms.
 */
const FULL_TEXT_ROWS = {
  leads: `
    SELECT e.id, e.name,
           coalesce((SELECT group_concat(v.value, ' ') FROM lead_field_values v WHERE v.lead_id = e.id AND typeof(v.value) = 'text'), '')
    FROM leads e`,
  contacts: `
    SELECT e.id,
           e.name
             || iif(coalesce(e.first_name, '') <> '' AND instr(e.name, e.first_name) = 0, ' ' || e.first_name, '')
             || iif(coalesce(e.last_name, '') <> '' AND instr(e.name, e.last_name) = 0, ' ' || e.last_name, ''),
           coalesce((SELECT group_concat(v.value, ' ') FROM contact_field_values v WHERE v.contact_id = e.id AND typeof(v.value) = 'text'), '')
    FROM contacts e`,
} as const;

/** Connections on which the repositories leave the full-text rows to `finishBulkLoad`. */
const fullTextDeferred = new WeakSet<Database.Database>();

/** True while a bulk load runs on this connection: the repositories then skip the per-record full-text row. */
export function isFullTextDeferred(sqlite: Database.Database): boolean {
  return fullTextDeferred.has(sqlite);
}

function readRecord(sqlite: Database.Database): BulkLoadRecord | null {
  const value = statement(sqlite, 'SELECT value FROM app_meta WHERE key = ?').pluck().get(RECORD_KEY);
  return typeof value === 'string' ? (JSON.parse(value) as BulkLoadRecord) : null;
}

function writeRecord(sqlite: Database.Database, record: BulkLoadRecord | null): void {
  if (record === null) statement(sqlite, 'DELETE FROM app_meta WHERE key = ?').run(RECORD_KEY);
  else
    statement(sqlite, 'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      RECORD_KEY,
      JSON.stringify(record),
    );
}

/** True when a bulk load has begun and not finished (possibly in an earlier run of the app). */
export function bulkLoadPending(mirror: MirrorDatabase): boolean {
  return readRecord(mirror.sqlite) !== null;
}

/** `beginBulkLoad` on a connection (the SQLite dialect's step, given a transaction's connection). */
export function beginBulkLoadOn(sqlite: Database.Database): void {
  beginBulkLoad({ sqlite });
}

/** `finishBulkLoad` on a connection (the SQLite dialect's step). */
export function finishBulkLoadOn(sqlite: Database.Database): boolean {
  return finishBulkLoad({ sqlite });
}

/**
 * Drops the deferred indexes and defers the full-text rows, recording both first. Idempotent: a
 * resumed first download calls it again, and indexes already dropped stay recorded.
 */
export function beginBulkLoad(mirror: Pick<MirrorDatabase, 'sqlite'>): void {
  const { sqlite } = mirror;
  atomically(sqlite, () => {
    const record = readRecord(sqlite) ?? { indexes: [], fullText: true };
    const recorded = new Set(record.indexes.map((index) => index.name));
    const present = statement(sqlite, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all() as Array<{
      name: string;
      sql: string;
    }>;
    const dropping = present.filter((index) => DEFERRED_INDEXES.includes(index.name));
    for (const index of dropping) if (!recorded.has(index.name)) record.indexes.push(index);
    record.fullText = true;
    writeRecord(sqlite, record);
    for (const index of dropping) sqlite.exec(`DROP INDEX "${index.name}"`);
  });
  fullTextDeferred.add(sqlite);
}

/**
 * Builds what the pending bulk load took away, in one transaction: its indexes, and every
 * full-text row from the records as they now are. Returns false when nothing was pending.
 */
export function finishBulkLoad(mirror: Pick<MirrorDatabase, 'sqlite'>): boolean {
  const { sqlite } = mirror;
  const built = atomically(sqlite, () => {
    const record = readRecord(sqlite);
    if (record === null) return false;
    for (const index of record.indexes) sqlite.exec(index.sql.replace(/^CREATE (UNIQUE )?INDEX /i, 'CREATE $1INDEX IF NOT EXISTS '));
    if (record.fullText) {
      for (const entity of ['leads', 'contacts'] as const) {
        sqlite.exec(`INSERT INTO ${entity}_fts (${entity}_fts) VALUES ('delete-all')`);
        sqlite.exec(`INSERT INTO ${entity}_fts (rowid, name, fields) ${FULL_TEXT_ROWS[entity]}`);
      }
    }
    writeRecord(sqlite, null);
    return true;
  });
  fullTextDeferred.delete(sqlite);
  return built;
}

/**
 * Whether the index exists now (a bulk load drops some for a while). Read from the schema and
 * kept until the schema changes (`schema_version` moves with every CREATE and DROP).
 */
export function hasIndex(sqlite: Database.Database, name: string): boolean {
  const version = sqlite.pragma('schema_version', { simple: true }) as number;
  let known = indexCache.get(sqlite);
  if (!known || known.version !== version) {
    const names = statement(sqlite, "SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[];
    known = { version, names: new Set(names) };
    indexCache.set(sqlite, known);
  }
  return known.names.has(name);
}

const indexCache = new WeakMap<Database.Database, { version: number; names: Set<string> }>();
