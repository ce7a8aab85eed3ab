/** Reads a CSV (or TSV / semicolon-separated) file into a grid of text cells, with clear errors for files that are not text tables. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Grid } from '../core';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';

/** Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252. */
function decodeText(bytes: Buffer, file: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new CliError(`"${file}" is not a text (CSV) file. Give a .csv export or an .xlsx workbook.`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Excel's "CSV" on Windows writes the ANSI code page.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Picks the separator that occurs most often outside quotes in the first lines (comma on ties). */
function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < 5; i++) {
    const ch = text[i] as string;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === '\n') lines += 1;
    else if (!inQuotes && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of [';', '\t']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

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

/** Reads `file` as CSV; every cell is text ("" for empty) and the engine coerces values. */
export function readCsv(file: string): Grid {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw fileProblem('The file', file, error);
  }
  const text = decodeText(bytes, file);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CliError(`"${file}" is empty. Export the deals table with its header row.`);
  const delimiter = sniffDelimiter(text);
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
