import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_UI_STATE_BYTES } from '../../common/contract/settings';
import { DEFAULT_SETTINGS, type Settings } from '../../common/model/settings';
import { useTempDir } from '../../../test/helpers/temp-dir';
import { createLogger, type LogRecord } from '../log';
import { SettingsStore } from './settings-store';

const tempDir = useTempDir('kommo-settings-');

function open(file?: string, content?: string) {
  const path = file ?? join(tempDir(), 'settings.json');
  if (content !== undefined) writeFileSync(path, content);
  const records: LogRecord[] = [];
  const store = new SettingsStore(
    path,
    createLogger((r) => records.push(r)),
  );
  return { path, store, warnings: () => records.filter((r) => r.level === 'warn') };
}

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file, without warning or writing', () => {
    const { path, store, warnings } = open();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(warnings()).toEqual([]);
    expect(existsSync(path)).toBe(false);
  });

  it('keeps an update across restarts, merging notifications and ui by key', () => {
    const { path, store } = open();
    store.update({
      language: 'es',
      notifications: { doNotDisturb: true },
      ui: { 'leads.sort': { field: 'price' }, 'leads.widths': [1, 2] },
    });
    store.update({ ui: { 'leads.widths': [3] } });
    const reopened = open(path).store.get();
    expect(reopened).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'es',
      notifications: { enabled: true, doNotDisturb: true },
      ui: { 'leads.sort': { field: 'price' }, 'leads.widths': [3] },
    });
  });

  it('fills settings an older file does not have with their defaults', () => {
    const { store, warnings } = open(undefined, JSON.stringify({ language: 'en' }));
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en' });
    expect(warnings()).toEqual([]);
  });

  it.each([
    ['broken JSON', '{"language": "es", '],
    ['a wrong value', JSON.stringify({ language: 'fr' })],
    ['not an object', '[]'],
  ])('replaces a file with %s by the defaults, warns, and keeps the bad file as .bak', (_label, content) => {
    const dir = tempDir();
    const { path, store, warnings } = open(join(dir, 'settings.json'), content);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(warnings()).toHaveLength(1);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(content);
    // The next update writes a valid file again.
    store.update({ closeToTray: false });
    expect(open(path).store.get().closeToTray).toBe(false);
  });

  it('writes through a temporary file and leaves none behind', () => {
    const dir = tempDir();
    const { store } = open(join(dir, 'settings.json'));
    store.update({ language: 'en' });
    store.update({ language: 'es' });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'es' });
  });

  it('tells listeners about every update, even one that changes nothing', () => {
    const { store } = open();
    const seen: Settings[] = [];
    const stop = store.onDidChange((s) => seen.push(s));
    store.update({ language: 'en' });
    store.update({ language: 'en' });
    stop();
    store.update({ language: 'es' });
    expect(seen.map((s) => s.language)).toEqual(['en', 'en']);
  });

  it('hands out copies, so a caller cannot change the stored settings by mutating one', () => {
    const { store } = open();
    store.get().notifications.enabled = false;
    expect(store.get().notifications.enabled).toBe(true);
  });

  it('caps the UI state as a whole: many patches cannot grow the file past the cap', () => {
    const { path, store } = open();
    store.update({ language: 'es' });
    const chunk = 'x'.repeat(10 * 1024);
    const refusals: unknown[] = [];
    for (let i = 0; i < 40; i++) {
      try {
        store.update({ ui: { [`view.${i}`]: chunk } });
      } catch (error) {
        refusals.push(error);
      }
    }
    const saved = readFileSync(path, 'utf8');
    expect(Buffer.byteLength(saved)).toBeLessThan(MAX_UI_STATE_BYTES + 4096);
    expect(refusals.length).toBeGreaterThan(25);
    expect(refusals[0]).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/over its 128 KB limit; it was not saved/) });
    // A refused patch loses nothing: what was saved before is still there, in memory and on disk.
    const kept = store.get();
    expect(kept.language).toBe('es');
    expect(Object.keys(kept.ui).length).toBe(40 - refusals.length);
    expect(open(path).store.get()).toEqual(kept);
    // Replacing a key with something smaller still works at the cap.
    expect(store.update({ ui: { 'view.0': 'small' } }).ui['view.0']).toBe('small');
  });

  it('starts the view state afresh when an older version left it over the cap, keeping the other settings and the old file', () => {
    const dir = tempDir();
    const ui = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`view.${i}`, 'x'.repeat(60 * 1024)]));
    const content = JSON.stringify({ ...DEFAULT_SETTINGS, language: 'en', ui });
    const { path, store, warnings } = open(join(dir, 'settings.json'), content);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, language: 'en', ui: {} });
    expect(warnings()).toHaveLength(1);
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe(content);
  });

  it('keeps the old settings when the file cannot be written', () => {
    const { store } = open(join(tempDir(), 'missing-folder', 'settings.json'));
    expect(() => store.update({ language: 'en' })).toThrow();
    expect(store.get().language).toBe('system');
  });
});
