/**
 * Checks on settings as read from a file or a saved store, made before any value is looked at: a
 * nesting limit (found without recursion, so a hostile file cannot overflow the stack) and the
 * object-internal names ("__proto__", "constructor", "prototype") that are never a setting.
 */
import { AttributionError } from './AttributionError';

/** Deeper than this is not a settings file (the incentive plan, the deepest part, needs five levels). */
export const MAX_SETTINGS_DEPTH = 16;

const OBJECT_INTERNALS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** True for "__proto__", "constructor" and "prototype": names JavaScript objects reserve, refused as setting names. */
export const isObjectInternalName = (key: string): boolean => OBJECT_INTERNALS.has(key);

/** Throws AttributionError BAD_POLICY when `value` nests objects or lists deeper than MAX_SETTINGS_DEPTH. */
export function checkSettingsDepth(value: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, depth } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= MAX_SETTINGS_DEPTH) {
      throw new AttributionError('BAD_POLICY', `The settings are nested more than ${MAX_SETTINGS_DEPTH} levels deep; no setting needs that. Check the file.`);
    }
    for (const item of Object.values(v)) if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1 });
  }
}

/** Throws AttributionError BAD_POLICY naming `key` when it is an object-internal name; `where` says where it was ("policy setting"). */
export function refuseObjectInternalName(key: string, where: string): void {
  if (isObjectInternalName(key)) {
    throw new AttributionError('BAD_POLICY', `Unknown ${where} "${key}": that name is reserved by JavaScript objects and is never a setting.`);
  }
}
