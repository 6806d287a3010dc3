import { describe, expect, it } from 'vitest';
import { bindParameters, rewritePlaceholders, SqlParameterError } from './postgres-placeholders';

describe('rewritePlaceholders', () => {
  it('numbers ? placeholders in order', () => {
    expect(rewritePlaceholders('SELECT * FROM leads WHERE id = ? AND name = ?')).toMatchObject({
      text: 'SELECT * FROM leads WHERE id = $1 AND name = $2',
      positional: 2,
      names: [],
    });
  });

  it('gives each @name one number, however often it appears', () => {
    const sql = rewritePlaceholders('UPDATE t SET a = @a, b = @b WHERE a IS DISTINCT FROM @a');
    expect(sql.text).toBe('UPDATE t SET a = $1, b = $2 WHERE a IS DISTINCT FROM $1');
    expect(sql.names).toEqual(['a', 'b']);
  });

  it('leaves literals, quoted identifiers, comments and dollar quotes alone', () => {
    const sql = rewritePlaceholders(
      `SELECT 'it''s ? @x', E'a\\' ? ', "col?@y", $$ ? @z $$, $f$ ? $f$ -- ? @c
       /* ? /* nested ? */ @d */ FROM t WHERE a = ? AND b = ?::bigint[]`,
    );
    expect(sql.positional).toBe(2);
    expect(sql.names).toEqual([]);
    expect(sql.text).toContain(`'it''s ? @x', E'a\\' ? ', "col?@y", $$ ? @z $$, $f$ ? $f$ -- ? @c`);
    expect(sql.text).toContain('WHERE a = $1 AND b = $2::bigint[]');
  });

  it('does not open a dollar quote at a $ inside a name', () => {
    expect(rewritePlaceholders('SELECT a$b$ FROM t WHERE x = ? AND y = ?')).toMatchObject({
      text: 'SELECT a$b$ FROM t WHERE x = $1 AND y = $2',
      positional: 2,
    });
  });

  it('does not take operators that contain @ for names', () => {
    const sql = rewritePlaceholders('SELECT id FROM leads_fts WHERE document @@ to_tsquery(@q) AND tags <@ @tags AND x @>@y');
    expect(sql.names).toEqual(['q', 'tags']);
    expect(sql.text).toBe('SELECT id FROM leads_fts WHERE document @@ to_tsquery($1) AND tags <@ $2 AND x @>@y');
  });

  it('tells one statement from several, ignoring a trailing semicolon or comment', () => {
    expect(rewritePlaceholders('SELECT 1;  -- done').multiStatement).toBe(false);
    expect(rewritePlaceholders("SELECT ';'").multiStatement).toBe(false);
    expect(rewritePlaceholders('CREATE TABLE a (x int); CREATE TABLE b (y int);').multiStatement).toBe(true);
  });

  it('refuses a text that mixes both styles', () => {
    expect(() => rewritePlaceholders('SELECT ? + @a')).toThrow(SqlParameterError);
  });
});

describe('bindParameters', () => {
  it('orders named values by their numbers', () => {
    const sql = rewritePlaceholders('SELECT @b, @a, @b');
    expect(bindParameters(sql, { a: 1, b: 'two' })).toEqual(['two', 1]);
  });

  it('names what is wrong instead of binding a value to the wrong place', () => {
    expect(() => bindParameters(rewritePlaceholders('SELECT ?, ?'), [1])).toThrow(/2 placeholders but got 1/);
    expect(() => bindParameters(rewritePlaceholders('SELECT @a, @b'), { a: 1 })).toThrow(/No value for @b/);
    expect(() => bindParameters(rewritePlaceholders('SELECT @a'), [1])).toThrow(/got an array/);
    expect(() => bindParameters(rewritePlaceholders('SELECT ?'), { a: 1 })).toThrow(/got named values/);
    expect(() => bindParameters(rewritePlaceholders('SELECT ?'), undefined)).toThrow(/no parameters/);
  });

  it('refuses parameters for a text of several statements', () => {
    expect(() => bindParameters(rewritePlaceholders('DELETE FROM a WHERE id = ?; DELETE FROM b WHERE id = ?'), [1, 1])).toThrow(
      /Several statements/,
    );
  });

  it('accepts null as a named value', () => {
    expect(bindParameters(rewritePlaceholders('SELECT @a'), { a: null })).toEqual([null]);
  });
});
