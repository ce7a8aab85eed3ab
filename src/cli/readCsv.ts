/** Reads a CSV (or TSV / semicolon-separated) file into a grid of text cells, with clear errors for files that are not text tables. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Grid } from '../core';
import { CliError } from './CliError';
import { decodeText } from './decodeText';
import type { DecodedText } from './decodeText';
import { fileProblem } from './fileProblem';
import { detectDelimiter } from './detectDelimiter';
import { parsePlainCsv } from './parsePlainCsv';

/** The line on which a quoted field opens and is never closed (csv-parse reports the end of the file instead). */
function unclosedQuoteLine(text: string, delimiter: string): number | null {
  let line = 1;
  let openedAt: number | null = null;
  let fieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (openedAt !== null) {
      if (ch === '"') {
        if (text[i + 1] === '"') i += 1;
        else { openedAt = null; fieldStart = false; }
      } else if (ch === '\n') line += 1;
      continue;
    }
    if (ch === '"' && fieldStart) { openedAt = line; continue; }
    if (ch === '\n') { line += 1; fieldStart = true; } else fieldStart = ch === delimiter || (ch === '\r' && fieldStart);
  }
  return openedAt;
}

/**
 * Reads `file` as CSV; every cell is text ("" for empty) and the engine coerces values. The bytes are
 * decoded once (see decodeText); `onDecoded` hears how, so the caller can report guesses and bad bytes.
 * `onDelimiter` hears the delimiter found (see detectDelimiter): a ';' file suggests comma decimals.
 */
export function readCsv(file: string, onDecoded?: (decoded: DecodedText) => void, onDelimiter?: (delimiter: string) => void): Grid {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
  const decoded = decodeText(bytes, file);
  onDecoded?.(decoded);
  const { text } = decoded;
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`"${file}" is empty. Export the deals table with its header row.`);
  const delimiter = detectDelimiter(text.replace(/^\uFEFF/, ''));
  onDelimiter?.(delimiter);
  const plain = parsePlainCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter);
  if (plain !== null) return plain;
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = unclosedQuoteLine(text.replace(/^\uFEFF/, ''), delimiter);
      throw new CliError(`"${file}" has a quoted field${line ? ` starting on line ${line}` : ''} that is never closed (unbalanced " quote). Fix the quotes or export the CSV again.`);
    }
    const lines = (error as { lines?: number }).lines;
    throw new CliError(`"${file}" is not a valid CSV file${lines ? ` (line ${lines})` : ''}: ${(error as Error).message}. Export the CSV again or save it as .xlsx.`);
  }
}
