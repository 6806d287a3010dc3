import { expect, test } from '@playwright/test';
import { createServer, type InlineConfig, type ViteDevServer } from 'vite';
import electronViteConfig from '../electron.vite.config';

/** The few DOM pieces used inside the page (the e2e code is typed for Node, without the DOM library). */
interface PageGlobals {
  document: {
    addEventListener(type: 'securitypolicyviolation', listener: (event: { effectiveDirective: string; blockedURI: string }) => void): void;
    createElement(tag: 'script'): { textContent: string };
    head: { firstElementChild: { getAttribute(name: string): string | null } | null; append(node: unknown): void };
  };
  violations: string[];
  injected?: boolean;
}

/**
 * The renderer under the Vite dev server (what `npm run dev` loads into the Electron window),
 * in real Chromium: the page keeps the built page's CSP, and hot reload still works under it.
 */
test.describe('the renderer dev server', () => {
  let server: ViteDevServer;
  let url: string;

  test.beforeAll(async () => {
    const renderer = (electronViteConfig as { renderer: InlineConfig }).renderer;
    server = await createServer({ ...renderer, configFile: false, logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    url = server.resolvedUrls!.local[0]!;
  });

  test.afterAll(async () => {
    await server?.close();
  });

  test('serves the page under the CSP, adding only a nonce for what hot reload writes inline', async ({ page }) => {
    await page.addInitScript(() => {
      const page = globalThis as unknown as PageGlobals;
      const seen: string[] = [];
      page.violations = seen;
      page.document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} ${event.blockedURI}`));
    });
    const hotReloadConnected = page.waitForEvent('console', (message) => message.text().includes('[vite] connected'));
    await page.goto(url);
    await hotReloadConnected;
    // The app mounted, styled by the <style> elements Vite injects.
    await expect(page.locator('#root > *').first()).toBeVisible();
    expect(await page.locator('style[data-vite-dev-id]').count()).toBeGreaterThan(0);

    const meta = page.locator('head > meta[http-equiv="Content-Security-Policy"]');
    await expect(meta).toHaveCount(1);
    const policy = await meta.getAttribute('content');
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'; style-src 'self' 'nonce-[^']+';/);
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
    // It is the first thing in <head>, ahead of React Refresh's inline preamble.
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.head.firstElementChild?.getAttribute('http-equiv')),
    ).toBe('Content-Security-Policy');

    const violations = () => page.evaluate(() => (globalThis as unknown as PageGlobals).violations);
    expect(await violations()).toEqual([]);

    // A script injected without the nonce (what an XSS would do) does not run.
    await page.evaluate(() => {
      const { document } = globalThis as unknown as PageGlobals;
      const script = document.createElement('script');
      script.textContent = 'globalThis.injected = true';
      document.head.append(script);
    });
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).injected)).toBeUndefined();
    await expect.poll(violations).toEqual(['script-src-elem inline']);
  });
});
