import { randomUUID } from 'node:crypto';
import { type AccountState } from '../state/account-state';
import { type ChangeNotice } from '../state/mutations';
import { settingFor, webhookBody } from './payload';

export interface Delivery {
  at: number;
  webhookId: number;
  destination: string;
  setting: string;
  /** HTTP status, or 0 when the request failed (timeout, refused). */
  status: number;
  ok: boolean;
  error?: string;
  body: string;
}

const TIMEOUT_MS = 2000;
const FAILURE_WINDOW = 2 * 3600;
const FAILURE_LIMIT = 100;

/**
 * Sends subscribed webhooks (docs/kommo-api.md §15): one POST per change, no signature, 2 s timeout,
 * 2xx counts as delivered. A webhook with more than 100 failures in 2 hours whose last attempt also
 * failed is disabled. Retries are not modelled (their schedule is UNCONFIRMED).
 */
export class WebhookDeliverer {
  readonly deliveries: Delivery[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly failures = new Map<number, number[]>();

  constructor(private readonly s: AccountState) {}

  notice(notice: ChangeNotice): void {
    const setting = settingFor(notice);
    const targets = this.s.webhooks.filter((w) => !w.disabled && w.settings.includes(setting));
    if (targets.length === 0) return;
    const body = webhookBody(this.s, notice);
    if (body === null) return;
    for (const hook of targets) {
      const p = this.send(hook.id, hook.destination, setting, body).finally(() => this.pending.delete(p));
      this.pending.add(p);
    }
  }

  /** Resolves once every delivery started so far has finished. */
  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async send(webhookId: number, destination: string, setting: string, body: string): Promise<void> {
    const at = this.s.now();
    let status = 0;
    let error: string | undefined;
    try {
      const res = await fetch(destination, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'amoCRM-Webhooks/3.0',
          'x-amocrm-requestid': randomUUID(),
        },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'manual',
      });
      status = res.status;
      await res.body?.cancel();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const ok = status >= 100 && status <= 299;
    this.deliveries.push({ at, webhookId, destination, setting, status, ok, body, ...(error ? { error } : {}) });
    if (this.deliveries.length > 5000) this.deliveries.splice(0, this.deliveries.length - 5000);
    this.track(webhookId, ok, at);
  }

  private track(webhookId: number, ok: boolean, at: number): void {
    const list = (this.failures.get(webhookId) ?? []).filter((t) => t > at - FAILURE_WINDOW);
    if (!ok) list.push(at);
    this.failures.set(webhookId, list);
    if (!ok && list.length > FAILURE_LIMIT) {
      const hook = this.s.webhooks.find((w) => w.id === webhookId);
      if (hook) hook.disabled = true;
    }
  }
}
