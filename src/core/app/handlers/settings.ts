import type { Handlers } from '../../../common/contract';
import type { SettingsStore } from '../../settings/settings-store';

/** `settings.get` and `settings.update`; the store announces every update (→ `settings_changed`). */
export function settingsHandlers(store: SettingsStore): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': async () => store.get(),
    'settings.update': async ({ patch }) => store.update(patch),
  };
}
