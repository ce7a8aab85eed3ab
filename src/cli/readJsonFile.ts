/** Reads a small JSON file named on the command line (a BOM allowed); any problem is one CliError naming the file. */
import { readFileSync } from 'node:fs';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';

/**
 * The parsed JSON of `file`. `label` names it in messages ("The policy file"); `invalid` turns a
 * parse problem into the sentence the user sees, with an example of what is expected.
 */
export function readJsonFile(file: string, label: string, invalid: (detail: string) => string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileProblem(label, file, error);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(invalid((error as Error).message));
  }
}
