import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { CoreError } from '../errors';
import { RpcChannel, type RpcMethods } from './rpc-channel';

const opened: MessageChannel[] = [];
afterEach(() => {
  for (const pair of opened.splice(0)) {
    pair.port1.close();
    pair.port2.close();
  }
});

/** Two ends of a real MessagePort pair, as a host and its worker hold them. */
function pair(hostMethods: RpcMethods, workerMethods: RpcMethods) {
  const ports = new MessageChannel();
  opened.push(ports);
  const notices: Array<[string, unknown]> = [];
  const host = new RpcChannel(ports.port1, hostMethods, (name, payload) => notices.push([name, payload]));
  const worker = new RpcChannel(ports.port2, workerMethods);
  return { host, worker, notices };
}

describe('the channel between a host and its worker', () => {
  it('answers each call by id, in both directions, and carries notices', async () => {
    const { host, worker, notices } = pair(
      { 'tokenStore.load': async () => ({ status: 'empty' }) },
      { add: (a: number, b: number) => a + b, slow: async (ms: number) => new Promise((r) => setTimeout(() => r(ms), ms)) },
    );
    const [slow, fast] = await Promise.all([host.call('slow', 20), host.call('add', 2, 3)]);
    expect([slow, fast]).toEqual([20, 5]);
    expect(await worker.call('tokenStore.load')).toEqual({ status: 'empty' });
    worker.notify('event', { name: 'sync_status' });
    await expect.poll(() => notices).toEqual([['event', { name: 'sync_status' }]]);
  });

  it('rethrows a CoreError with its contract code, and other errors with their message', async () => {
    const { host } = pair(
      {},
      {
        refuse: () => {
          throw new CoreError('auth_required', 'Connect again.');
        },
        crash: () => {
          throw new TypeError('x is not a function');
        },
      },
    );
    const refused = await host.call('refuse').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(CoreError);
    expect(refused).toMatchObject({ code: 'auth_required', message: 'Connect again.' });
    await expect(host.call('crash')).rejects.toMatchObject({ name: 'TypeError', message: 'x is not a function' });
    await expect(host.call('missing')).rejects.toThrow('Unknown method missing');
    await expect(host.call('toString')).rejects.toThrow('Unknown method toString');
  });

  it('fails a call whose argument cannot be copied, and keeps serving the next', async () => {
    const { host } = pair({}, { echo: (value: unknown) => value });
    await expect(host.call('echo', () => 1)).rejects.toThrow(/could not be cloned/);
    expect(await host.call('echo', { ok: true })).toEqual({ ok: true });
  });

  it('once closed, fails every waiting and later call with the reason', async () => {
    const { host } = pair({}, { never: () => new Promise(() => {}) });
    const waiting = host.call('never');
    const gone = new CoreError('internal', 'The core stopped.');
    host.close(gone);
    await expect(waiting).rejects.toBe(gone);
    await expect(host.call('never')).rejects.toBe(gone);
  });
});
