import type { KommoClient } from '../core/kommo';

/** The changes the mirror follows (docs/kommo-api.md §15.1). */
export const WEBHOOK_SETTINGS = [
  'add_lead',
  'update_lead',
  'delete_lead',
  'restore_lead',
  'status_lead',
  'responsible_lead',
  'add_contact',
  'update_contact',
  'delete_contact',
  'restore_contact',
] as const;

/**
 * Subscribes `destination` (POST /api/v4/webhooks; subscribing the same destination again only
 * updates it). Needs an account admin's token and a plan with webhooks: the caller catches the
 * refusal, says so, and keeps polling.
 */
export async function registerWebhook(client: KommoClient, destination: string): Promise<void> {
  await client.request({
    method: 'POST',
    pathAndQuery: '/api/v4/webhooks',
    body: { destination, settings: WEBHOOK_SETTINGS, sort: 10 },
    idempotent: true,
  });
}

/** Unsubscribes `destination` (DELETE with a JSON body: the key is the destination, not an id). */
export async function unregisterWebhook(client: KommoClient, destination: string): Promise<void> {
  await client.request({ method: 'DELETE', pathAndQuery: '/api/v4/webhooks', body: { destination }, idempotent: true });
}
