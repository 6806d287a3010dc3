/** A set of record ids from another table (tags, full text, phones), each id at most once. */
interface IdSet {
  /** The records' id column the set is matched against (`l.id`). */
  idColumn: string;
  /** SELECT yielding one column, named id, of distinct ids. */
  select: string;
  params: unknown[];
}

/**
 * How id-set conditions are written. 'in' materialises the set once and lets SQLite drive the
 * query from it, looking each member up in the records' table (best for a small set; several sets
 * alone are intersected first, from their own indexes, so only the intersection is looked up).
 * 'filter' keeps a set from driving (`+id IN`), so a condition on the records' own columns drives
 * through its index and the set only filters those rows: SQLite prices a table lookup far too
 * cheaply (it costs about 30 index entries), and a tag or a search word can hold tens of thousands
 * of records. 'probe' looks each row up in the set (best while walking a sort index, where only a
 * few hundred rows are looked at and materialising a tag of 30,000 leads would dominate).
 */
export type SetForm = 'in' | 'filter' | 'probe';

interface Part {
  sql: string;
  /** The per-row probe form of an id-set condition, with the same parameters. */
  probe?: string;
  /** The set, for an id-set condition. */
  set?: IdSet;
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

  /** A copy with one more condition on the records' own columns (a page's seek on its sort key). */
  with(sql: string, params: readonly unknown[]): Conditions {
    const copy = new Conditions();
    copy.parts.push(...this.parts);
    copy.sets.push(...this.sets);
    copy.columnConditions = this.columnConditions;
    return copy.add(sql, ...params);
  }

  /** "The record's id is in this set": `idColumn IN (select)`, or `probe` when probing per row. */
  addIdSet(idColumn: string, select: string, params: unknown[], probe?: string): this {
    const set = { idColumn, select, params };
    this.parts.push({ sql: `${idColumn} IN (${select})`, probe, set, params });
    this.sets.push(set);
    return this;
  }

  /**
   * A count that never reads the records' table when the filter is made of id sets only: the sets
   * hold only ids of records that exist (foreign keys, and the full-text rows are removed with
   * their record), so counting the intersection is enough. A table row lookup costs about as much
   * as 30 index entries, and a tag can carry tens of thousands of records.
   */
  countSql(table: string, alias: string, form: Exclude<SetForm, 'probe'> = 'in'): { sql: string; params: unknown[] } {
    if (this.sets.length === 0 || this.columnConditions > 0)
      return { sql: `SELECT count(*) FROM ${table} ${alias}${this.where(form)}`, params: this.params };
    return { sql: `SELECT count(*) FROM (${this.intersection()}) AS s`, params: this.params };
  }

  /**
   * The size of the smallest id set, counted up to `limit` from the set's own index, when the
   * filter also has conditions on the records' own columns: what chooses 'in' (a small set drives)
   * or 'filter' (every set is large). Null when there is no such choice to make.
   */
  smallestSetSql(limit: number): { sql: string; params: unknown[] } | null {
    if (this.sets.length === 0 || this.columnConditions === 0) return null;
    const sizes = this.sets.map((set) => `(SELECT count(*) FROM (${set.select} LIMIT ${Math.floor(limit)}))`);
    return { sql: `SELECT ${sizes.length === 1 ? sizes[0] : `min(${sizes.join(', ')})`}`, params: this.sets.flatMap((set) => set.params) };
  }

  /** ' WHERE a AND b', or '' when there is no condition. */
  where(form: SetForm = 'in'): string {
    return this.parts.length === 0 ? '' : ` WHERE ${this.render(form).join(' AND ')}`;
  }

  /** ' AND a AND b', for appending to a WHERE the caller wrote. */
  and(): string {
    return this.parts.map((p) => ` AND ${p.sql}`).join('');
  }

  private render(form: SetForm): string[] {
    if (form === 'probe') return this.parts.map((p) => p.probe ?? p.sql);
    if (form === 'filter') return this.parts.map((p) => (p.set ? `+${p.set.idColumn} IN (${p.set.select})` : p.sql));
    const first = this.sets[0];
    if (first && this.sets.length > 1 && this.columnConditions === 0) return [`${first.idColumn} IN (${this.intersection()})`];
    return this.parts.map((p) => p.sql);
  }

  /** The ids in every set, read from the sets alone; its parameters are the sets', in order. */
  private intersection(): string {
    const [first, ...rest] = this.sets;
    const where = rest.map((set) => `s.id IN (${set.select})`).join(' AND ');
    return `SELECT s.id FROM (${first!.select}) AS s${where ? ` WHERE ${where}` : ''}`;
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
