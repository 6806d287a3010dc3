import { z } from 'zod';
import { request } from './define';
import { LANGUAGE_PREFERENCES, type Settings } from '../model/settings';

/**
 * The most UI state (all keys together, as UTF-8 JSON) the settings file keeps: the whole file is
 * sent on every read, so the cap is on the total, not on one patch.
 */
export const MAX_UI_STATE_BYTES = 128 * 1024;

export function uiStateBytes(ui: Record<string, unknown>): number {
  return new TextEncoder().encode(JSON.stringify(ui)).length;
}

export const settingsPatchSchema = z
  .object({
    language: z.enum(LANGUAGE_PREFERENCES).optional(),
    closeToTray: z.boolean().optional(),
    notifications: z.object({ enabled: z.boolean().optional(), doNotDisturb: z.boolean().optional() }).strict().optional(),
    /** Keys given here replace the stored value of that key; other keys are kept. */
    ui: z
      .record(z.string().min(1).max(64), z.json())
      .refine((value) => uiStateBytes(value) <= MAX_UI_STATE_BYTES, 'UI state is too large')
      .optional(),
  })
  .strict();
export type SettingsPatch = z.input<typeof settingsPatchSchema>;

export const settingsRequests = {
  'settings.get': request<Settings>()(z.object({}).strict()),
  'settings.update': request<Settings>()(z.object({ patch: settingsPatchSchema }).strict()),
};
