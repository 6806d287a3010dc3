import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../../common/contract';
import { useTempDir } from '../../../../test/helpers/temp-dir';
import { createCore } from '../create-core';
import { dispatchRequest } from '../../host/dispatch';
import { silentLogger } from '../../log';

const tempDir = useTempDir('kommo-settings-core-');

describe('settings through the contract', () => {
  it('answers settings.get and settings.update, emits settings_changed, and keeps the file next to the database', async () => {
    const dir = tempDir();
    const core = createCore({
      databasePath: join(dir, 'mirror.sqlite'),
      host: 'web',
      version: '1',
      systemLocale: 'es-PE',
      log: silentLogger,
    });
    try {
      const changes: Array<Events['settings_changed']> = [];
      core.events.subscribe((name, payload) => {
        if (name === 'settings_changed') changes.push(payload as Events['settings_changed']);
      });
      expect(await dispatchRequest(core.handlers, 'settings.get', {}, silentLogger)).toMatchObject({
        ok: true,
        value: { language: 'system' },
      });
      const updated = await dispatchRequest(
        core.handlers,
        'settings.update',
        { patch: { notifications: { enabled: false } } },
        silentLogger,
      );
      expect(updated).toMatchObject({ ok: true, value: { notifications: { enabled: false, doNotDisturb: false } } });
      expect(changes).toHaveLength(1);
      expect(core.settings.path).toBe(join(dir, 'settings.json'));
      // The cap is on the whole UI state: a patch that fits alone is refused when the total would not.
      expect(
        await dispatchRequest(core.handlers, 'settings.update', { patch: { ui: { a: 'y'.repeat(100_000) } } }, silentLogger),
      ).toMatchObject({ ok: true });
      expect(
        await dispatchRequest(core.handlers, 'settings.update', { patch: { ui: { b: 'y'.repeat(100_000) } } }, silentLogger),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('was not saved') },
      });
      expect(
        await dispatchRequest(core.handlers, 'settings.update', { patch: { ui: { x: 'y'.repeat(140_000) } } }, silentLogger),
      ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    } finally {
      await core.close();
    }
  });
});
