import type { SqlParams, SqlValue } from './session';

/**
 * The repositories write one SQL text for both engines, with `?` or `@name` placeholders (what
 * better-sqlite3 takes). PostgreSQL takes only `$1, $2, …`, so the PostgreSQL store rewrites the
 * text once per SQL text (cached) and binds each call's parameters in the rewritten order.
 *
 * Placeholders inside string literals ('…', E'…', $tag$…$tag$), quoted identifiers ("…") and
 * comments are left alone. `@name` is a placeholder only when `@` starts a word and is not part of
 * an operator (`@>`, `<@`, `@@`); `?` is always a placeholder, so the jsonb operators `?`, `?|`
 * and `?&` must be written as their functions (`jsonb_exists`, …).
 */
export interface RewrittenSql {
  readonly text: string;
  /** Number of `?` placeholders (0 when the text uses names). */
  readonly positional: number;
  /** The `@name`s in `$n` order (each name once, however often it appears). */
  readonly names: readonly string[];
  /** More than one statement: sent as a simple query, which cannot carry parameters. */
  readonly multiStatement: boolean;
}

export class SqlParameterError extends Error {
  override name = 'SqlParameterError';
}

const IDENTIFIER_START = /[A-Za-z_]/u;
const IDENTIFIER_PART = /[A-Za-z0-9_$]/u;
const OPERATOR_BEFORE_AT = new Set(['@', '<', '>']);

export function rewritePlaceholders(sql: string): RewrittenSql {
  let out = '';
  let positional = 0;
  const names: string[] = [];
  let statementEnded = false;
  let multiStatement = false;
  let i = 0;
  const copyUntil = (end: number): void => {
    out += sql.slice(i, end);
    i = end;
  };
  while (i < sql.length) {
    const char = sql[i] as string;
    const next = sql[i + 1];
    const previous = sql[i - 1] ?? '';
    if (/\s/u.test(char)) {
      copyUntil(i + 1);
      continue;
    }
    const quoted = skipQuoted(sql, i);
    if (quoted > i) {
      if (statementEnded && !isComment(sql, i)) multiStatement = true;
      copyUntil(quoted);
      continue;
    }
    if (statementEnded && char !== ';') multiStatement = true;
    if (char === ';') {
      statementEnded = true;
      copyUntil(i + 1);
    } else if (char === '?') {
      positional += 1;
      out += `$${positional}`;
      i += 1;
    } else if (char === '@' && next !== undefined && IDENTIFIER_START.test(next) && !OPERATOR_BEFORE_AT.has(previous)) {
      let end = i + 1;
      while (end < sql.length && /[A-Za-z0-9_]/u.test(sql[end] as string)) end += 1;
      const name = sql.slice(i + 1, end);
      let index = names.indexOf(name);
      if (index < 0) index = names.push(name) - 1;
      out += `$${index + 1}`;
      i = end;
    } else if (IDENTIFIER_PART.test(char)) {
      // A whole word at once, so a `$` inside a name (a$b) never opens a dollar quote.
      let end = i + 1;
      while (end < sql.length && IDENTIFIER_PART.test(sql[end] as string)) end += 1;
      copyUntil(end);
    } else {
      copyUntil(i + 1);
    }
  }
  if (positional > 0 && names.length > 0) {
    throw new SqlParameterError(`SQL mixes ? and @name placeholders; use one style: ${preview(sql)}`);
  }
  return { text: out, positional, names, multiStatement };
}

function isComment(sql: string, at: number): boolean {
  return sql.startsWith('--', at) || sql.startsWith('/*', at);
}

/** The index just past a literal, quoted identifier or comment starting at `at`, or `at` if none does. */
function skipQuoted(sql: string, at: number): number {
  const char = sql[at];
  if (char === "'") return skipString(sql, at + 1, false);
  if ((char === 'E' || char === 'e') && sql[at + 1] === "'" && !IDENTIFIER_PART.test(sql[at - 1] ?? '')) {
    return skipString(sql, at + 2, true);
  }
  if (char === '"') return skipString(sql, at + 1, false, '"');
  if (sql.startsWith('--', at)) {
    const end = sql.indexOf('\n', at);
    return end < 0 ? sql.length : end;
  }
  if (sql.startsWith('/*', at)) return skipBlockComment(sql, at);
  if (char === '$' && !IDENTIFIER_PART.test(sql[at - 1] ?? '')) {
    const tag = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/u.exec(sql.slice(at, at + 64))?.[0];
    if (tag !== undefined) {
      const end = sql.indexOf(tag, at + tag.length);
      return end < 0 ? sql.length : end + tag.length;
    }
  }
  return at;
}

function skipString(sql: string, from: number, backslashEscapes: boolean, quote = "'"): number {
  let i = from;
  while (i < sql.length) {
    const char = sql[i];
    if (backslashEscapes && char === '\\') i += 2;
    else if (char === quote && sql[i + 1] === quote) i += 2;
    else if (char === quote) return i + 1;
    else i += 1;
  }
  return sql.length;
}

/** PostgreSQL's block comments nest. */
function skipBlockComment(sql: string, at: number): number {
  let depth = 0;
  let i = at;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return sql.length;
}

/**
 * The values for `$1…$n` from a call's parameters. Throws a SqlParameterError naming the problem
 * (wrong style, wrong count, a missing name) instead of letting a value bind to the wrong place.
 */
export function bindParameters(sql: RewrittenSql, params: SqlParams | undefined): SqlValue[] {
  if (sql.multiStatement && (sql.positional > 0 || sql.names.length > 0)) {
    // PostgreSQL's simple query protocol, the only one that takes several statements, has no parameters.
    throw new SqlParameterError(`Several statements in one text cannot take parameters; run them one by one: ${preview(sql.text)}`);
  }
  if (params === undefined) {
    if (sql.positional > 0 || sql.names.length > 0) {
      throw new SqlParameterError(`SQL has placeholders but no parameters were given: ${preview(sql.text)}`);
    }
    return [];
  }
  if (isPositional(params)) {
    if (sql.names.length > 0) throw new SqlParameterError(`SQL uses @name placeholders but got an array: ${preview(sql.text)}`);
    if (params.length !== sql.positional) {
      throw new SqlParameterError(`SQL has ${sql.positional} placeholders but got ${params.length} values: ${preview(sql.text)}`);
    }
    return [...params];
  }
  if (sql.positional > 0) throw new SqlParameterError(`SQL uses ? placeholders but got named values: ${preview(sql.text)}`);
  return sql.names.map((name) => {
    const value = params[name];
    if (value === undefined) throw new SqlParameterError(`No value for @${name}: ${preview(sql.text)}`);
    return value;
  });
}

function isPositional(params: SqlParams): params is readonly SqlValue[] {
  return Array.isArray(params);
}

function preview(sql: string): string {
  const flat = sql.replace(/\s+/gu, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
