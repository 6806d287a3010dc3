import type { Page } from 'playwright-core';
import type { Handlers } from '../../src/common/contract';
import { stepFor, type ChangeKind, type FilterChange } from './filter-changes';
import type { FilterTiming, PageProbe } from './page-probe';
import { firstLine, type PhaseOptions } from './phase';

export interface MeasuredChange extends FilterTiming {
  kind: ChangeKind;
  /** Time the core spent on the first page's `leads.list` (null if it could not be told apart). */
  hostMs: number | null;
}

/** The time each `leads.list` spends in the core (argument validation and the bridge's JSON excluded), by offset. */
export class HostQueryTimes {
  private readonly times: Array<{ offset: number; ms: number }> = [];

  wrap(handlers: Handlers): Handlers {
    return {
      ...handlers,
      'leads.list': async (args) => {
        const started = performance.now();
        try {
          return await handlers['leads.list'](args);
        } finally {
          this.times.push({ offset: args.offset, ms: performance.now() - started });
        }
      },
    };
  }

  mark(): number {
    return this.times.length;
  }

  /** The last first-page query since `mark`. */
  firstPageSince(mark: number): number | null {
    return (
      this.times
        .slice(mark)
        .filter((t) => t.offset === 0)
        .at(-1)?.ms ?? null
    );
  }
}

/** Makes each change through the UI and times it in the page. A change that times out is reported, not fatal. */
export async function measureFilterChanges(
  page: Page,
  probe: PageProbe,
  plan: readonly FilterChange[],
  hostTimes: HostQueryTimes,
  options: PhaseOptions,
): Promise<{ changes: MeasuredChange[]; failures: string[] }> {
  const changes: MeasuredChange[] = [];
  const failures: string[] = [];
  for (const [index, change] of plan.entries()) {
    const step = stepFor(page, change);
    await step.prepare();
    const mark = hostTimes.mark();
    try {
      const timing = await probe.measureFilter(step.triggers, step.act, options.timeoutMs);
      if (index >= options.warmup) changes.push({ ...timing, kind: change.kind, hostMs: hostTimes.firstPageSince(mark) });
    } catch (error) {
      failures.push(`${change.kind}: ${firstLine(error)}`);
    }
    await step.finish();
    await probe.idle(options.quietMs);
  }
  return { changes, failures };
}
