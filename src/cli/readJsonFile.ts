/** Reads a small JSON file named on the command line (UTF-8 or UTF-16, a BOM allowed); any problem is one CliError naming the file. */
import { readFileSync } from 'node:fs';
import { controlCharNames, hasControlChars } from '../core';
import { CliError } from './CliError';
import { decodeText } from './decodeText';
import { fileProblem } from './fileProblem';

/** The first string (key or value) in `json` holding a control character, found without recursion (a deep file cannot overflow the stack here). */
function firstControlString(json: unknown): string | null {
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (hasControlChars(value)) return value;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (hasControlChars(key)) return key;
        stack.push(item);
      }
    }
  }
  return null;
}

/**
 * The parsed JSON of `file`. `label` names it in messages ("The policy file"); `invalid` turns a
 * parse problem into the sentence the user sees, with an example of what is expected. A string
 * with a control character (ESC, BEL ...) is refused: it would reach the terminal or the outputs.
 */
export function readJsonFile(file: string, label: string, invalid: (detail: string) => string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileProblem(label, file, error);
  }
  const { text } = decodeText(bytes, file, `${label} "${file}" is not a text (JSON) file.`);
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(invalid((error as Error).message));
  }
  const bad = firstControlString(json);
  if (bad !== null) {
    throw new CliError(`${label} "${file}" has a control character (${controlCharNames(bad).join(', ')}) in the text "${bad.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?')}". Remove it and run again.`);
  }
  return json;
}
