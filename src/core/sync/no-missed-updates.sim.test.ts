/**
 * The property: whatever Kommo does while the engine reads (records changed, moved into the
 * second a page ended on, deleted between pages, restored, relinked, retagged, hundreds created in
 * one second), and however the UNCONFIRMED behaviours turn out (inclusive or exclusive bounds, the
 * order of ties, the order of events), once the source stops changing, two cycles later the
 * mirror equals the source exactly. Many seeds, each a different story.
 *
 * The simulator's `same_second` mode stamps an edit with the second the previous page ended on,
 * which may be long past; Kommo stamps an edit with its current time. An edit stamped into the past
 * behind a read that has already completed is invisible to any `updated_at` cursor, so that mode
 * runs where it is realistic: at the head of the data, in incremental cycles between which the
 * clock does not move.
 */
import { describe, expect, it } from 'vitest';
import type { ActivityKind, PaginationMutation, Simulator } from '../../../sim/index';
import { seededRandom } from '../../../test/helpers/seeded-random';
import { useSyncHarness } from '../../../test/helpers/sync-harness';

const harness = useSyncHarness();
const SEEDS = Number(process.env.SYNC_PROPERTY_SEEDS ?? 30);

function rng(seed: number) {
  const next = seededRandom(seed);
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof rng>;

const MODES: Array<PaginationMutation['mode']> = ['bump', 'same_second', 'delete'];
const REALISTIC_ANYWHERE: Array<PaginationMutation['mode']> = ['bump', 'delete'];
const KINDS: ActivityKind[] = ['new_lead', 'status', 'reassign', 'tag', 'edit', 'contact_edit', 'new_contact', 'delete', 'restore'];

function mutateWhilePaging(sim: Simulator, r: Rng, modes = MODES): void {
  sim.control.mutateDuringPagination({
    entity: r.pick(['leads', 'contacts'] as const),
    perRequest: r.int(1, 6),
    mode: r.pick(modes),
    times: r.int(2, 12),
  });
}

const sameSecondOn = (sim: Simulator) => sim.control.paginationStatus().config?.mode === 'same_second';

/** One burst of changes an account might see between two cycles. */
function changeSomething(sim: Simulator, r: Rng): void {
  const c = sim.control;
  const snap = c.snapshot();
  const lead = () => r.pick(snap.leads);
  const contact = () => r.pick(snap.contacts);
  switch (r.int(0, 8)) {
    case 0:
    case 1:
      c.activityTick({ steps: r.int(1, 12), ...(r.chance(0.3) ? { kind: r.pick(KINDS) } : {}) });
      break;
    case 2: {
      const id = contact()?.id;
      if (id !== undefined) c.delete({ entity: 'contacts', id });
      break;
    }
    case 3: {
      const id = snap.deleted.contacts.length
        ? r.pick(snap.deleted.contacts)
        : snap.deleted.leads.length
          ? r.pick(snap.deleted.leads)
          : null;
      if (id !== null) c.restore({ entity: snap.deleted.contacts.includes(id) ? 'contacts' : 'leads', id });
      break;
    }
    case 4: {
      const l = lead();
      const k = contact();
      if (l && k) {
        const linked = snap.links.find((x) => x.leadId === l.id && x.contactId === k.id);
        if (linked) c.unlink({ leadId: l.id, contactId: k.id });
        else c.link({ leadId: l.id, contactId: k.id, isMain: r.chance(0.5) });
      }
      break;
    }
    case 5: {
      const onLead = r.chance(0.5);
      const id = (onLead ? lead() : contact())?.id;
      if (id !== undefined) c.tag({ entity: onLead ? 'leads' : 'contacts', id, tag: `etiqueta ${r.int(1, 40)}` });
      break;
    }
    case 6: {
      // A bulk import: more records in one second than fit a page.
      const at = c.now();
      const created = at - r.int(0, 3);
      for (let i = r.int(30, 320); i > 0; i--)
        c.create({
          entity: 'leads',
          data: { name: `Importado ${i}`, created_at: r.chance(0.5) ? created : created - r.int(0, 5000), updated_at: at },
        });
      break;
    }
    case 7: {
      const l = lead();
      if (l) {
        c.delete({ entity: 'leads', id: l.id });
        if (r.chance(0.5)) c.restore({ entity: 'leads', id: l.id });
      }
      break;
    }
    default:
      mutateWhilePaging(sim, r);
  }
}

describe('no missed updates', () => {
  it(`the mirror equals the source two cycles after it stops changing (${SEEDS} seeds)`, async () => {
    for (let seed = Number(process.env.SYNC_PROPERTY_FROM ?? 1); seed <= SEEDS; seed++) {
      const r = rng(seed * 7919);
      const h = await harness({
        sim: {
          seed,
          leads: r.int(150, 450),
          contacts: r.int(100, 300),
          behaviour: {
            rangeInclusive: { from: r.chance(0.5), to: r.chance(0.5) },
            tieOrder: r.pick(['id', 'shuffle', 'unstable'] as const),
            eventsOrder: r.pick(['newest_first', 'oldest_first'] as const),
            eventsMaxLimit: r.pick([100, 250] as const),
          },
        },
        sync: {
          pageLimit: r.pick([25, 60, 250]),
          eventsLimit: r.pick([20, 100]),
          initialReaders: r.int(1, 4),
          overlapSeconds: r.int(2, 20),
        },
      });
      const story = `seed ${seed}: ${JSON.stringify(h.sim.control.behaviour().rangeInclusive)}, ${h.sim.control.behaviour().tieOrder} ties`;
      mutateWhilePaging(h.sim, r, REALISTIC_ANYWHERE);
      await h.engine.runOnce();
      for (let step = r.int(3, 8); step > 0; step--) {
        let still = false;
        if (sameSecondOn(h.sim)) {
          // Its edits landed at the head; a cycle at the same server time reads them.
          h.sim.control.mutateDuringPagination({ off: true });
          still = true;
        }
        for (let burst = r.int(1, 3); burst > 0; burst--) changeSomething(h.sim, r);
        if (!still && !sameSecondOn(h.sim) && r.chance(0.7)) h.sim.control.advanceClock({ seconds: r.int(0, 30) });
        await h.engine.runOnce();
      }
      // The source stops changing.
      const headEdits = sameSecondOn(h.sim);
      h.sim.control.mutateDuringPagination({ off: true });
      await h.engine.runOnce();
      if (!headEdits) h.sim.control.advanceClock({ seconds: r.int(0, 6) });
      await h.engine.runOnce();
      expect(h.differences(), story).toEqual([]);
      await h.engine.stop();
      await h.sim.close();
    }
  }, 240_000);
});
