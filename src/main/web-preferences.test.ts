import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './web-preferences';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page, without Node anywhere in it', () => {
    const preferences = secureWebPreferences('/app/out/preload/index.js');
    expect(preferences.preload).toBe('/app/out/preload/index.js');
    const on = ['contextIsolation', 'sandbox', 'webSecurity'] as const;
    const off = [
      'nodeIntegration',
      'nodeIntegrationInSubFrames',
      'nodeIntegrationInWorker',
      'allowRunningInsecureContent',
      'webviewTag',
    ] as const;
    expect(on.filter((key) => preferences[key] !== true)).toEqual([]);
    expect(off.filter((key) => preferences[key] !== false)).toEqual([]);
  });
});
