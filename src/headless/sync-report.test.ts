import { describe, expect, it } from 'vitest';
import { registerSecret } from '../core/log';
import type { SyncStatus } from '../common/model/sync';
import { SyncReport } from './sync-report';

function status(partial: Partial<SyncStatus>): SyncStatus {
  return {
    state: 'syncing',
    progress: null,
    initialSyncComplete: false,
    lastSuccessfulSyncAt: null,
    nextAttemptAt: null,
    message: null,
    ...partial,
  };
}

function recorder(json: boolean) {
  const out = { stderr: [] as string[], stdout: [] as string[], now: 0 };
  const report = new SyncReport({ stderr: (t) => out.stderr.push(t), stdout: (t) => out.stdout.push(t) }, json, () => out.now);
  return { out, report };
}

describe('the sync command report', () => {
  it('prints the download progress at most once a second, and at once when the phase changes', () => {
    const { out, report } = recorder(false);
    for (let done = 0; done <= 2_000; done += 250) {
      report.status(status({ progress: { phase: 'leads', done, estimatedTotal: 8_000 } }));
      out.now += 300;
    }
    report.status(status({ progress: { phase: 'contacts', done: 250, estimatedTotal: null } }));
    expect(out.stderr).toEqual([
      'Downloading leads: 0 of about 8,000 (0%)\n',
      'Downloading leads: 1,000 of about 8,000 (12%)\n',
      'Downloading leads: 2,000 of about 8,000 (25%)\n',
      'Downloading contacts: 250\n',
    ]);
  });

  it('tells each state the loop waits in once, with when it tries again, until muted', () => {
    const { out, report } = recorder(false);
    const offline = status({
      state: 'offline',
      nextAttemptAt: Date.UTC(2025, 0, 2, 10, 42),
      message: 'Kommo refused the connection (ECONNREFUSED).',
    });
    report.status(offline);
    report.status(offline);
    report.status(status({ state: 'idle', initialSyncComplete: true }));
    report.muteStatuses();
    report.status(offline);
    expect(out.stderr).toEqual([
      'Kommo cannot be reached (Kommo refused the connection (ECONNREFUSED)); next attempt at 2025-01-02T10:42:00.000Z.\n',
    ]);
  });

  it('says in the summary when the first download is not finished', () => {
    const { out, report } = recorder(false);
    report.summary({
      leads: 1_250,
      contacts: 0,
      requests: 1,
      seconds: 2.04,
      state: 'idle',
      complete: false,
      setAside: { count: 0, records: [] },
    });
    expect(out.stdout).toEqual(['1,250 leads, 0 contacts (first download not finished); 1 request in 2.0 s; state: idle.\n']);
  });

  it('writes JSON lines with --json and the summary alone on stdout, secrets masked', () => {
    const { out, report } = recorder(true);
    const token = 'eyJ-a-secret-token-value';
    registerSecret(token);
    report.failure({ exitCode: 1, message: `Sync stopped: ${token}.` });
    report.summary({
      leads: 3,
      contacts: 2,
      requests: 9,
      seconds: 1.25,
      state: 'idle',
      complete: true,
      setAside: { count: 0, records: [] },
    });
    expect(out.stderr.map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: 'error', exitCode: 1, message: 'Sync stopped: [redacted].' },
    ]);
    expect(out.stdout).toEqual([
      '{"leads":3,"contacts":2,"requests":9,"seconds":1.25,"state":"idle","complete":true,"setAside":{"count":0,"records":[]}}\n',
    ]);
  });

  it('counts and names the records that could not be mirrored, and calls the mirror incomplete', () => {
    const text = recorder(false);
    const records = Array.from({ length: 12 }, (_, i) => ({ entity: 'leads', id: 100 + i, reason: 'price: too_big' }));
    text.report.summary({
      leads: 988,
      contacts: 5,
      requests: 7,
      seconds: 1,
      state: 'idle',
      complete: false,
      setAside: { count: 12, records },
    });
    expect(text.out.stdout[0]).toBe(
      `988 leads, 5 contacts; 12 records could not be mirrored (${records
        .slice(0, 10)
        .map((r) => `leads ${r.id}: price: too_big`)
        .join('; ')}; 2 more); 7 requests in 1.0 s; state: idle.\n`,
    );
    const json = recorder(true);
    json.report.summary({
      leads: 1,
      contacts: 0,
      requests: 1,
      seconds: 1,
      state: 'idle',
      complete: false,
      setAside: { count: 1, records: [{ entity: 'contacts', id: 3, reason: 'name: invalid_type' }] },
    });
    expect(JSON.parse(json.out.stdout[0]!)).toMatchObject({
      complete: false,
      setAside: { count: 1, records: [{ entity: 'contacts', id: 3, reason: 'name: invalid_type' }] },
    });
  });
});
