import Database from 'better-sqlite3';
import { migrate } from '../migrate';
import { migrations } from '../migrations';

/** A fresh in-file-format database (in memory) migrated to `version`, with foreign keys on as the app runs. */
export function databaseAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations, version);
  return db;
}

/** Moves an existing database forward to `version`. */
export function migrateTo(db: Database.Database, version: number): void {
  migrate(db, migrations, version);
}

export function tableNames(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
}

export function indexNames(db: Database.Database, table: string): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all(table) as string[];
}

export const leadRow = (id: number, name = `Lead ${id}`) => ({
  id,
  name,
  price: 100,
  status_id: 142,
  pipeline_id: 1,
  responsible_user_id: 7,
  created_at: 1_700_000_000,
  updated_at: 1_700_000_100,
});

export function insertLead(db: Database.Database, id: number, name = `Lead ${id}`): void {
  db.prepare(
    `INSERT INTO leads (id, name, price, status_id, pipeline_id, responsible_user_id, created_at, updated_at,
       sort_name, sort_status, sort_responsible, sort_contact, content_hash)
     VALUES (@id, @name, @price, @status_id, @pipeline_id, @responsible_user_id, @created_at, @updated_at,
       lower(@name), 0, '', '', 'h')`,
  ).run(leadRow(id, name));
}

export function insertContact(db: Database.Database, id: number, name = `Contact ${id}`): void {
  db.prepare(
    `INSERT INTO contacts (id, name, responsible_user_id, created_at, updated_at, sort_name, sort_responsible, content_hash)
     VALUES (?, ?, 7, 1700000000, 1700000100, lower(?), '', 'h')`,
  ).run(id, name, name);
}
