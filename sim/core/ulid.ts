import { type Rng } from './rng';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Event ids are ULID-like lowercase strings on real Kommo (`01drbfj5a8k9zd60bgg907a6w9`). The time
 * part comes from the event's second plus a per-second sequence, so ids sort like creation order;
 * the rest is seeded randomness.
 */
export class UlidFactory {
  private lastSecond = -1;
  private seq = 0;

  constructor(private readonly rng: Rng) {}

  next(unixSeconds: number): string {
    if (unixSeconds === this.lastSecond) this.seq++;
    else {
      this.lastSecond = unixSeconds;
      this.seq = 0;
    }
    let time = unixSeconds * 1000 + Math.min(this.seq, 999);
    let head = '';
    for (let i = 0; i < 10; i++) {
      head = CROCKFORD[time % 32] + head;
      time = Math.floor(time / 32);
    }
    let tail = '';
    for (let i = 0; i < 16; i++) tail += CROCKFORD[Math.floor(this.rng.next() * 32)];
    return head + tail;
  }
}
