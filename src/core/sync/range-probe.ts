import type { Entity } from './apply';
import type { SyncContext } from './context';
import type { RangeField } from './range-knowledge';

/**
 * Learning a bound's inclusivity only from ordinary pages rarely works: it needs a record exactly
 * at the second a request starts from, and sparse data has none there. So once per account, with
 * a record just read, ask for its own second: `[u, u]`, and if that comes back empty, `[u, u+1]`
 * and `[u−1, u]`. A record that is there proves the bound inclusive; one that is not proves
 * nothing (it may have just changed), so bounds stay widened, which is always safe.
 */
export async function probeBounds(ctx: SyncContext, entity: Entity, sample: { updated_at: number; created_at: number }): Promise<void> {
  const k = ctx.knowledge;
  if (k.probed) return;
  k.markProbed();
  await probeField(ctx, entity, 'updated_at', sample.updated_at);
  await probeField(ctx, entity, 'created_at', sample.created_at);
  await ctx.commit(async () => undefined);
  ctx.log.info('Learned how Kommo bounds date ranges', { updated_at: k.get('updated_at'), created_at: k.get('created_at') });
}

async function probeField(
  ctx: SyncContext,
  entity: Entity,
  field: Extract<RangeField, 'updated_at' | 'created_at'>,
  value: number,
): Promise<void> {
  const k = ctx.knowledge;
  const ask = async (from: number, to: number) => {
    const page = await ctx.fetch(entity, { filter: { [field]: { from, to } }, limit: 1 });
    k.learn(
      field,
      { from, to },
      page.items.map((r) => r[field]),
    );
  };
  await ask(value, value);
  if (k.get(field).from !== true) await ask(value, value + 1);
  if (k.get(field).to !== true) await ask(value - 1, value);
}
