/** Saved settings in the spreadsheet's document properties: versioned JSON split into chunks below the 9 KB value limit. */
import type { Settings } from '../../core/index';
import { parseSettings } from '../../core/index';

/** The property holding the number of chunks; chunk i lives under `${CHUNK_PREFIX}${i}`. */
export const COUNT_KEY = 'partnerAttribution.settings.chunks';
export const CHUNK_PREFIX = 'partnerAttribution.settings.';

/**
 * Characters per chunk. The JSON is escaped to ASCII first, so characters are bytes and a chunk stays
 * well below Apps Script's 9 KB-per-value limit whatever the partner names are written in.
 */
export const CHUNK_CHARS = 8000;

/** The narrow slice of the Properties service this store uses. */
export type PropertyStore = Pick<GoogleAppsScript.Properties.Properties, 'getProperties' | 'setProperties' | 'deleteProperty'>;

/** What loading gives back: the settings, and a warning for the user when the saved ones were unreadable. */
export interface LoadedSettings { settings: Settings; warning: string | null }

const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

const CORRUPT = 'The saved Partner Attribution settings are incomplete, so the defaults are used. Review the settings and save them again.';

/** Reads and writes the settings in one property store (the document's, in the add-on). */
export class SettingsStore {
  constructor(private readonly properties: PropertyStore | null) {}

  /** The store of the open spreadsheet; custom functions may read it too. */
  static forDocument(): SettingsStore {
    return new SettingsStore(PropertiesService.getDocumentProperties());
  }

  /** Loads the settings in one read; missing settings are the defaults, corrupt ones the defaults plus a warning. */
  load(): LoadedSettings {
    if (!this.properties) return parseSettings(null);
    const all = this.properties.getProperties();
    const countText = all[COUNT_KEY];
    if (countText === undefined || countText === '') return parseSettings(null);
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 1 || count > 1000) return { ...parseSettings(null), warning: CORRUPT };
    const chunks: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const chunk = all[`${CHUNK_PREFIX}${i}`];
      if (chunk === undefined) return { ...parseSettings(null), warning: CORRUPT };
      chunks.push(chunk);
    }
    return parseSettings(chunks.join(''));
  }

  /** Saves the settings: all chunks and the count in one write, then removes chunks left over from a longer save. */
  save(settings: Settings): void {
    if (!this.properties) throw new Error('Settings can only be saved in a spreadsheet (document properties are not available here).');
    const json = asciiJson(settings);
    const values: Record<string, string> = {};
    let count = 0;
    for (let at = 0; at < json.length || count === 0; at += CHUNK_CHARS) {
      values[`${CHUNK_PREFIX}${count}`] = json.slice(at, at + CHUNK_CHARS);
      count += 1;
    }
    const previous = Number(this.properties.getProperties()[COUNT_KEY] ?? '0');
    values[COUNT_KEY] = String(count);
    this.properties.setProperties(values, false);
    for (let i = count; Number.isInteger(previous) && i < previous; i += 1) this.properties.deleteProperty(`${CHUNK_PREFIX}${i}`);
  }
}
