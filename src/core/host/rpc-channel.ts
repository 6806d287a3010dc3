import { isErrorCode } from '../../common/result';
import { CoreError } from '../errors';

/**
 * The one message channel between a host and the core's worker thread, in both directions: a
 * call by name gets its answer by id, and either side may push a notice (an event, a log record)
 * that is not answered. Contract requests are one call (`request`), not one message type each, so
 * the contract can grow without touching this file. Everything crosses by structured clone.
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

export type RpcMethods = Record<string, (...args: never[]) => unknown>;

type Wire =
  | { kind: 'call'; id: number; method: string; args: unknown[] }
  | { kind: 'return'; id: number; ok: true; value: unknown }
  | { kind: 'return'; id: number; ok: false; error: WireError }
  | { kind: 'notice'; name: string; payload: unknown };

/** An error as it crosses: a CoreError keeps its contract code, anything else its name and message. */
interface WireError {
  name: string;
  message: string;
  code: string | null;
}

export class RpcChannel {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private closedWith: Error | null = null;

  constructor(
    private readonly port: MessagePortLike,
    private readonly methods: RpcMethods,
    private readonly onNotice: (name: string, payload: unknown) => void = () => {},
  ) {
    port.on('message', (message) => this.receive(message as Wire));
  }

  /** Calls `method` on the other side; rejects with its error, or at once once the channel is closed. */
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    if (this.closedWith) return Promise.reject(this.closedWith);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ kind: 'call', id, method, args }, id);
    });
  }

  notify(name: string, payload: unknown): void {
    if (!this.closedWith) this.send({ kind: 'notice', name, payload }, null);
  }

  /** The other side is gone: every call waiting for an answer fails with `error`, and so does every later call. */
  close(error: Error): void {
    if (this.closedWith) return;
    this.closedWith = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send(message: Wire, callId: number | null): void {
    try {
      this.port.postMessage(message);
    } catch (error) {
      // A value that cannot be cloned (a function, a class with private state) fails the call, not the channel.
      if (callId === null) throw error;
      this.pending.get(callId)?.reject(error as Error);
      this.pending.delete(callId);
    }
  }

  private receive(message: Wire): void {
    switch (message.kind) {
      case 'call':
        void this.answer(message.id, message.method, message.args);
        return;
      case 'return': {
        const waiting = this.pending.get(message.id);
        if (!waiting) return;
        this.pending.delete(message.id);
        if (message.ok) waiting.resolve(message.value);
        else waiting.reject(fromWire(message.error));
        return;
      }
      case 'notice':
        this.onNotice(message.name, message.payload);
        return;
    }
  }

  private async answer(id: number, method: string, args: unknown[]): Promise<void> {
    let reply: Wire;
    try {
      if (!Object.hasOwn(this.methods, method)) throw new Error(`Unknown method ${method}`);
      const value = await (this.methods[method] as (...a: unknown[]) => unknown)(...args);
      reply = { kind: 'return', id, ok: true, value };
    } catch (error) {
      reply = { kind: 'return', id, ok: false, error: toWire(error) };
    }
    if (this.closedWith) return;
    try {
      this.port.postMessage(reply);
    } catch (error) {
      this.port.postMessage({ kind: 'return', id, ok: false, error: toWire(error) } satisfies Wire);
    }
  }
}

function toWire(error: unknown): WireError {
  if (error instanceof Error) return { name: error.name, message: error.message, code: error instanceof CoreError ? error.code : null };
  return { name: 'Error', message: String(error), code: null };
}

function fromWire(error: WireError): Error {
  if (error.code !== null && isErrorCode(error.code)) return new CoreError(error.code, error.message);
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}
