/** What both measuring phases share. */
export interface PhaseOptions {
  /** The first rounds run but are not kept: a running app has prepared its statements and warmed its caches. */
  warmup: number;
  timeoutMs: number;
  /** Quiet time awaited after each round, so the next one starts from a settled page. */
  quietMs: number;
}

/** A failed round is reported in one line, and the phase goes on. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
