/**
 * Reads a CSV (or TSV / semicolon-separated) file into a grid of text cells, with clear errors for files
 * that are not text tables. The file is read, decoded and parsed chunk by chunk (see textChunks): the
 * rows go into the grid as they come, and the whole text is never held as one string.
 */
import { Parser } from 'csv-parse';
import type { Options as CsvParseOptions } from 'csv-parse';
import type { Grid } from '../core';
import { CliError } from './CliError';
import { DelimiterDetector } from './detectDelimiter';
import { PlainCsvParser } from './parsePlainCsv';
import { streamText } from './textChunks';
import type { StreamedText, TextSink } from './textChunks';

/** How a CSV file was decoded (see streamText), as the reading issues report it. */
export type CsvDecoding = StreamedText;

/** The line on which a quoted field opens and is never closed (csv-parse reports the end of the file instead), fed in chunks. */
class UnclosedQuote {
  private line = 1;
  private openedAt: number | null = null;
  private fieldStart = true;
  /** The last chunk ended on a quote inside a quoted field: the next character says whether it closes it. */
  private pendingQuote = false;

  constructor(private readonly delimiter: string) {}

  write(text: string): void {
    let i = 0;
    if (this.pendingQuote && text.length > 0) {
      this.pendingQuote = false;
      if (text[0] === '"') i = 1;
      else { this.openedAt = null; this.fieldStart = false; }
    }
    for (; i < text.length; i++) {
      const ch = text[i];
      if (this.openedAt !== null) {
        if (ch === '"') {
          if (i + 1 === text.length) { this.pendingQuote = true; return; }
          if (text[i + 1] === '"') i += 1;
          else { this.openedAt = null; this.fieldStart = false; }
        } else if (ch === '\n') this.line += 1;
        continue;
      }
      if (ch === '"' && this.fieldStart) { this.openedAt = this.line; continue; }
      if (ch === '\n') { this.line += 1; this.fieldStart = true; } else this.fieldStart = ch === this.delimiter || (ch === '\r' && this.fieldStart);
    }
  }

  end(): number | null {
    if (this.pendingQuote) this.openedAt = null;
    return this.openedAt;
  }
}

/** csv-parse's parser as a function fed chunk by chunk: the stream's own parse step (`api`), called synchronously. */
interface CsvParseApi {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
}

function csvParseApi(options: CsvParseOptions): CsvParseApi {
  const api = (new Parser(options) as unknown as { api?: CsvParseApi }).api;
  // csv-parse/sync drives the same object; if a release renames it, say so here rather than misread files.
  if (typeof api?.parse !== 'function') throw new Error('csv-parse no longer exposes Parser.api.parse; readCsv needs updating');
  return api;
}

/**
 * The parsing of one CSV text: the fast path (PlainCsvParser) first; if it declines, the text again
 * through csv-parse (its relaxed rules and messages); if csv-parse finds an unclosed quote, the text
 * once more to name the line where it opens.
 */
class CsvSink implements TextSink {
  rows: string[][] = [];
  delimiter: string | null = null;
  private method: 'plain' | 'csv-parse' | 'quote' = 'plain';
  private detector = new DelimiterDetector();
  /** Chunks held until the delimiter is known (the first one, as a rule). */
  private held: string[] = [];
  private first = true;
  private blank = true;
  private plain: PlainCsvParser | null = null;
  private csvParse: CsvParseApi | null = null;
  private quote: UnclosedQuote | null = null;

  constructor(private readonly file: string) {}

  start(sameText: boolean): void {
    this.first = true;
    this.rows = [];
    this.plain = null;
    this.csvParse = null;
    this.quote = null;
    if (!sameText) { this.method = 'plain'; this.delimiter = null; }
    if (this.delimiter === null) { this.held = []; this.detector = new DelimiterDetector(); this.blank = true; }
  }

  write(chunk: string): boolean {
    // csv-parse reads the BOM itself (bom: true); the fast path and the detection read the text after it.
    const text = this.first && chunk.charCodeAt(0) === 0xfeff && this.method !== 'csv-parse' ? chunk.slice(1) : chunk;
    this.first = false;
    if (this.blank && /\S/.test(text)) this.blank = false;
    if (this.delimiter === null) {
      this.held.push(text);
      this.delimiter = this.detector.write(text);
      if (this.delimiter === null) return true;
      const held = this.held;
      this.held = [];
      return held.every((piece) => this.feed(piece));
    }
    return this.feed(text);
  }

  end(): boolean {
    if (this.delimiter === null) {
      if (this.blank) throw new CliError(`"${this.file}" is empty. Export the deals table with its header row.`);
      this.delimiter = this.detector.end();
      const held = this.held;
      this.held = [];
      if (!held.every((piece) => this.feed(piece))) return false;
    }
    if (this.blank) throw new CliError(`"${this.file}" is empty. Export the deals table with its header row.`);
    if (this.method === 'plain') return this.plainParser().end() ? this.done(this.plainParser().rows) : this.switchTo('csv-parse');
    if (this.method === 'csv-parse') return this.csvParseStep(undefined, true);
    const line = this.quote?.end() ?? null;
    throw new CliError(`"${this.file}" has a quoted field${line ? ` starting on line ${line}` : ''} that is never closed (unbalanced " quote). Fix the quotes or export the CSV again.`);
  }

  private feed(text: string): boolean {
    if (this.method === 'plain') return this.plainParser().write(text) || this.switchTo('csv-parse');
    if (this.method === 'csv-parse') return this.csvParseStep(Buffer.from(text, 'utf8'), false);
    (this.quote ??= new UnclosedQuote(this.delimiter!)).write(text);
    return true;
  }

  private plainParser(): PlainCsvParser {
    return this.plain ??= new PlainCsvParser(this.delimiter!);
  }

  private csvParseStep(chunk: Buffer | undefined, end: boolean): boolean {
    this.csvParse ??= csvParseApi({ bom: true, delimiter: this.delimiter!, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    const error = this.csvParse.parse(chunk, end, (record) => { this.rows.push(record); }, () => undefined);
    if (error === undefined) return true;
    if ((error as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return this.switchTo('quote');
    const lines = (error as { lines?: number }).lines;
    throw new CliError(`"${this.file}" is not a valid CSV file${lines ? ` (line ${lines})` : ''}: ${error.message}. Export the CSV again or save it as .xlsx.`);
  }

  private done(rows: string[][]): boolean {
    this.rows = rows;
    return true;
  }

  /** Starts over with another method (streamText reads the text again from its start). */
  private switchTo(method: 'csv-parse' | 'quote'): false {
    this.method = method;
    return false;
  }
}

/**
 * Reads `file` as CSV; every cell is text ("" for empty) and the engine coerces values. The bytes are
 * decoded as they are read (see streamText); `onDecoded` hears how, so the caller can report guesses
 * and bad bytes. `onDelimiter` hears the delimiter found (see detectDelimiter): a ';' file suggests
 * comma decimals.
 */
export function readCsv(file: string, onDecoded?: (decoded: CsvDecoding) => void, onDelimiter?: (delimiter: string) => void): Grid {
  const sink = new CsvSink(file);
  const decoded = streamText(file, sink);
  onDecoded?.(decoded);
  onDelimiter?.(sink.delimiter!);
  return sink.rows;
}
