import type { Locator, Page } from 'playwright-core';
import type { InputTrigger } from './page-probe';

/**
 * The changes a rep makes to the lead list, and how each is made through the UI (English labels:
 * the bench's host reports an English system locale). A `pick` in [0, 1) chooses among whatever
 * the open editor offers, so a plan does not depend on the account's metadata.
 */
export type FilterChange =
  | { kind: 'stage'; pick: number; stagePick: number }
  | { kind: 'pipeline'; pick: number }
  | { kind: 'responsible'; pick: number }
  | { kind: 'tag'; pick: number }
  | { kind: 'price'; min: number; max: number }
  | { kind: 'text'; text: string }
  | { kind: 'sort'; column: string }
  | { kind: 'clear' };

export type ChangeKind = FilterChange['kind'];

/** Opens what the change needs (not timed), makes the change (timed from its input), then tidies up. */
export interface ChangeStep {
  triggers: InputTrigger[];
  prepare(): Promise<void>;
  act(): Promise<void>;
  finish(): Promise<void>;
}

const SORTABLE_COLUMNS = ['Name', 'Price', 'Pipeline and stage', 'Responsible', 'Main contact', 'Updated', 'Created'];
const PRICE_FROM = [0, 1_000, 5_000, 10_000, 20_000, 30_000];
const PRICE_WIDTH = [1_000, 5_000, 10_000, 20_000];

/**
 * Episodes of browsing: one to three narrowing filters of different kinds (so each one changes
 * the query), sometimes a new sort order, then "Clear filters". Deterministic for a given `random`.
 */
export function planChanges(random: () => number, count: number, words: readonly string[]): FilterChange[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const narrowing: Array<() => FilterChange> = [
    () => (random() < 0.6 ? { kind: 'stage', pick: random(), stagePick: random() } : { kind: 'pipeline', pick: random() }),
    () => ({ kind: 'responsible', pick: random() }),
    () => ({ kind: 'tag', pick: random() }),
    () => {
      const min = pick(PRICE_FROM);
      return { kind: 'price', min, max: min + pick(PRICE_WIDTH) };
    },
    () => {
      // Whole words, or the first letters of one as someone still typing would search.
      const word = pick(words);
      return { kind: 'text', text: random() < 0.3 ? word.slice(0, 3) : word };
    },
  ];
  const plan: FilterChange[] = [];
  while (plan.length < count) {
    const kinds = [...narrowing].sort(() => random() - 0.5).slice(0, 1 + Math.floor(random() * 3));
    for (const make of kinds) plan.push(make());
    if (random() < 0.5) plan.push({ kind: 'sort', column: pick(SORTABLE_COLUMNS) });
    plan.push({ kind: 'clear' });
  }
  return plan.slice(0, count);
}

export function stepFor(page: Page, change: FilterChange): ChangeStep {
  const filters = page.getByRole('search', { name: 'Lead filters' });
  const panel = page.locator('.popover-panel');
  const nth = (list: Locator, fraction: number) => list.count().then((n) => list.nth(Math.floor(fraction * n)));
  const open = (name: string) => filters.getByRole('button', { name }).click();
  const closePanel = async () => {
    if ((await panel.count()) > 0) await page.keyboard.press('Escape');
  };
  let target: Locator | null = null;
  const clickTarget = (choose: () => Promise<Locator>, opener: string): ChangeStep => ({
    triggers: ['click'],
    prepare: async () => {
      await open(opener);
      target = await choose();
    },
    act: () => target!.click(),
    finish: closePanel,
  });

  switch (change.kind) {
    case 'stage':
      return clickTarget(async () => {
        const pipeline = await nth(panel.locator('.stage-group'), change.pick);
        return nth(pipeline.locator('.stage-option input[type="checkbox"]'), change.stagePick);
      }, 'Pipeline');
    case 'pipeline':
      return clickTarget(
        async () => (await nth(panel.locator('.stage-group'), change.pick)).locator('legend input[type="checkbox"]'),
        'Pipeline',
      );
    case 'responsible':
      return clickTarget(() => nth(panel.locator('.checklist-items input[type="checkbox"]'), change.pick), 'Responsible');
    case 'tag':
      return clickTarget(() => nth(panel.locator('.checklist-items input[type="checkbox"]'), change.pick), 'Tags');
    case 'price':
      return {
        triggers: ['keydown'],
        prepare: async () => {
          await open('Price');
          await panel.getByLabel('From').fill(String(change.min));
          await panel.getByLabel('To').fill(String(change.max));
        },
        // Enter submits the range (and closes the editor).
        act: () => panel.getByLabel('To').press('Enter'),
        finish: closePanel,
      };
    case 'text':
      return {
        // Typing commits after a pause; Enter commits at once. Whichever started the query is the input.
        triggers: ['input', 'keydown'],
        prepare: async () => {},
        act: async () => {
          const box = filters.getByRole('searchbox');
          await box.fill(change.text);
          await box.press('Enter');
        },
        finish: async () => {},
      };
    case 'sort':
      return {
        triggers: ['click'],
        prepare: async () => {},
        act: () => page.getByTestId('leads-table').getByRole('columnheader', { name: change.column }).getByRole('button').click(),
        finish: async () => {},
      };
    case 'clear':
      return {
        triggers: ['click'],
        prepare: async () => {},
        act: () => filters.getByRole('button', { name: /^Clear \d+ filters?$/ }).click(),
        finish: async () => {},
      };
  }
}

/** Back to the default view (no filters, newest first), as a rep who just opened the app sees it. */
export async function resetView(page: Page): Promise<void> {
  const clear = page.getByRole('search', { name: 'Lead filters' }).getByRole('button', { name: /^Clear \d+ filters?$/ });
  if ((await clear.count()) > 0) await clear.click();
  const updated = page.getByTestId('leads-table').getByRole('columnheader', { name: 'Updated' });
  for (let clicks = 0; clicks < 2 && (await updated.getAttribute('aria-sort')) !== 'descending'; clicks += 1)
    await updated.getByRole('button').click();
}
