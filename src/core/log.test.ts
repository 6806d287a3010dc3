import { describe, expect, it } from 'vitest';
import { createLogger, registerSecret, type LogRecord } from './log';

function capture() {
  const records: LogRecord[] = [];
  return { records, log: createLogger((r) => records.push(r), 'test') };
}

describe('logger redaction', () => {
  it('masks credential fields by name, at any depth', () => {
    const { records, log } = capture();
    log.info('refreshed', {
      tokens: { access_token: 'abc', refresh_token: 'def' },
      client_secret: 'shh',
      state: 'idle',
      code: 'rate_limited',
    });
    const text = JSON.stringify(records);
    expect(text).not.toMatch(/"abc"|"def"|"shh"/);
    // Ordinary fields that merely share a name with OAuth parameters stay readable.
    expect(records[0]?.data).toMatchObject({ state: 'idle', code: 'rate_limited' });
  });

  it('masks a registered secret wherever its text appears', () => {
    const { records, log } = capture();
    const token = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.payload.signature';
    registerSecret(token);
    log.error(`GET failed with ${token}`, { url: `https://x.kommo.com/api?t=${token}`, error: new Error(`bad ${token}`) });
    expect(JSON.stringify(records)).not.toContain(token);
  });

  it('masks bearer headers and OAuth query parameters it was never told about', () => {
    const { records, log } = capture();
    log.warn('redirect http://127.0.0.1/cb?code=def50200abcdef&state=9f8e7d6c5b4a and Authorization: Bearer abcdefghijklmnop');
    expect(records[0]?.message).not.toMatch(/def50200abcdef|9f8e7d6c5b4a|abcdefghijklmnop/);
  });
});
