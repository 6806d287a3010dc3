import { randomBytes } from 'node:crypto';
import type { SqlSession, SqlStore } from '../core/db';
import type { HintedEntity, RecordHint } from './webhook-form';

/**
 * The team server's own tables, beside the mirror's (which the PostgreSQL migrations own):
 * settings every instance shares (the webhook path's secret) and the webhook queue. Created if
 * missing, under the migrations' advisory lock, so instances starting together create them once.
 * They hold nothing the mirror cannot rebuild, so they will join the numbered migrations when the
 * SQLite and PostgreSQL lists are one.
 */
const SERVER_TABLES = `
  CREATE TABLE IF NOT EXISTS server_settings (
    key   text PRIMARY KEY NOT NULL,
    value text NOT NULL
  );
  CREATE SEQUENCE IF NOT EXISTS server_webhook_hint_seq;
  CREATE TABLE IF NOT EXISTS server_webhook_queue (
    entity      text NOT NULL CHECK (entity IN ('leads', 'contacts')),
    id          bigint NOT NULL,
    deleted     integer NOT NULL DEFAULT 0,
    hint        bigint NOT NULL,
    received_at bigint NOT NULL,
    PRIMARY KEY (entity, id)
  );
  CREATE INDEX IF NOT EXISTS server_webhook_queue_by_hint ON server_webhook_queue (entity, hint);
`;

/** The same constant as the PostgreSQL migrations' lock (db/postgres/migrate.ts). */
const MIGRATION_LOCK = 0x6b6d_6d67;

/** The channel the syncing instance LISTENs on: a hook queued by any instance wakes it at once. */
export const WEBHOOK_CHANNEL = 'kommo_mirror_webhook';

export async function prepareServerTables(store: SqlStore): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.run('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
    await tx.run(SERVER_TABLES);
  });
}

/**
 * The webhook path's secret (32 random bytes, base64url): made by the first instance, then read by
 * every instance, so the address registered in Kommo is the same whichever instance answers.
 */
export async function webhookSecret(session: SqlSession): Promise<string> {
  await session.run('INSERT INTO server_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
    'webhook_secret',
    randomBytes(32).toString('base64url'),
  ]);
  const row = await session.get<{ value: string }>('SELECT value FROM server_settings WHERE key = ?', ['webhook_secret']);
  if (!row) throw new Error('The webhook secret could not be stored.');
  return row.value;
}

/**
 * Queues hinted records (one row per record: hints of the same record collapse) and wakes the
 * syncing instance. A record hinted again while it is being fetched gets a newer `hint` number,
 * so `finishHints` keeps it queued for another fetch.
 */
export async function queueHints(session: SqlSession, hints: readonly RecordHint[], now: number): Promise<void> {
  if (hints.length === 0) return;
  await session.run(
    `INSERT INTO server_webhook_queue (entity, id, deleted, hint, received_at)
     SELECT entity, id, deleted, nextval('server_webhook_hint_seq'), ?
     FROM unnest(?::text[], ?::bigint[], ?::integer[]) AS given(entity, id, deleted)
     ON CONFLICT (entity, id) DO UPDATE
       SET hint = excluded.hint, deleted = greatest(server_webhook_queue.deleted, excluded.deleted)`,
    [
      now,
      `{${hints.map((h) => h.entity).join(',')}}`,
      `{${hints.map((h) => h.id).join(',')}}`,
      `{${hints.map((h) => (h.deleted ? 1 : 0)).join(',')}}`,
    ],
  );
  await session.run(`NOTIFY ${WEBHOOK_CHANNEL}`);
}

export interface TakenHints {
  entity: HintedEntity;
  ids: number[];
  deleted: number[];
  /** The newest hint number taken: rows hinted again after it stay queued. */
  upTo: number;
}

/** The oldest queued hints of an entity, at most `limit`; null when none. They stay queued until `finishHints`. */
export async function takeHints(session: SqlSession, entity: HintedEntity, limit: number): Promise<TakenHints | null> {
  const rows = await session.all<{ id: number; deleted: number; hint: number }>(
    'SELECT id, deleted, hint FROM server_webhook_queue WHERE entity = ? ORDER BY hint LIMIT ?',
    [entity, limit],
  );
  if (rows.length === 0) return null;
  return {
    entity,
    ids: rows.filter((r) => r.deleted === 0).map((r) => r.id),
    deleted: rows.filter((r) => r.deleted !== 0).map((r) => r.id),
    upTo: Math.max(...rows.map((r) => r.hint)),
  };
}

/** Removes the hints that were fetched, except those hinted again meanwhile. */
export async function finishHints(session: SqlSession, taken: TakenHints): Promise<void> {
  await session.run(`DELETE FROM server_webhook_queue WHERE entity = ? AND id IN (${session.dialect.idsIn('?')}) AND hint <= ?`, [
    taken.entity,
    session.dialect.bindIds([...taken.ids, ...taken.deleted]),
    taken.upTo,
  ]);
}

export async function queueDepth(session: SqlSession): Promise<number> {
  return (await session.get<{ n: number }>('SELECT count(*) AS n FROM server_webhook_queue'))?.n ?? 0;
}
