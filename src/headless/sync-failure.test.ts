import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  KommoAuthRequiredError,
  KommoBlockedError,
  KommoNetworkError,
  KommoPaymentRequiredError,
  KommoRateLimitedError,
  KommoServerError,
} from '../core/kommo';
import { registerSecret } from '../core/log';
import { UsageError } from './cli-args';
import { DatabaseOpenError, describeFailure, InterruptedError } from './sync-failure';

const context = { baseUrl: 'https://acme.kommo.com', accountHost: 'acme.kommo.com', databasePath: '/srv/mirror.sqlite' };
const at = Date.UTC(2025, 5, 1, 12, 0);

describe('how the sync command explains a failure', () => {
  it('gives each kind of failure its exit code and one sentence', () => {
    const cases: Array<[unknown, number, string]> = [
      [new UsageError('No token: pass --token or set KOMMO_TOKEN.'), 2, 'No token: pass --token or set KOMMO_TOKEN.'],
      [
        new KommoAuthRequiredError(),
        3,
        'Kommo rejected the token for acme.kommo.com (wrong, expired or revoked): give a valid long-lived token with --token or KOMMO_TOKEN.',
      ],
      [
        new KommoNetworkError(false, false, 'Kommo could not be found (ENOTFOUND).'),
        4,
        'Could not reach https://acme.kommo.com: Kommo could not be found (ENOTFOUND); check the address and the network connection.',
      ],
      [new KommoServerError(503), 4, 'https://acme.kommo.com kept answering with server errors (503); try again later.'],
      [
        new KommoRateLimitedError(at),
        5,
        'Kommo is limiting requests to this account (429) until 2025-06-01T12:00:00.000Z; run the command again after that.',
      ],
      [
        new KommoBlockedError(at),
        5,
        'Kommo has blocked API access from this address (403) until 2025-06-01T12:00:00.000Z; wait before trying again.',
      ],
      [
        new DatabaseOpenError('/srv/mirror.sqlite', { cause: new Database.SqliteError('file is not a database', 'SQLITE_NOTADB') }),
        6,
        'Cannot open the mirror database /srv/mirror.sqlite: file is not a database (SQLITE_NOTADB).',
      ],
      [
        new Database.SqliteError('database or disk is full', 'SQLITE_FULL'),
        6,
        'Cannot write the mirror database /srv/mirror.sqlite: database or disk is full (SQLITE_FULL).',
      ],
      [
        new Database.SqliteError('cannot store REAL value in INTEGER column leads.price', 'SQLITE_CONSTRAINT_DATATYPE'),
        1,
        'Sync stopped: the mirror refused data from Kommo, not a disk problem: cannot store REAL value in INTEGER column leads.price (SQLITE_CONSTRAINT_DATATYPE).',
      ],
      [
        new InterruptedError('SIGTERM'),
        143,
        'Stopped by SIGTERM before the mirror was current; the next run resumes where this one stopped.',
      ],
      [new KommoPaymentRequiredError(), 1, 'Sync stopped: The Kommo account is not paid up (402 Payment Required), so its API is closed.'],
      [new TypeError('boom.'), 1, 'Sync failed unexpectedly: boom.'],
    ];
    for (const [error, exitCode, message] of cases) expect(describeFailure(error, context)).toEqual({ exitCode, message });
  });

  it('never lets a token through, even inside an error it did not write', () => {
    registerSecret('eyJ-secret-long-lived-token');
    expect(describeFailure(new Error('bad header Bearer eyJ-secret-long-lived-token'), context).message).not.toContain('eyJ-secret');
  });
});
