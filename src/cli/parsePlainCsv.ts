/**
 * A fast CSV parser for the common shape of an export (LF or CRLF lines, fields plain or fully quoted),
 * giving exactly the rows csv-parse gives with readCsv's options; for anything less regular (a quote
 * inside a plain field, text after a closing quote, an unclosed quote, CR-only lines) it returns null
 * and the caller hands the text to csv-parse, which keeps its relaxed rules and error messages.
 * On a million-deal export it is several times faster than csv-parse, which builds each field char by char.
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** A record longer than this (an unclosed quote, most likely) is left to csv-parse rather than scanned again with every chunk. */
const MAX_RECORD = 1 << 22;

/**
 * parsePlainCsv for a text that arrives in chunks: rows are added as their line ends arrive, and a
 * record cut by a chunk boundary is read again whole with the next chunk, so the rows are the same
 * wherever the text is cut. `write` and `end` return false when csv-parse must decide (then `rows`
 * is incomplete and the caller starts over with csv-parse).
 */
export class PlainCsvParser {
  readonly rows: string[][] = [];
  private readonly sep: number;
  /** The unread rest of the text so far: it starts at a record. */
  private rest = '';
  /** The record delimiter (CRLF or LF), from the first line end outside quotes; null until one is seen. */
  private crlf: boolean | null = null;
  private declined = false;
  /** Fields of the last row read: the next row's array is made that size (a push-grown 18-field row has room for 41). */
  private width = 0;

  /** `delimiter`: one character (anything else is declined at once). */
  constructor(delimiter: string) {
    const sep = delimiter.length === 1 ? delimiter.charCodeAt(0) : QUOTE;
    this.sep = sep;
    if (sep === QUOTE || sep === LF || sep === CR) this.declined = true;
  }

  write(text: string): boolean {
    // The record cut by the last boundary is finished on a small joined string, the rest of the chunk read
    // where it is: joining whole chunks would copy each one into the heap, for the collector to walk again.
    let from = 0;
    while (this.rest !== '') {
      if (this.declined) return false;
      const lf = text.indexOf('\n', Math.min(text.length, from + this.rest.length)); // at least doubles the join each time
      const to = lf === -1 ? text.length : lf + 1;
      const joined = this.rest + text.slice(from, to);
      from = to;
      if (!this.read(joined, 0, false)) return false;
      if (from === text.length) return true;
    }
    return this.read(text, from, false);
  }

  end(): boolean {
    return this.read(this.rest, 0, true);
  }

  /** Reads the records of `text` from `from` (a record start); an unfinished last one waits for the next chunk. */
  private read(text: string, from: number, final: boolean): boolean {
    if (this.declined) return false;
    this.rest = '';
    if (this.crlf === null) {
      const found = recordDelimiter(text, from, final);
      if (found === 'decline') return this.decline();
      if (found === 'wait') return this.wait(text, from);
      this.crlf = found === 'crlf';
    }
    const { sep, crlf, rows } = this;
    const n = text.length;
    let start = from; // where the record being read starts
    let row: string[] = new Array<string>(this.width);
    let k = 0; // fields of `row` filled
    let i = from;
    while (i < n) {
      // One field starts at i.
      let c = text.charCodeAt(i);
      let field: string;
      let end: number; // index of the char after the field: a delimiter, a line end or n
      if (c === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) return final ? this.decline() : this.wait(text, start); // unclosed so far: csv-parse reports it at the end
          if (q + 1 === n && !final) return this.wait(text, start); // "" or a closing quote: the next chunk tells
          if (text.charCodeAt(q + 1) === QUOTE) { value += text.slice(from, q + 1); from = q + 2; continue; }
          value += text.slice(from, q);
          end = q + 1;
          break;
        }
        field = value;
        if (end < n) {
          c = text.charCodeAt(end);
          if (c !== sep && c !== LF && c !== CR) return this.decline(); // text after the closing quote
          if (c === LF && crlf) return this.decline();
          if (c === CR) {
            if (!crlf) return this.decline();
            if (end + 1 === n && !final) return this.wait(text, start);
            if (text.charCodeAt(end + 1) !== LF) return this.decline();
          }
        } else if (!final) return this.wait(text, start);
      } else {
        let j = i;
        for (; j < n; j++) {
          c = text.charCodeAt(j);
          if (c === sep) break;
          if (c === LF) { if (!crlf) break; return this.decline(); }
          if (c === CR) {
            if (!crlf) return this.decline();
            if (j + 1 === n && !final) return this.wait(text, start);
            if (text.charCodeAt(j + 1) === LF) break;
            return this.decline();
          }
          if (c === QUOTE) return this.decline(); // a quote inside a plain field: csv-parse's relaxed rule decides
        }
        if (j === n && !final) return this.wait(text, start);
        end = j;
        field = text.slice(i, j);
      }
      if (k < row.length) row[k] = field; else row.push(field);
      k++;
      if (end >= n) { rows.push(this.finish(row, k)); return true; }
      c = text.charCodeAt(end);
      if (c === sep) {
        i = end + 1;
        if (i >= n) {
          if (!final) return this.wait(text, start);
          if (k < row.length) row[k] = ''; else row.push('');
          rows.push(this.finish(row, k + 1)); return true;
        }
        continue;
      }
      // A line end.
      rows.push(this.finish(row, k));
      row = new Array<string>(this.width);
      k = 0;
      i = end + (crlf ? 2 : 1);
      start = i;
    }
    return true;
  }

  /** A row of `k` fields: cut to them when the row had fewer than the one before. */
  private finish(row: string[], k: number): string[] {
    if (k < row.length) row.length = k;
    this.width = k;
    return row;
  }

  /** Keeps the unfinished record for the next chunk. */
  private wait(text: string, start: number): boolean {
    if (text.length - start > MAX_RECORD) return this.decline();
    this.rest = text.slice(start);
    return true;
  }

  private decline(): boolean {
    this.declined = true;
    this.rest = '';
    return false;
  }
}

/**
 * csv-parse takes the record delimiter from the first line end outside quotes; only LF and CRLF are
 * handled here. 'wait' when the text so far has none (or ends on a CR).
 */
function recordDelimiter(text: string, from: number, final: boolean): 'lf' | 'crlf' | 'decline' | 'wait' {
  let inQuotes = false;
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && c === LF) return 'lf';
    else if (!inQuotes && c === CR) {
      if (i + 1 === n && !final) return 'wait';
      return text.charCodeAt(i + 1) === LF ? 'crlf' : 'decline';
    }
  }
  return final ? 'lf' : 'wait';
}

/** The rows of `text` (no BOM) split on `delimiter` (one character), or null when csv-parse must decide. */
export function parsePlainCsv(text: string, delimiter: string): string[][] | null {
  const parser = new PlainCsvParser(delimiter);
  return parser.write(text) && parser.end() ? parser.rows : null;
}
