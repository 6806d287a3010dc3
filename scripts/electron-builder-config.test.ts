import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The installers cannot be built here (no Electron binary), so this checks what can be checked
 * without building: the configuration is one electron-builder accepts, it points at icons that
 * exist, and it keeps electron-builder from rebuilding better-sqlite3 in place.
 */
const ROOT = join(import.meta.dirname, '..');
const require = createRequire(join(ROOT, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, Record<string, unknown>> & {
  npmRebuild?: boolean;
  asar?: unknown;
};

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => {} })).resolves.toBeUndefined();
  });

  it('targets AppImage and deb, NSIS and dmg, with icons that exist', () => {
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.win!.target).toMatchObject([{ target: 'nsis' }]);
    expect(config.mac!.target).toEqual(['dmg']);
    for (const icon of [config.linux!.icon, config.win!.icon, config.mac!.icon] as string[])
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
    for (const size of [16, 32, 48, 256, 512]) expect(existsSync(join(ROOT, 'resources', 'icons', `${size}x${size}.png`))).toBe(true);
  });

  it('ships the Electron build of better-sqlite3 unpacked, and never rebuilds node_modules in place', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.files).toContain('native/electron/better_sqlite3.node');
    expect(config.asarUnpack).toContain('native/electron/**');
  });

  it('flips Electron’s fuses: no Node mode, NODE_OPTIONS or --inspect; app.asar only, integrity-checked; cookies encrypted', async () => {
    // Through electron-builder's own translation to @electron/fuses, so a misspelt key fails here.
    const { PlatformPackager } = require('app-builder-lib') as {
      PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
    };
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, string | number> };
    const fuses = await PlatformPackager.prototype.generateFuseConfig(config.electronFuses);
    expect({
      runAsNode: fuses[FuseV1Options.RunAsNode!],
      nodeOptions: fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable!],
      inspect: fuses[FuseV1Options.EnableNodeCliInspectArguments!],
      onlyAsar: fuses[FuseV1Options.OnlyLoadAppFromAsar!],
      asarIntegrity: fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation!],
      cookieEncryption: fuses[FuseV1Options.EnableCookieEncryption!],
    }).toEqual({ runAsNode: false, nodeOptions: false, inspect: false, onlyAsar: true, asarIntegrity: true, cookieEncryption: true });
    // Unsigned macOS builds (identity: null) must be re-signed ad hoc after the flip, or Apple Silicon refuses them.
    if (config.mac!.identity === null) expect(fuses.resetAdHocDarwinSignature).toBe(true);
    // "Only from app.asar" needs an app.asar: packing must stay on (electron-builder's default).
    expect(config.asar ?? true).not.toBe(false);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
  });
});
