/** Conditions ANDed into a WHERE clause, with their positional parameters in order. */
export class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  /** ' WHERE a AND b', or '' when there is no condition. */
  where(): string {
    return this.parts.length === 0 ? '' : ` WHERE ${this.parts.join(' AND ')}`;
  }

  /** ' AND a AND b', for appending to a WHERE the caller wrote. */
  and(): string {
    return this.parts.map((p) => ` AND ${p}`).join('');
  }
}

/** A list of ids bound as one JSON parameter: `col IN ${IDS}` with `idsParam(list)`. */
export const IDS = '(SELECT value FROM json_each(?))';
export const idsParam = (ids: readonly number[]) => JSON.stringify(ids);

/** The half-open range of reversed digits that starts with `prefix` (':' sorts right after '9'). */
export function reversedRange(digits: string): [string, string] {
  const reversed = [...digits].reverse().join('');
  return [reversed, `${reversed}:`];
}
