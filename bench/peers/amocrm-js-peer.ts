/**
 * One peer of `bench:peers`: amocrm-js lists every lead by page through `client.request.get`.
 * It has no pacing of its own and throws on the first 429, so this script waits 150 ms between
 * request starts (150 ms, as @shevernitskiy/amo waits, drew a 429 on loopback: 7 starts 150 ms apart can arrive within one second). It only speaks to https://{domain} on port 443.
 * Prints one JSON line: records and seconds from the client's construction to the last page.
 */
import { Client } from 'amocrm-js';

const DELAY_MS = 160;

async function main(): Promise<void> {
  const [domain, token] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  const client = new Client({ domain, auth: { client_id: 'bench', client_secret: 'bench', redirect_uri: 'https://bench.invalid' } });
  client.token.setValue({
    token_type: 'Bearer',
    expires_in: 86_400,
    access_token: token,
    refresh_token: 'none',
    expires_at: Date.now() + 86_400_000,
  });
  let records = 0;
  let last = 0;
  for (let page = 1; ; page++) {
    const wait = last + DELAY_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = performance.now();
    const { data, response } = await client.request.get<{ _embedded?: { leads: unknown[] }; _links?: { next?: unknown } }>(
      '/api/v4/leads',
      { page, limit: 250 },
    );
    if (response.statusCode === 204 || !data?._embedded) break;
    records += data._embedded.leads.length;
    if (!data._links?.next) break;
  }
  console.log(JSON.stringify({ records, seconds: (performance.now() - started) / 1000 }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
