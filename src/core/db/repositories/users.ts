import type { KommoUser } from '../../kommo';
import type { MirrorDatabase } from '../open';
import { sortKey } from './sort-key';
import { statement } from '../statements';
import { writeMetadataList } from './metadata-list';

/**
 * Upserts users; with `complete: true` the list is the account's whole user list and users absent
 * from it are removed. A renamed user's leads and contacts get the new sort key. Returns true when
 * anything changed.
 */
export function upsertUsers(mirror: MirrorDatabase, users: readonly KommoUser[], options: { complete?: boolean } = {}): boolean {
  const sqlite = mirror.sqlite;
  const upsert = statement(
    sqlite,
    `INSERT INTO users (id, name, email, lang, sort_name) VALUES (@id, @name, @email, @lang, @sort_name)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, lang = excluded.lang, sort_name = excluded.sort_name
       WHERE name IS NOT excluded.name OR email IS NOT excluded.email OR lang IS NOT excluded.lang`,
  );
  const write = (user: KommoUser) => {
    const sortName = sortKey(user.name);
    const info = upsert.run({ id: user.id, name: user.name, email: user.email ?? null, lang: user.lang ?? null, sort_name: sortName });
    if (info.changes === 0) return false;
    statement(sqlite, 'UPDATE leads SET sort_responsible = :name WHERE responsible_user_id = :user AND sort_responsible IS NOT :name').run({
      name: sortName,
      user: user.id,
    });
    statement(
      sqlite,
      'UPDATE contacts SET sort_responsible = :name WHERE responsible_user_id = :user AND sort_responsible IS NOT :name',
    ).run({ name: sortName, user: user.id });
    return true;
  };
  const removeAbsent = (keptIds: string) =>
    statement(sqlite, 'DELETE FROM users WHERE id NOT IN (SELECT value FROM json_each(?))').run(keptIds).changes > 0;
  return writeMetadataList(sqlite, users, options.complete, write, removeAbsent);
}
