/** A set of record ids from another table (tags, full text, phones), each id at most once. */
interface IdSet {
  /** SELECT yielding one column, named id, of distinct ids. */
  select: string;
  params: unknown[];
}

/**
 * How id-set conditions are written. 'in' materialises the set once (best when the set drives
 * the query); 'probe' looks each row up in it (best while walking a sort index, where only a few
 * hundred rows are looked at and materialising a tag of 30,000 leads would dominate).
 */
export type SetForm = 'in' | 'probe';

interface Part {
  sql: string;
  /** The per-row probe form of an id-set condition, with the same parameters. */
  probe?: string;
  params: unknown[];
}

/** Conditions ANDed into a WHERE clause, with their positional parameters in order. */
export class Conditions {
  private readonly parts: Part[] = [];
  private readonly sets: IdSet[] = [];
  private columnConditions = 0;

  get params(): unknown[] {
    return this.parts.flatMap((p) => p.params);
  }

  /** A condition on the record's own columns. */
  add(sql: string, ...params: unknown[]): this {
    this.parts.push({ sql, params });
    this.columnConditions += 1;
    return this;
  }

  /** "The record's id is in this set": `idColumn IN (select)`, or `probe` when probing per row. */
  addIdSet(idColumn: string, select: string, params: unknown[], probe?: string): this {
    this.parts.push({ sql: `${idColumn} IN (${select})`, probe, params });
    this.sets.push({ select, params });
    return this;
  }

  /**
   * A count that never reads the records' table when the filter is made of id sets only: the sets
   * hold only ids of records that exist (foreign keys, and the full-text rows are removed with
   * their record), so counting the intersection is enough. A table row lookup costs about as much
   * as 30 index entries, and a tag can carry tens of thousands of records.
   */
  countSql(table: string, alias: string): { sql: string; params: unknown[] } {
    const [first, ...rest] = this.sets;
    if (!first || this.columnConditions > 0) return { sql: `SELECT count(*) FROM ${table} ${alias}${this.where()}`, params: this.params };
    const where = rest.map((set) => `s.id IN (${set.select})`).join(' AND ');
    return {
      sql: `SELECT count(*) FROM (${first.select}) AS s${where ? ` WHERE ${where}` : ''}`,
      params: [first.params, ...rest.map((set) => set.params)].flat(),
    };
  }

  /** ' WHERE a AND b', or '' when there is no condition. */
  where(form: SetForm = 'in'): string {
    return this.parts.length === 0 ? '' : ` WHERE ${this.render(form).join(' AND ')}`;
  }

  /** ' AND a AND b', for appending to a WHERE the caller wrote. */
  and(): string {
    return this.render('in')
      .map((p) => ` AND ${p}`)
      .join('');
  }

  private render(form: SetForm): string[] {
    return this.parts.map((p) => (form === 'probe' && p.probe ? p.probe : p.sql));
  }
}

/** A list of ids bound as one JSON parameter: `col IN ${IDS}` with `idsParam(list)`. */
export const IDS = '(SELECT value FROM json_each(?))';
export const idsParam = (ids: readonly number[]) => JSON.stringify(ids);

/**
 * `(?, ?, ?)` for a filter's id list. Unlike json_each, the planner sees how many values there
 * are, so "responsible is one of 2 users" is judged against "price between a and b" correctly.
 * The contract caps lists at 500, which bounds the number of distinct statements.
 */
export function placeholders(count: number): string {
  return `(${new Array<string>(count).fill('?').join(', ')})`;
}

/** The half-open range of reversed digits that starts with `prefix` (':' sorts right after '9'). */
export function reversedRange(digits: string): [string, string] {
  const reversed = [...digits].reverse().join('');
  return [reversed, `${reversed}:`];
}
