import type { Host } from './host/host';
import type { AppStore } from './store';

/**
 * The one place that listens to the host: each event becomes a store action. Components never
 * subscribe to the host themselves; they read the store. Returns the unsubscribe.
 */
export function connectBridge(host: Host, store: AppStore): () => void {
  const actions = () => store.getState();
  const unsubscribes = [
    host.on('connection_state', (state) => actions().setConnection(state)),
    host.on('sync_status', (status) => actions().setSyncStatus(status)),
    host.on('settings_changed', (settings) => actions().applySettings(settings)),
    host.on('metadata_update', () => actions().metadataChanged()),
    host.on('lead_update', (update) => actions().leadsChanged(update)),
    host.on('activity_update', (update) => actions().activityChanged(update)),
    host.on('contact_update', (changes) => actions().contactsChanged(changes)),
    host.on('open_entity', ({ entity, id }) => actions().openDetail(entity, id)),
    host.on('export_progress', (progress) => actions().exportProgress(progress)),
  ];
  void actions().bootstrap();
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
