import { describe, expect, it } from 'vitest';
import type { ExportProgress } from '../../../../common/model/export';
import { ok } from '../../../../common/result';
import { FakeHost } from '../../testing/fake-host';
import { createAppStore } from '../index';

function setup() {
  const host = new FakeHost();
  const downloads: Array<[string, string]> = [];
  const store = createAppStore({ host, now: () => Date.UTC(2026, 11, 3, 15), download: (url, name) => downloads.push([url, name]) });
  return { host, store, downloads };
}

const done: ExportProgress = { id: 'e1', state: 'done', written: 3, total: 3, fileName: 'Leads.csv', download: '/export/download?id=e1' };

describe('the export slice', () => {
  it('sends the list’s filter, sort and columns, and downloads the file when the core is done, even if done came before the answer', async () => {
    const { host, store, downloads } = setup();
    store.getState().leads.actions.replaceFilter({ tagMode: 'any', priceMin: 100 });
    host.override('export.start', () => {
      // A small list is written before `export.start` answers: its events arrive first.
      host.emit('export_progress', { id: 'e1', state: 'running', written: 0, total: 3 });
      host.emit('export_progress', done);
      return ok({ state: 'started', id: 'e1', fileName: 'Leads.csv', total: 3 });
    });
    const unsubscribe = host.on('export_progress', (progress) => store.getState().exportProgress(progress));
    await store.getState().startExport('leads', 'csv', ['name', 'price']);
    unsubscribe();
    expect(host.calls.find((call) => call.name === 'export.start')?.args).toMatchObject({
      entity: 'leads',
      format: 'csv',
      columns: ['name', 'price'],
      filter: { priceMin: 100 },
      sort: store.getState().leads.view.sort,
    });
    expect(store.getState().exportJob).toMatchObject({ state: 'done', written: 3, entity: 'leads' });
    expect(downloads).toEqual([['/export/download?id=e1', 'Leads.csv']]);
  });

  it('shows nothing when the user closes the save dialog, and ignores progress of another page’s export', async () => {
    const { host, store } = setup();
    host.override('export.start', () => ok({ state: 'cancelled' }));
    await store.getState().startExport('contacts', 'xlsx', ['name']);
    expect(store.getState().exportJob).toBeNull();
    store.getState().exportProgress(done);
    expect(store.getState().exportJob).toBeNull();
  });

  it('cancels the running export by its id', async () => {
    const { host, store } = setup();
    host.override('export.start', () => ok({ state: 'started', id: 'e2', fileName: 'x.xlsx', total: 10 }));
    host.override('export.cancel', () => ok(undefined));
    await store.getState().startExport('leads', 'xlsx', ['name']);
    await store.getState().cancelExport();
    expect(host.calls.find((call) => call.name === 'export.cancel')?.args).toEqual({ id: 'e2' });
  });
});
