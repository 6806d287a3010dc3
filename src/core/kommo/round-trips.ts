/**
 * How long requests take from leaving to being answered, by kind (an endpoint and the size of its
 * answer), so the gate can bound when a request reached the server without waiting a whole round
 * trip after its answer.
 *
 * A request's round trip is its way there, the server's work and its way back. The fastest recent
 * round trip of a kind is the floor its way there cannot go below; a request slower than that floor
 * spent the excess somewhere, possibly on its way there (network jitter, a stalled event loop
 * before the socket write, a busy server that read it late). So a request arrived no later than
 * its departure plus the floor's way there plus its excess: `answeredAt − fastest`, up to the
 * shared, unknown one-way floor, which cancels out when two arrivals are compared. The server's
 * work varies with the size of the answer, so kinds are told apart by it: a 204 does not make a
 * full page look slow.
 */
export class RoundTrips {
  private readonly byKind = new Map<string, number[]>();
  private readonly all: number[] = [];

  constructor(
    /** Samples kept per kind (and overall): the floor follows a network that got slower. */
    private readonly keep = 64,
    /**
     * A floor needs this many samples before it is trusted: a few round trips may all have met
     * jitter on the way. A kind with fewer uses the overall floor (lower, so safe); with fewer
     * overall, none is known.
     */
    private readonly trustAfter = 32,
  ) {}

  record(kind: string, roundTripMs: number): void {
    let samples = this.byKind.get(kind);
    if (!samples) this.byKind.set(kind, (samples = []));
    push(samples, roundTripMs, this.keep);
    push(this.all, roundTripMs, this.keep);
  }

  /** The fastest recent round trip of this kind (0 while too little is known: then arrival is bounded by the answer alone). */
  fastest(kind: string): number {
    const samples = this.byKind.get(kind);
    const pool = samples && samples.length >= this.trustAfter ? samples : this.all;
    return pool.length < this.trustAfter ? 0 : Math.max(0, Math.min(...pool));
  }
}

function push(samples: number[], value: number, keep: number): void {
  samples.push(value);
  if (samples.length > keep) samples.shift();
}

/** The kind of an answer: its endpoint, status and size to within a factor of two. */
export function answerKind(endpoint: string, status: number, bodyLength: number): string {
  return `${endpoint} ${status} ${Math.round(Math.log2(bodyLength + 1))}`;
}
