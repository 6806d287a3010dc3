import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../common/contract';
import type { AppInfo } from '../../common/model/app';
import { CoreError } from '../errors';
import { createLogger, type LogRecord } from '../log';
import { dispatchRequest } from './dispatch';

const info: AppInfo = {
  name: 'Kommo Mirror',
  version: '1.2.3',
  host: 'web',
  databasePath: '/tmp/x.sqlite',
  schemaVersion: 1,
  latestSchemaVersion: 1,
  systemLocale: 'es-PE',
  tokenStorage: 'memory',
  signInWithKommo: false,
};

function setup(appInfo: () => Promise<AppInfo>) {
  const records: LogRecord[] = [];
  const handlers = { 'app.info': appInfo } as Partial<Handlers> as Handlers;
  return {
    records,
    run: (name: unknown, args: unknown) =>
      dispatchRequest(
        handlers,
        name,
        args,
        createLogger((r) => records.push(r)),
      ),
  };
}

describe('dispatchRequest', () => {
  it('answers a valid request with its value', async () => {
    const { run } = setup(async () => info);
    expect(await run('app.info', {})).toEqual({ ok: true, value: info });
  });

  it('rejects a name outside the contract, including inherited object keys', async () => {
    const { run } = setup(async () => info);
    for (const name of ['app.nope', 'toString', '__proto__', 42]) {
      const result = await run(name, {});
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid_input');
    }
  });

  it('rejects arguments that do not match the schema', async () => {
    const { run } = setup(async () => info);
    const result = await run('app.info', { extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('passes a CoreError through with its code and message', async () => {
    const { run } = setup(async () => {
      throw new CoreError('offline', 'Kommo is unreachable.');
    });
    expect(await run('app.info', {})).toEqual({ ok: false, error: { code: 'offline', message: 'Kommo is unreachable.' } });
  });

  it('hides unexpected errors from the renderer but logs them', async () => {
    const { run, records } = setup(async () => {
      throw new Error('SQLITE_CORRUPT at /home/rep/secret/path');
    });
    const result = await run('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('SQLITE_CORRUPT');
    expect(records.some((r) => r.level === 'error' && JSON.stringify(r.data).includes('SQLITE_CORRUPT'))).toBe(true);
  });
});
