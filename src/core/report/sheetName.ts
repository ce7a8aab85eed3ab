/**
 * Sheet names the add-on makes from user text (a partner's name), within Excel's rules so the same
 * name works in both hosts and survives a download as .xlsx: at most 31 characters, none of
 * [ ] : * ? / \, no apostrophe at either end, not blank.
 */

/** The longest sheet name Excel accepts. */
export const SHEET_NAME_MAX_LENGTH = 31;

/** The characters Excel refuses in a sheet name. */
const FORBIDDEN = /[[\]:*?/\\]/g;

/** Cuts text to `max` characters, ending in "…" when something was cut (whole UTF-16 pairs kept). */
const cut = (text: string, max: number): string => {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}…`;
};

/** Text made into a valid sheet name: forbidden characters become spaces, control characters go, cut to 31 with "…". */
export function safeSheetName(text: string, fallback = 'Sheet'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const cleaned = text.replace(/[\u0000-\u001f\u007f]/g, '').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  return cut(cleaned === '' ? fallback : cleaned, SHEET_NAME_MAX_LENGTH);
}

/** "Statement – Acme" numbered: "Statement – Acme (2)", the base cut so the whole stays within `max` characters. */
export function numberedSheetName(base: string, n: number, max = SHEET_NAME_MAX_LENGTH): string {
  if (n <= 1) return cut(base, max);
  const suffix = ` (${n})`;
  return `${cut(base, max - suffix.length)}${suffix}`;
}
