import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { RENDERER_CSP } from './src/shared/content-security-policy';

// electron-store and conf are ESM-only; main is emitted as CommonJS, so they are bundled in
// instead of being required at run time (see CONTRIBUTING.md, "Toolchain facts").
const bundledEsmOnly = ['electron-store', 'conf'];

/**
 * The built page carries the CSP as a <meta> tag (Electron loads it from file://, where no
 * header can be set). Only at build time: the dev server's hot-reload preamble is an inline script.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kommo-mirror:csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: bundledEsmOnly },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
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
