import { readFileSync, renameSync } from 'node:fs';
import { MAX_UI_STATE_BYTES, uiStateBytes, type SettingsPatch } from '../../common/contract/settings';
import type { Settings } from '../../common/model/settings';
import { restrictFile } from '../db';
import { CoreError } from '../errors';
import type { Logger } from '../log';
import { Observable } from '../observable';
import { isMissingFile, writeFileAtomic } from './json-file';
import { applySettingsPatch, defaultSettings, storedSettingsSchema } from './settings-schema';

export type SettingsListener = (settings: Settings) => void;

/**
 * The user's settings, kept in one JSON file shared by both hosts. Reads never throw: a missing
 * file means defaults, and an unreadable or invalid one is moved aside to `<file>.bak` (so the
 * user's data is not lost) and replaced by defaults with a warning in the log.
 */
export class SettingsStore {
  private current: Settings;
  private readonly changed = new Observable<[]>();

  constructor(
    readonly path: string,
    private readonly log: Logger,
  ) {
    this.current = this.load();
  }

  /** A copy: callers cannot change the stored settings by mutating it. */
  get(): Settings {
    return structuredClone(this.current);
  }

  /**
   * Applies the patch, writes the file, then tells every listener (even if nothing changed). A
   * patch that would take the UI state as a whole over its cap is refused, and nothing changes.
   */
  update(patch: SettingsPatch): Settings {
    const next = applySettingsPatch(this.current, patch);
    const uiBytes = uiStateBytes(next.ui);
    if (uiBytes > MAX_UI_STATE_BYTES) {
      throw new CoreError(
        'invalid_input',
        `This change would make the saved view state ${Math.ceil(uiBytes / 1024)} KB, over its ${MAX_UI_STATE_BYTES / 1024} KB limit; it was not saved, and the settings saved before are kept.`,
      );
    }
    writeFileAtomic(this.path, `${JSON.stringify(next, null, 2)}\n`);
    this.current = next;
    this.changed.emit();
    return this.get();
  }

  onDidChange(listener: SettingsListener): () => void {
    // Each listener gets its own copy, so none can change what the next one sees.
    return this.changed.subscribe(() => listener(this.get()));
  }

  private load(): Settings {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if (!isMissingFile(error)) this.log.warn('Could not read the settings file; using defaults', { path: this.path, error });
      return defaultSettings();
    }
    // Written 0600 (writeFileAtomic); a file left 0644 by an earlier version is fixed here.
    try {
      restrictFile(this.path);
    } catch (error) {
      this.log.warn('Could not make the settings file private', { path: this.path, error });
    }
    const parsed = parseSettings(text);
    if (parsed.ok && uiStateBytes(parsed.settings.ui) <= MAX_UI_STATE_BYTES) return parsed.settings;
    const backup = this.keepAside();
    if (parsed.ok) {
      // Written by a version that capped each patch only: keep the settings, start the views afresh.
      this.log.warn('The saved view state was over its limit; starting it afresh and keeping the old file', { path: this.path, backup });
      return { ...parsed.settings, ui: {} };
    }
    this.log.warn('The settings file was invalid; using defaults and keeping the old file', {
      path: this.path,
      backup,
      reason: parsed.reason,
    });
    return defaultSettings();
  }

  private keepAside(): string {
    const backup = `${this.path}.bak`;
    try {
      renameSync(this.path, backup);
    } catch (error) {
      this.log.warn('Could not keep the settings file aside', { path: this.path, error });
    }
    return backup;
  }
}

function parseSettings(text: string): { ok: true; settings: Settings } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const result = storedSettingsSchema.safeParse(json);
  return result.success
    ? { ok: true, settings: result.data as Settings }
    : { ok: false, reason: result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
}
