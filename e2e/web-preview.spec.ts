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
  const attacker = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other site</title>'),
  );
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

test('a tab without the access key says what is wrong and stops retrying', async ({ page, host }) => {
  await page.clock.install();
  for (const address of [`${host.origin}/`, `${host.origin}/?k=a-key-from-an-earlier-run`]) {
    const tab = await page.context().newPage();
    const sockets: string[] = [];
    tab.on('websocket', (socket) => sockets.push(socket.url()));
    await tab.goto(address);
    await expect(tab.getByTestId('no-access')).toContainText(/npm run web/);
    // A minute of the page's timers: a retrying page would have opened more sockets by then.
    await tab.clock.runFor(60_000);
    await expect(tab.getByTestId('no-access')).toBeVisible();
    expect(sockets).toHaveLength(1);
    await tab.close();
  }
});

test('a message over the bridge cap closes only that socket; the host keeps serving', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('database-path')).toHaveText(host.databasePath);
  const bridge = `${host.origin.replace('http', 'ws')}/bridge${new URL(host.url).search}`;
  const outcome = await page.evaluate(async (url) => {
    const open = () =>
      new Promise<WebSocket>((resolve, reject) => {
        const socket = new WebSocket(url);
        socket.onopen = () => resolve(socket);
        socket.onerror = () => reject(new Error('no connection'));
      });
    const first = await open();
    const code = await new Promise<number>((resolve) => {
      first.onclose = (event) => resolve(event.code);
      first.send(JSON.stringify({ kind: 'request', id: 1, name: 'leads.list', args: { filter: { text: 'x'.repeat(1_200_000) } } }));
    });
    const second = await open();
    const answer = await new Promise<string>((resolve) => {
      second.onmessage = (event) => resolve(String(event.data));
      second.send(JSON.stringify({ kind: 'request', id: 2, name: 'app.info', args: {} }));
    });
    second.close();
    return { code, answer: JSON.parse(answer) as { id: number; result: { ok: boolean } } };
  }, bridge);
  expect(outcome.code).toBe(1009);
  expect(outcome.answer).toMatchObject({ id: 2, result: { ok: true } });
  expect(host.process.exitCode).toBeNull();
});
