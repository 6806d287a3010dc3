import { z } from 'zod';
import type { SettingsPatch } from '../../common/contract/settings';
import { DEFAULT_SETTINGS, LANGUAGE_PREFERENCES, type Settings } from '../../common/model/settings';

/**
 * The settings file as stored. A key missing from an older file takes its default, so adding a
 * setting needs no migration; unknown keys are dropped; a wrong value makes the file invalid.
 */
export const storedSettingsSchema = z.object({
  language: z.enum(LANGUAGE_PREFERENCES).default(DEFAULT_SETTINGS.language),
  closeToTray: z.boolean().default(DEFAULT_SETTINGS.closeToTray),
  notifications: z
    .object({
      enabled: z.boolean().default(DEFAULT_SETTINGS.notifications.enabled),
      doNotDisturb: z.boolean().default(DEFAULT_SETTINGS.notifications.doNotDisturb),
    })
    .default(DEFAULT_SETTINGS.notifications),
  ui: z.record(z.string(), z.json()).default({}),
}) satisfies z.ZodType<Settings>;

export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** A validated patch (see settingsPatchSchema): top-level values replace, `notifications` and `ui` merge by key. */
export function applySettingsPatch(current: Settings, patch: SettingsPatch): Settings {
  return {
    language: patch.language ?? current.language,
    closeToTray: patch.closeToTray ?? current.closeToTray,
    notifications: {
      enabled: patch.notifications?.enabled ?? current.notifications.enabled,
      doNotDisturb: patch.notifications?.doNotDisturb ?? current.notifications.doNotDisturb,
    },
    ui: { ...current.ui, ...patch.ui },
  };
}
