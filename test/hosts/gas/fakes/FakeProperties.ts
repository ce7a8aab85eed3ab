/** In-memory document properties with Apps Script's limits (9 KB per value, 500 KB in all). */
import { counted } from './CallCounter';
import type { CallCounter } from './CallCounter';

type Properties = GoogleAppsScript.Properties.Properties;

export const VALUE_LIMIT_BYTES = 9 * 1024;
export const TOTAL_LIMIT_BYTES = 500 * 1024;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

export class FakeProperties implements Pick<Properties, 'getProperties' | 'getProperty' | 'setProperties' | 'setProperty' | 'deleteProperty' | 'getKeys'> {
  readonly api: Properties;
  readonly store = new Map<string, string>();

  constructor(counter: CallCounter) {
    this.api = counted(this, 'Properties', counter) as unknown as Properties;
  }

  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > VALUE_LIMIT_BYTES) throw new Error(`Argument too large: value of "${key}" is ${bytes(value)} bytes (limit ${VALUE_LIMIT_BYTES}).`);
      total += bytes(key) + bytes(value);
    }
    if (total > TOTAL_LIMIT_BYTES) throw new Error('You have exceeded the property storage quota.');
  }

  getProperties(): Record<string, string> { return Object.fromEntries(this.store); }
  getProperty(key: string): string | null { return this.store.get(key) ?? null; }
  getKeys(): string[] { return [...this.store.keys()]; }

  setProperties(properties: Record<string, string>, deleteAllOthers = false): Properties {
    const next = new Map(deleteAllOthers ? [] : this.store);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.check(next);
    this.store.clear();
    for (const [key, value] of next) this.store.set(key, value);
    return this.api;
  }

  setProperty(key: string, value: string): Properties { return this.setProperties({ [key]: value }); }

  deleteProperty(key: string): Properties {
    this.store.delete(key);
    return this.api;
  }
}
