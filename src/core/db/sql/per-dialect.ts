import type { Dialect, SqlSession } from './session';

/**
 * SQL text with dialect-specific parts, built once per dialect: the hot path then hands the
 * statement cache the same string every time instead of a freshly concatenated one.
 */
export function perDialect(build: (dialect: Dialect) => string): (session: SqlSession) => string {
  const built = new Map<Dialect, string>();
  return ({ dialect }) => {
    let sql = built.get(dialect);
    if (sql === undefined) {
      sql = build(dialect);
      built.set(dialect, sql);
    }
    return sql;
  };
}
