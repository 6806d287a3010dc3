import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findPostgres } from './postgres-server';

it('says why PostgreSQL tests cannot run when its binaries are not where PG_BIN points', () => {
  const empty = mkdtempSync(join(tmpdir(), 'kommo-mirror-no-pg-'));
  try {
    expect(findPostgres({ PG_BIN: empty })).toMatch(
      /PostgreSQL server binaries not found in PG_BIN=.*install Debian's "postgresql" package/,
    );
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
