/** Control characters in cell text (ESC, BEL, VT ...): found, named and removed, so they never reach a terminal, a workbook or the JSON. */

/**
 * The characters removed: C0 controls except tab, line feed and carriage return; DEL; and the C1
 * controls U+0080-U+009F (a terminal reads U+009B as "escape [").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_ALL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/g;
/** Vertical tab and form feed stand for a line break in some exports (FileMaker, old Mac Excel): they become a space, not nothing. */
// eslint-disable-next-line no-control-regex -- as above
const BREAKS = /[\x0B\x0C]/g;

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'NUL'], [0x07, 'BEL'], [0x08, 'BS'], [0x0b, 'VT'], [0x0c, 'FF'], [0x1b, 'ESC'], [0x7f, 'DEL'], [0x9b, 'CSI'],
]);

/** True when `text` holds a character that `stripControlChars` removes. */
export const hasControlChars = (text: string): boolean => CONTROL.test(text);

/** `text` without control characters (vertical tab and form feed become a space). */
export function stripControlChars(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(BREAKS, ' ').replace(CONTROL_ALL, '');
}

/** The distinct control characters in `text`, by name ("ESC", "BEL", "U+0001"), in first-seen order. */
export function controlCharNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(CONTROL_ALL)) {
    const code = match[0].charCodeAt(0);
    const name = NAMES.get(code) ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
