import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedMirror } from './dev-seed';

describe('seedMirror', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the planner statistics a first download leaves, so seeded mirrors get the same query plans', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kommo-mirror-seed-test-'));
    dirs.push(dir);
    const db = join(dir, 'mirror.sqlite');
    await seedMirror({ db, leads: 300, contacts: 100, seed: 3 });
    const sqlite = new Database(db, { readonly: true });
    try {
      const analysed = sqlite
        .prepare("SELECT DISTINCT tbl FROM sqlite_stat1 WHERE tbl IN ('leads', 'lead_tags', 'contacts')")
        .pluck()
        .all();
      expect(analysed.sort()).toEqual(['contacts', 'lead_tags', 'leads']);
    } finally {
      sqlite.close();
    }
  });
});
