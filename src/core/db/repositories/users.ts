import type { KommoUser } from '../../kommo';
import { perDialect } from '../sql/per-dialect';
import type { SqlSession } from '../sql/session';
import { sortKey } from './sort-key';
import { writeMetadataList } from './metadata-list';

const UPSERT_USER = perDialect(
  (d) => `INSERT INTO users (id, name, email, lang, sort_name) VALUES (@id, @name, @email, @lang, @sort_name)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, email = excluded.email, lang = excluded.lang, sort_name = excluded.sort_name
     WHERE ${d.differs('users.name', 'excluded.name')} OR ${d.differs('users.email', 'excluded.email')}
       OR ${d.differs('users.lang', 'excluded.lang')}`,
);

const RESORT = (table: 'leads' | 'contacts') =>
  perDialect(
    (d) => `UPDATE ${table} SET sort_responsible = @name WHERE responsible_user_id = @user AND ${d.differs('sort_responsible', '@name')}`,
  );
const RESORT_LEADS = RESORT('leads');
const RESORT_CONTACTS = RESORT('contacts');

/**
 * Upserts users; with `complete: true` the list is the account's whole user list and users absent
 * from it are removed. A renamed user's leads and contacts get the new sort key. Returns true when
 * anything changed.
 */
export function upsertUsers(session: SqlSession, users: readonly KommoUser[], options: { complete?: boolean } = {}): Promise<boolean> {
  const write = async (tx: SqlSession, user: KommoUser) => {
    const sortName = sortKey(user.name);
    const row = { id: user.id, name: user.name, email: user.email ?? null, lang: user.lang ?? null, sort_name: sortName };
    if ((await tx.run(UPSERT_USER(tx), row)).changes === 0) return false;
    await tx.run(RESORT_LEADS(tx), { name: sortName, user: user.id });
    await tx.run(RESORT_CONTACTS(tx), { name: sortName, user: user.id });
    return true;
  };
  const removeAbsent = async (tx: SqlSession, keptIds: number[]) =>
    (await tx.run(`DELETE FROM users WHERE id NOT IN (${tx.dialect.idsIn('?')})`, [tx.dialect.bindIds(keptIds)])).changes > 0;
  return writeMetadataList(session, users, options.complete, write, removeAbsent);
}
