/**
 * A report tab's cells as worksheet XML (its <cols> and <sheetData>), written straight from the blocks in
 * pieces of about a megabyte: each cell gets a precomputed style id and its value as text, with no cell
 * objects in between. The XML is what ExcelJS's cell-by-cell writer makes of the same tab (the same
 * attributes, value types, date serials and text escaping), so a million-deal tab takes seconds, not minutes.
 */
import type { Cell, FormatName, ReportBlock, ReportTab } from '../../core';
import { blockLength, blockWidth, eachBlockRow } from '../../core';
import type { CellKind, CellStyleIds } from './cellStyles';
import { ValueType } from './cellStyles';

/** Points per line of an 11-point header, and the padding Excel adds. */
const LINE_POINTS = 15;
/** Excel's default column width, which ExcelJS leaves out of <cols>. */
const DEFAULT_WIDTH = 9;
/** The XML is handed on in pieces of about this many bytes. */
const PIECE = 1 << 20;

/** A header row's height in points: enough lines for its longest label wrapped at its column's width. */
export function headerRowHeight(labels: readonly Cell[], col: number, widths: readonly number[]): number {
  let lines = 1;
  labels.forEach((label, j) => {
    if (typeof label !== 'string' || label === '') return;
    const width = Math.max(4, (widths[col + j] ?? 9) - 1);
    // Words wrap whole: count lines word by word, as the spreadsheet does.
    let n = 1, used = 0;
    for (const word of label.split(/\s+/)) {
      if (used > 0 && used + 1 + word.length > width) { n++; used = word.length; } else used += (used > 0 ? 1 : 0) + word.length;
    }
    lines = Math.max(lines, n);
  });
  return lines * LINE_POINTS + 3;
}

/** "A" for column 0, "AB" for 27. */
export const columnName = (col: number): string => {
  let name = '';
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
};

/** First and last 1-based sheet rows a block touches (its title sits one row above it). */
export const rowSpan = (block: ReportBlock): [number, number] =>
  [block.title && block.row >= 1 ? block.row : block.row + 1, block.row + blockLength(block)];

// eslint-disable-next-line no-control-regex -- control characters XML cannot hold are exactly what is dropped
const SPECIAL = /[<>&"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
// eslint-disable-next-line no-control-regex -- as above
const SPECIAL_ALL = /[<>&"'\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const ENTITY: Readonly<Record<string, string>> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
/** Text as XML character data, as ExcelJS encodes it: markup escaped, control characters XML cannot hold dropped (tab, LF, CR kept). */
export const xmlText = (text: string): string => (SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (ch) => ENTITY[ch] ?? '') : text);

/**
 * A report date as Excel stores it: the serial of its calendar day (and time). The core's Dates are calendar
 * days read like the engine reads them (UTC parts at exactly UTC midnight, else local parts).
 */
export function dateSerial(value: Date): number {
  const utcMidnight = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0
    && value.getUTCMilliseconds() === 0;
  const ms = utcMidnight ? value.getTime()
    : Date.UTC(value.getFullYear(), value.getMonth(), value.getDate(), value.getHours(), value.getMinutes(), value.getSeconds());
  return 25_569 + ms / 86_400_000;
}

/** One block being written: where it sits, its rows as they come, and its cells' style ids. */
class BlockCursor {
  readonly first: number;
  readonly last: number;
  private readonly rows: Generator<readonly Cell[], void, undefined>;
  private readonly length: number;
  private readonly refs: string[];
  /** Per kind, per column and value type: the cell's XML between its reference and its value. */
  private readonly openings = new Map<CellKind, string[]>();

  constructor(readonly block: ReportBlock, private readonly styles: CellStyleIds) {
    [this.first, this.last] = rowSpan(block);
    this.rows = eachBlockRow(block);
    this.length = blockLength(block);
    this.refs = Array.from({ length: blockWidth(block) }, (_, j) => columnName(block.col + j));
  }

  /** The header row's labels when sheet row `r` is one of this block's header rows, else null. */
  headerAt(r: number, row: readonly Cell[] | undefined): readonly Cell[] | null {
    const index = r - this.block.row - 1;
    return index >= 0 && index < this.block.headerRows ? row ?? null : null;
  }

  /** The block's row on sheet row `r` (taken from its rows in order), or undefined on its title row. */
  next(r: number): readonly Cell[] | undefined {
    if (r <= this.block.row) return undefined;
    const step = this.rows.next();
    return step.done ? undefined : step.value;
  }

  /** Appends this block's cells on sheet row `r` to `out`. */
  cells(r: number, row: readonly Cell[] | undefined, out: CellOut): void {
    const block = this.block;
    if (row === undefined) {
      if (block.title && r === block.row) out.add(block.col, `<c r="${columnName(block.col)}${r}"${sAttr(this.styles.id('title', undefined, ValueType.String))} t="str"><v>${xmlText(block.title)}</v></c>`, true);
      return;
    }
    const index = r - block.row - 1;
    const kind: CellKind = index < block.headerRows ? 'header' : index >= this.length - (block.totalRows ?? 0) ? 'total' : 'data';
    for (let j = 0; j < row.length; j++) {
      const value = row[j];
      let type: ValueType, text: string;
      if (value === null || value === undefined || value === '') {
        // A blank is written only when it has a style to show (a shaded header, a money column's format).
        if (kind === 'data' && (typeof value === 'string' || !numberFormatted(block.formats[j]))) continue;
        type = ValueType.Null; text = '';
      } else if (typeof value === 'string') { type = ValueType.String; text = xmlText(value); }
      else if (typeof value === 'number') {
        if (Number.isFinite(value)) { type = ValueType.Number; text = String(value); }
        else if (kind === 'data' && !numberFormatted(block.formats[j])) continue;
        else { type = ValueType.Null; text = ''; }
      } else if (value instanceof Date) {
        const t = value.getTime();
        if (!Number.isNaN(t)) { type = ValueType.Date; text = String(dateSerial(value)); }
        else if (kind === 'data' && !numberFormatted(block.formats[j])) continue;
        else { type = ValueType.Null; text = ''; }
      } else { type = ValueType.Boolean; text = value ? '1' : '0'; }
      const ref = this.refs[j] ?? columnName(block.col + j);
      out.add(block.col + j, `<c r="${ref}${r}${this.opening(kind, j, type)}${text}${CLOSE[type]}`, type !== ValueType.Null);
    }
  }

  /** What follows a cell's reference up to its value: the closing quote, its style and type attributes, and <v>. */
  private opening(kind: CellKind, j: number, type: ValueType): string {
    let table = this.openings.get(kind);
    if (!table) { table = []; this.openings.set(kind, table); }
    const at = j * 10 + type;
    let xml = table[at];
    if (xml === undefined) {
      const s = sAttr(this.styles.id(kind, this.block.formats[j], type));
      xml = type === ValueType.Null ? `"${s}` : type === ValueType.String ? `"${s} t="str"><v>` : type === ValueType.Boolean ? `"${s} t="b"><v>` : `"${s}><v>`;
      table[at] = xml;
    }
    return xml;
  }
}

/** What closes a cell after its value, by value type (a blank is an empty element). */
const CLOSE: Readonly<Record<ValueType, string>> = {
  [ValueType.Null]: '/>', [ValueType.Number]: '</v></c>', [ValueType.String]: '</v></c>', [ValueType.Date]: '</v></c>', [ValueType.Boolean]: '</v></c>',
};

/** A column formatted as a number (not text or General): its blanks keep the format. */
const numberFormatted = (format: FormatName | undefined): boolean => format !== undefined && format !== 'general';
const sAttr = (id: number): string => (id ? ` s="${id}"` : '');

/** Where a row's cells go as they are laid out. */
interface CellOut {
  /** Set once a cell holding a value (not a styled blank) is added. */
  hasValue: boolean;
  add(col: number, xml: string, isValue: boolean): void;
  /** The cells' XML in column order and the first and last 1-based columns (the row's spans), or null for none; then empties the row. */
  take(): { xml: string; min: number; max: number } | null;
}

/** The cells of a row only one block covers: they come in column order, so they are just joined. */
class InOrderCells implements CellOut {
  private xml = '';
  private min = -1;
  private max = -1;
  hasValue = false;

  add(col: number, xml: string, isValue: boolean): void {
    if (isValue) this.hasValue = true;
    if (this.min < 0) this.min = col;
    this.max = col;
    this.xml += xml;
  }

  take(): { xml: string; min: number; max: number } | null {
    const out = this.min < 0 ? null : { xml: this.xml, min: this.min + 1, max: this.max + 1 };
    this.xml = ''; this.min = -1; this.max = -1; this.hasValue = false;
    return out;
  }
}

/** The cells of a row blocks share, side by side: sorted by column, a later block's cell in place of an earlier one's. */
class SortedCells implements CellOut {
  private byCol = new Map<number, string>();
  hasValue = false;

  add(col: number, xml: string, isValue: boolean): void {
    if (isValue) this.hasValue = true;
    this.byCol.set(col, xml);
  }

  take(): { xml: string; min: number; max: number } | null {
    const cols = [...this.byCol.keys()].sort((a, b) => a - b);
    const out = cols.length === 0 ? null : { xml: cols.map((c) => this.byCol.get(c)!).join(''), min: cols[0]! + 1, max: cols[cols.length - 1]! + 1 };
    this.byCol = new Map(); this.hasValue = false;
    return out;
  }
}

/** The tab's <cols>: each run of neighbouring columns of one width, default widths left out. */
export function colsXml(widths: readonly number[]): string {
  const runs: { min: number; max: number; width: number }[] = [];
  widths.forEach((w, i) => {
    const width = w > 0 ? w : DEFAULT_WIDTH;
    const last = runs[runs.length - 1];
    if (width === DEFAULT_WIDTH) return;
    if (last && last.max === i && last.width === width) last.max = i + 1;
    else runs.push({ min: i + 1, max: i + 1, width });
  });
  return runs.length === 0 ? '' : `<cols>${runs.map((r) => `<col min="${r.min}" max="${r.max}" width="${r.width}" customWidth="1"/>`).join('')}</cols>`;
}

/**
 * The sheet's XML gathered as UTF-8 into buffers of about a piece's size, a row at a time (encoding each
 * row as it comes is cheaper than joining a megabyte of small strings and encoding that).
 */
class Pieces {
  private readonly buffer = Buffer.allocUnsafe(2 * PIECE);
  private used = 0;
  /** Filled pieces waiting to be handed on. */
  private readonly ready: Buffer[] = [];

  /** Adds `xml`; true when a piece is ready to hand on (call `handOn`). */
  add(xml: string): boolean {
    // A character takes at most three bytes (a surrogate pair four, for two characters).
    if (xml.length * 3 > this.buffer.length - this.used) {
      this.seal();
      if (xml.length * 3 > this.buffer.length) { this.ready.push(Buffer.from(xml, 'utf8')); return true; }
    }
    this.used += this.buffer.write(xml, this.used, 'utf8');
    if (this.used >= PIECE) this.seal();
    return this.ready.length > 0;
  }

  /** Hands the ready pieces (and with `all`, the one being filled) to `write`, in order. */
  async handOn(write: (bytes: Buffer) => Promise<void>, all = false): Promise<void> {
    if (all) this.seal();
    while (this.ready.length > 0) await write(this.ready.shift()!);
  }

  /**
   * Closes the piece being filled: its bytes are copied out at their size (a piece may still be compressing
   * when the next is filled) and the buffer is filled again. Handing on the buffer itself and allocating a
   * new 2 MB one per piece allocated twice the sheet's size outside the JavaScript heap, and V8 starts a full
   * collection for every 64 MB or so of that (a million-deal report: 20 full collections against 8, about
   * 70 s of CPU against 46 s).
   */
  private seal(): void {
    if (this.used === 0) return;
    this.ready.push(Buffer.from(this.buffer.subarray(0, this.used)));
    this.used = 0;
  }
}

/**
 * Writes the tab's <cols> and <sheetData> as UTF-8 through `write`, a piece at a time (awaiting each, so
 * the file sets the pace). Rows go in increasing order; blocks may sit side by side.
 */
export async function writeSheetData(tab: ReportTab, styles: CellStyleIds, write: (bytes: Buffer) => Promise<void>): Promise<void> {
  const cursors = tab.blocks.map((block) => new BlockCursor(block, styles)).filter((c) => c.first <= c.last);
  const pieces = new Pieces();
  pieces.add(`${cursors.length > 0 ? colsXml(tab.columnWidths) : ''}<sheetData>`);
  const last = Math.max(0, ...cursors.map((c) => c.last));
  const single = new InOrderCells(), shared = new SortedCells();
  const covering: BlockCursor[] = [];
  for (let r = 1; r <= last; r++) {
    covering.length = 0;
    for (const c of cursors) if (c.first <= r && r <= c.last) covering.push(c);
    if (covering.length === 0) continue;
    let height = 0;
    const out: CellOut = covering.length === 1 ? single : shared;
    for (const c of covering) {
      const row = c.next(r);
      const labels = c.headerAt(r, row);
      if (labels) height = Math.max(height, headerRowHeight(labels, c.block.col, tab.columnWidths));
      c.cells(r, row, out);
    }
    // As ExcelJS: a row is written when it holds a value or has a height of its own.
    const hasValue = out.hasValue;
    const cells = out.take();
    if (!hasValue && height === 0) continue;
    const full = pieces.add(`<row r="${r}"${height ? ` ht="${height}" customHeight="1"` : ''}${cells ? ` spans="${cells.min}:${cells.max}"` : ''} x14ac:dyDescent="0.25"`
      + (cells ? `>${cells.xml}</row>` : '/>'));
    if (full) await pieces.handOn(write);
  }
  pieces.add('</sheetData>');
  await pieces.handOn(write, true);
}
