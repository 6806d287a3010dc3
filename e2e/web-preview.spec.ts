import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures/web-preview';

test('the web preview shows the app version, database location and schema read from SQLite', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('database-path')).toHaveText(host.databasePath);
  await expect(page.getByTestId('schema-version')).toHaveText(/^\d+$/);
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);
  // The secret is taken out of the address bar once the page has it.
  expect(new URL(page.url()).searchParams.has('k')).toBe(false);
  // A reload keeps working (the secret is kept for the tab's session).
  await page.reload();
  await expect(page.getByTestId('database-path')).toHaveText(host.databasePath);
});

test('a page from another origin cannot use the bridge, even knowing the secret', async ({ page, host }) => {
  const attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other site</title>'));
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  try {
    await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    const bridge = `${host.origin.replace('http', 'ws')}/bridge${new URL(host.url).search}`;
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(url);
          socket.onopen = () => resolve('opened');
          socket.onclose = () => resolve('refused');
        }),
      bridge,
    );
    expect(outcome).toBe('refused');
  } finally {
    attacker.close();
  }
});
