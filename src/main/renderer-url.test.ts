import { describe, expect, it } from 'vitest';
import { resolveRendererUrl } from './renderer-url';
import { createSenderCheck } from './sender-check';

const BUILT = 'file:///opt/Kommo%20Mirror/resources/app.asar/out/renderer/index.html';
const ATTACKER = 'https://evil.example/';

describe('the renderer URL', () => {
  it('is the dev server’s while developing', () => {
    expect(resolveRendererUrl({ isPackaged: false, devServerUrl: 'http://localhost:5173/', builtPageUrl: BUILT })).toBe(
      'http://localhost:5173/',
    );
    expect(resolveRendererUrl({ isPackaged: false, devServerUrl: undefined, builtPageUrl: BUILT })).toBe(BUILT);
  });

  it('is always the built page in a packaged app, whatever ELECTRON_RENDERER_URL says', () => {
    const url = resolveRendererUrl({ isPackaged: true, devServerUrl: ATTACKER, builtPageUrl: BUILT });
    expect(url).toBe(BUILT);
    // …so the IPC sender check keeps refusing the page the variable named.
    const trusted = createSenderCheck(url);
    expect(trusted({ url: ATTACKER, parent: null })).toBe(false);
    expect(trusted({ url: BUILT, parent: null })).toBe(true);
  });
});
