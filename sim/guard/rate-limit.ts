import { type SimBehaviour } from '../options';

export type Admission = 'ok' | 'limited' | 'blocked';

/**
 * Kommo's limit (docs/kommo-api.md §4): more than N requests in any one-second sliding window → 429.
 * Refused requests do not count toward the window (as with nginx's limit_req). With escalation on,
 * repeated 429s block the key, and every request then gets the nginx HTML 403 until the block ends.
 */
export class RateLimiter {
  private readonly accepted = new Map<string, number[]>();
  private readonly refusals = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  admit(key: string, nowMs: number, cfg: SimBehaviour['rateLimit']): Admission {
    const until = this.blockedUntil.get(key);
    if (until !== undefined) {
      if (nowMs < until) return 'blocked';
      this.blockedUntil.delete(key);
    }
    if (!cfg.enabled) return 'ok';
    const window = prune(this.accepted, key, nowMs - 1000);
    if (window.length >= cfg.perSecond) {
      if (cfg.escalate) {
        const refusals = prune(this.refusals, key, nowMs - cfg.escalateWindowSeconds * 1000);
        refusals.push(nowMs);
        if (refusals.length >= cfg.escalateAfter) {
          this.blockedUntil.set(key, nowMs + cfg.blockSeconds * 1000);
          this.refusals.delete(key);
        }
      }
      return 'limited';
    }
    window.push(nowMs);
    return 'ok';
  }

  block(key: string, untilMs: number): void {
    this.blockedUntil.set(key, untilMs);
  }

  unblock(key?: string): void {
    if (key === undefined) this.blockedUntil.clear();
    else this.blockedUntil.delete(key);
  }

  reset(): void {
    this.accepted.clear();
    this.refusals.clear();
    this.blockedUntil.clear();
  }
}

/** The key's timestamps newer than `after`, oldest first. */
function prune(map: Map<string, number[]>, key: string, after: number): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  let drop = 0;
  while (drop < list.length && (list[drop] as number) <= after) drop++;
  if (drop > 0) list.splice(0, drop);
  return list;
}
