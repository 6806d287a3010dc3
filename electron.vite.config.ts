import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { devRendererCsp, RENDERER_CSP } from './src/common/content-security-policy';

// electron-store and conf are ESM-only; main is emitted as CommonJS, so they are bundled in
// instead of being required at run time (see CONTRIBUTING.md, "Toolchain facts").
const bundledEsmOnly = ['electron-store', 'conf'];

/**
 * The page carries the CSP as a <meta> tag: Electron loads the built page from file://, where no
 * header can be set, and the same tag keeps the dev server's page under the same rules. In dev
 * the hot-reload scripts and styles Vite writes inline are let through by a nonce drawn afresh
 * each time the dev server starts (Vite adds it to every script and style it injects).
 */
function contentSecurityPolicyMeta(): Plugin {
  const devNonce = randomBytes(18).toString('base64');
  let serving = false;
  return {
    name: 'kommo-mirror:csp-meta',
    config: (_config, { command }) => (command === 'serve' ? { html: { cspNonce: devNonce } } : {}),
    configResolved: (config) => void (serving = config.command === 'serve'),
    transformIndexHtml: {
      // After every other plugin, so the tag is first in <head>, ahead of any script they add.
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: serving ? devRendererCsp(devNonce) : RENDERER_CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmOnly },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The core's worker thread (src/core/app/worker/core-worker-host.ts loads it from beside index.js).
          'core-worker': resolve(__dirname, 'src/core/app/worker/core-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() anything but a few Electron modules, so everything
      // it uses is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
