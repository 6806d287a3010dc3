/**
 * Test doubles for the client's seams: a transport that answers from a script (the fake clock is
 * core/time/testing/fake-clock.ts). Used by unit tests only (the simulator covers the real wire).
 */
import type { Transport, TransportRequest, TransportResponse } from '../transport';

export type Answer = Partial<TransportResponse> | Error | ((request: TransportRequest) => Partial<TransportResponse> | Error);

export function json(status: number, body: unknown): Partial<TransportResponse> {
  return { status, contentType: status < 400 ? 'application/hal+json' : 'application/problem+json', body: JSON.stringify(body) };
}

/** Answers requests in order from `script`; after it runs out, from `fallback`. Records every request. */
export class ScriptedTransport implements Transport {
  readonly requests: TransportRequest[] = [];
  constructor(
    private readonly script: Answer[] = [],
    private readonly fallback: Answer = json(200, {}),
  ) {}

  push(...answers: Answer[]): void {
    this.script.push(...answers);
  }

  async send(request: TransportRequest): Promise<TransportResponse> {
    this.requests.push(request);
    let answer = this.script.length ? this.script.shift()! : this.fallback;
    if (typeof answer === 'function') answer = answer(request);
    if (answer instanceof Error) throw answer;
    return { status: 200, contentType: 'application/json', retryAfterHeader: null, body: '', ...answer };
  }

  async close(): Promise<void> {}
}
