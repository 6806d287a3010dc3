import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import { migrations } from './index';

describe('migration 001 app-meta', () => {
  it('creates app_meta with the creation time', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, 1);
    const createdAt = Number(db.prepare("SELECT value FROM app_meta WHERE key = 'created_at'").pluck().get());
    expect(Math.abs(createdAt - Date.now() / 1000)).toBeLessThan(60);
  });
});
