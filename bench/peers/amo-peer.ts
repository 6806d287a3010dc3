/**
 * One peer of `bench:peers`: @shevernitskiy/amo lists every lead, page after page, with its own
 * 150 ms queue delay (its only pacing). Prints one JSON line: records and seconds from the
 * client's construction to the last page. Run only by bench/peers.bench.ts.
 */
import { Amo } from '@shevernitskiy/amo';

async function main(): Promise<void> {
  const [host, token] = process.argv.slice(2) as [string, string];
  const started = performance.now();
  const amo = new Amo(
    host,
    {
      token_type: 'Bearer',
      expires_in: 86_400,
      access_token: token,
      refresh_token: 'none',
      expires_at: Date.now() + 86_400_000,
      client_id: 'bench',
      client_secret: 'bench',
      redirect_uri: 'https://bench.invalid',
    },
    { request_delay: 150 },
  );
  let records = 0;
  for (let page = 1; ; page++) {
    let result: Awaited<ReturnType<typeof amo.lead.getLeads>> | null;
    try {
      result = await amo.lead.getLeads({ page, limit: 250 });
    } catch (error) {
      // The library throws on a 204 (an empty page: the end of the list).
      if (error instanceof Error && error.constructor.name === 'NoContentError') break;
      throw error;
    }
    records += result._embedded.leads.length;
    if (!result._links.next) break;
  }
  console.log(JSON.stringify({ records, seconds: (performance.now() - started) / 1000 }));
}

main().catch((error: unknown) => {
  console.log(JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
  process.exit(1);
});
