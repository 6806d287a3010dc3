import { randomBytes } from 'node:crypto';
import type { Clock } from '../time';

export const STATE_TTL_MS = 15 * 60_000;

export type StateCheck = { ok: true } | { ok: false; reason: 'missing' | 'unknown' | 'expired' | 'used' };

/**
 * OAuth `state` values: 256 random bits each, valid 15 minutes, usable once. The redirect is
 * accepted only with a state we issued, so another site cannot complete a sign-in into this app.
 */
export class OAuthStates {
  private readonly issued = new Map<string, { expiresAt: number; used: boolean }>();

  constructor(private readonly clock: Clock) {}

  issue(): string {
    this.sweep();
    const state = randomBytes(32).toString('base64url');
    this.issued.set(state, { expiresAt: this.clock.now() + STATE_TTL_MS, used: false });
    return state;
  }

  /** Checks and spends a state. A used one stays remembered until it would have expired, so a replay is named as such. */
  consume(state: string | null | undefined): StateCheck {
    if (!state) return { ok: false, reason: 'missing' };
    const entry = this.issued.get(state);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (entry.used) return { ok: false, reason: 'used' };
    entry.used = true;
    if (this.clock.now() > entry.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true };
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [state, entry] of this.issued) if (now > entry.expiresAt + STATE_TTL_MS) this.issued.delete(state);
  }
}
