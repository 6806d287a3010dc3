import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RunControl, StopSignal } from './run-control';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Guards `count` page-like results and returns weak references to them (this frame holds none afterwards). */
async function guardPages(run: RunControl, count: number): Promise<Array<WeakRef<object>>> {
  const pages: Array<WeakRef<object>> = [];
  for (let i = 0; i < count; i++) {
    const page = { items: new Array(1_000).fill(i) };
    pages.push(new WeakRef(page));
    await run.guard(Promise.resolve(page));
  }
  return pages;
}

describe('RunControl.guard', () => {
  it('keeps nothing of a result once it is handed over: a run lasts as long as the app syncs', async () => {
    const run = new RunControl(false);
    const pages = await guardPages(run, 20);
    // WeakRef targets are kept until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    expect(pages.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });

  it('passes a result or a failure through, and ends a pending request at once with StopSignal on stop', async () => {
    const run = new RunControl(false);
    await expect(run.guard(Promise.resolve('page'))).resolves.toBe('page');
    await expect(run.guard(Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    const pending = run.guard(new Promise(() => {}));
    run.stop();
    await expect(pending).rejects.toBeInstanceOf(StopSignal);
    expect(() => run.guard(Promise.resolve('late'))).toThrow(StopSignal);
  });
});
