/**
 * Reads one worksheet's XML as a stream, row by row, into its used cells (sparse: a far-away cell costs
 * one entry, not a row 16,384 cells wide), with each row's hidden flag, the merged ranges and each
 * number cell's style.
 */
import type { Cell } from '../../core';
import { NOT_CALCULATED } from '../../core';
import type { WorkbookParts } from './workbookParts';
import { cellString, runsText } from './xmlText';
import { serialDate, isoDate } from './sheetDates';

/** One row's used cells: keys and values side by side. */
export interface ScannedRow {
  /** 0-based sheet row (row 1 is 0). */
  index: number;
  hidden: boolean;
  /** Per value: its 0-based column * 65536 + its style index (one small integer, not two arrays per row). */
  keys: number[];
  values: Cell[];
}

/** The 0-based column of a ScannedRow key. */
export const keyCol = (key: number): number => Math.floor(key / 65_536);
/** The style index of a ScannedRow key. */
export const keyStyle = (key: number): number => key % 65_536;

/** A worksheet as scanned. */
export interface ScannedSheet {
  rows: ScannedRow[];
  /** Cells per column (0-based), to find the table's own columns. */
  columnCounts: Map<number, number>;
  /** Merged ranges as [firstRow, firstCol, lastRow, lastCol], 0-based. */
  merges: [number, number, number, number][];
}

const MAX_COLS = 16_384;
const MAX_ROWS = 1_048_576;

/** 0-based [row, col] of an A1 reference ("XFD1048576" -> [1048575, 16383]); null when it is not one. */
export function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  const row = Number(ref.slice(i));
  if (i === 0 || i > 3 || !Number.isInteger(row) || row < 1 || row > MAX_ROWS || col > MAX_COLS) return null;
  return [row - 1, col - 1];
}

// The rare shapes are read with these regular expressions (attributes the fast reader does not
// expect, a cell's inner XML other than one <v>, the merged ranges); the common ones by hand below.
const ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?"/g;
const SHEET_DATA = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/;

const GT = 62, SLASH = 47, COLON = 58, EQUALS = 61, DQUOTE = 34, SQUOTE = 39;
const isWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const WHITESPACE = /\s/;
const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || ((c === 11 || c === 12 || c > 127) && WHITESPACE.test(String.fromCharCode(c)));

/** Where the word characters from `i` end. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && isWord(text.charCodeAt(i))) i++;
  return i;
}

/**
 * The end of a closing tag `</name>` or `</prefix:name>` at `at` (which holds "</"), or -1 when it is
 * another tag (the regular expression /<\/(?:\w+:)?name>/ at this place).
 */
function closingTagEnd(text: string, at: number, name: string): number {
  let i = at + 2;
  if (!(text.startsWith(name, i) && text.charCodeAt(i + name.length) === GT)) {
    const prefix = wordEnd(text, i);
    if (prefix === i || text.charCodeAt(prefix) !== COLON) return -1;
    i = prefix + 1;
    if (!(text.startsWith(name, i) && text.charCodeAt(i + name.length) === GT)) return -1;
  }
  return i + name.length + 1;
}

/** The first `</(prefix:)?name>` from `from`: [start, end], or null. */
function findClosingTag(text: string, from: number, name: string): [number, number] | null {
  // Found by its name first: a sheet has many closing tags and one </sheetData>.
  const tail = `${name}>`;
  for (let k = text.indexOf(tail, from); k !== -1; k = text.indexOf(tail, k + 1)) {
    let open = k - 1;
    if (text.charCodeAt(open) === COLON) { open -= 1; while (open >= from && isWord(text.charCodeAt(open))) open--; if (open === k - 2) continue; }
    if (text.charCodeAt(open) !== SLASH || open - 1 < from || text.charCodeAt(open - 1) !== 60) continue;
    // The earliest match wins: a longer prefix cannot start earlier, as no word character precedes "</".
    return [open - 1, k + tail.length];
  }
  return null;
}

/** The first `</(prefix:)?c>` from `from` (a cell's end): [start, end], or null. */
function findCellEnd(text: string, from: number): [number, number] | null {
  for (let k = text.indexOf('</', from); k !== -1; k = text.indexOf('</', k + 2)) {
    if (text.charCodeAt(k + 2) === 99 && text.charCodeAt(k + 3) === GT) return [k, k + 4];
    const end = closingTagEnd(text, k, 'c');
    if (end !== -1) return [k, end];
  }
  return null;
}

/** The attributes a sheet's row and cell tags carry that the scanner reads. */
interface TagAttributes {
  r: string | undefined; t: string | undefined; s: string | undefined; hidden: string | undefined;
  /** Where r's and s's values sit in the scanned text when read by hand (-1 when absent or read as strings above): read in place, not cut out. */
  rFrom: number; rTo: number; sFrom: number; sTo: number;
}

/** The number a run of ASCII digits (up to 15, an optional leading minus) spells, or NaN for any other text: exactly Number() for those. */
function integerAt(text: string, from: number, to: number): number {
  const negative = text.charCodeAt(from) === 45;
  let i = negative ? from + 1 : from;
  if (i >= to || to - i > 15) return NaN;
  let n = 0;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return negative ? -n : n;
}

/** Number(text.slice(from, to)), without the slice when it is a plain integer. */
const numberAt = (text: string, from: number, to: number): number => {
  const n = integerAt(text, from, to);
  return n === n ? n : Number(text.slice(from, to));
};

/** parseRef of text[from, to), packed as row * 16384 + column (0-based); -1 when it is not a reference. */
function packedRefAt(text: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const code = text.charCodeAt(i) | 0x20; // lower case
    if (code < 97 || code > 122) break;
    col = col * 26 + (code - 96);
  }
  const row = numberAt(text, i, to);
  if (i === from || i - from > 3 || !Number.isInteger(row) || row < 1 || row > MAX_ROWS || col > MAX_COLS) return -1;
  return (row - 1) * MAX_COLS + (col - 1);
}

/**
 * Reads the attributes of a tag (text[from, to)) into `out`, each name's last value winning, as the
 * ATTR expression finds them; anything but `name="value"` pairs between spaces is handed to ATTR itself.
 */
function readAttributes(text: string, from: number, to: number, out: TagAttributes): void {
  out.r = undefined; out.t = undefined; out.s = undefined; out.hidden = undefined;
  out.rFrom = -1; out.sFrom = -1;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) { i++; continue; }
    const nameStart = i;
    while (i < to && (isWord(text.charCodeAt(i)) || text.charCodeAt(i) === COLON)) i++;
    const nameEnd = i;
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    const quote = text.charCodeAt(i + 1);
    let valueEnd = -1;
    if (nameEnd > nameStart && i + 1 < to && text.charCodeAt(i) === EQUALS && (quote === DQUOTE || quote === SQUOTE)) {
      valueEnd = text.indexOf(quote === DQUOTE ? '"' : "'", i + 2);
    }
    if (valueEnd === -1 || valueEnd >= to) { readAttributesSlowly(text.slice(from, to), out); return; }
    if (nameEnd - nameStart === 1) {
      const n = text.charCodeAt(nameStart);
      if (n === 114) { out.rFrom = i + 2; out.rTo = valueEnd; } else if (n === 116) out.t = text.slice(i + 2, valueEnd);
      else if (n === 115) { out.sFrom = i + 2; out.sTo = valueEnd; }
    } else if (nameEnd - nameStart === 6 && text.startsWith('hidden', nameStart)) out.hidden = text.slice(i + 2, valueEnd);
    i = valueEnd + 1;
  }
}

function readAttributesSlowly(attrs: string, out: TagAttributes): void {
  out.r = undefined; out.t = undefined; out.s = undefined; out.hidden = undefined;
  out.rFrom = -1; out.sFrom = -1;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(attrs); m !== null; m = ATTR.exec(attrs)) {
    const value = m[2] ?? m[3] ?? '';
    if (m[1] === 'r') out.r = value; else if (m[1] === 't') out.t = value; else if (m[1] === 's') out.s = value; else if (m[1] === 'hidden') out.hidden = value;
  }
}

/**
 * What reading one sheet's cells needs: the workbook's parts, and the Date made for each date serial.
 * A sheet's dates are a few thousand days over a million cells, so each day's Date is made once and
 * shared by its cells (nothing changes a cell's Date: the engine and the writers only read it).
 */
interface SheetReading { parts: WorkbookParts; dates: Map<number, Date | null> }

/** Scans a sheet's XML chunks (UTF-8) into its used cells. */
export async function scanSheet(chunks: AsyncIterable<Buffer>, parts: WorkbookParts): Promise<ScannedSheet> {
  const rows: ScannedRow[] = [];
  // Cells per column: an array for the columns a sheet can have, a map for cells past them (written without a reference).
  const counts = new Float64Array(MAX_COLS);
  const farCounts = new Map<number, number>();
  let current: ScannedRow | null = null;
  // The current row's cells are gathered here and copied out at their exact size when the row ends:
  // a pushed-to array keeps room for about twice its cells, a million rows of it most of the sheet's memory.
  const rowKeys: number[] = [];
  const rowValues: Cell[] = [];
  let rowCells = 0;
  const closeRow = (): void => {
    if (current !== null && rowCells > 0) { current.keys = rowKeys.slice(0, rowCells); current.values = rowValues.slice(0, rowCells); }
    rowCells = 0;
  };
  const startRow = (row: ScannedRow): void => {
    closeRow();
    current = row;
    rows.push(row);
  };
  let nextRow = 0;
  let nextCol = 0;
  let tail = '';
  let inData = false;
  let after = '';
  const decoder = new TextDecoder('utf-8');
  const attrs: TagAttributes = { r: undefined, t: undefined, s: undefined, hidden: undefined, rFrom: -1, rTo: -1, sFrom: -1, sTo: -1 };
  const reading: SheetReading = { parts, dates: new Map() };

  /** `ref`: the cell's reference packed as packedRefAt packs it, -1 when it has none or an unreadable one. */
  const addCell = (ref: number, style: number, value: Cell): void => {
    const refRow = ref >= 0 ? Math.floor(ref / MAX_COLS) : -1;
    const col = ref >= 0 ? ref % MAX_COLS : nextCol;
    nextCol = col + 1;
    if (current === null || (refRow !== -1 && refRow !== current.index)) {
      startRow({ index: refRow !== -1 ? refRow : nextRow, hidden: false, keys: [], values: [] });
      nextRow = current!.index + 1;
    }
    if (value === '' || value === null) return;
    rowKeys[rowCells] = col * 65_536 + Math.min(style, 65_535);
    rowValues[rowCells] = value;
    rowCells++;
    if (col < MAX_COLS) counts[col]! += 1; else farCounts.set(col, (farCounts.get(col) ?? 0) + 1);
  };

  /**
   * Handles every complete row and cell tag in `text` from `from`; returns where the unfinished part
   * starts (a cell whose end is in the next chunk, a tag cut by the chunk boundary), or text.length.
   */
  const scan = (text: string, from: number, final: boolean): number => {
    const n = text.length;
    let p = from;
    let done = from; // the end of the last row or cell read
    for (;;) {
      const lt = text.indexOf('<', p);
      if (lt === -1) {
        // Keep a tag the boundary cut (whatever it is: "</sheetDa" must reach the next chunk whole).
        const last = text.lastIndexOf('<');
        return final || last < done || text.indexOf('>', last) !== -1 ? n : last;
      }
      p = lt + 1;
      // The tag's name, with an optional namespace prefix (<row>, <c>, <x:c>); anything else is skipped.
      let nameStart = lt + 1;
      const first = text.charCodeAt(nameStart);
      if (first === SLASH) continue; // a closing tag
      let nameEnd = first === 99 && !isWord(text.charCodeAt(nameStart + 1)) ? nameStart + 1 : wordEnd(text, nameStart);
      if (text.charCodeAt(nameEnd) === COLON && nameEnd > nameStart) { nameStart = nameEnd + 1; nameEnd = wordEnd(text, nameStart); }
      if (nameEnd === n) { if (final) return n; return lt; } // cut by the chunk boundary
      const length = nameEnd - nameStart;
      const isRow = length === 3 && text.startsWith('row', nameStart);
      if (!isRow && !(length === 1 && text.charCodeAt(nameStart) === 99)) continue;
      const after = text.charCodeAt(nameEnd);
      if (!(after === GT || after === SLASH || isSpace(after))) continue;
      const gt = text.indexOf('>', nameEnd);
      if (gt === -1) { if (final) return n; return lt; }
      const selfClosing = text.charCodeAt(gt - 1) === SLASH && gt - 1 >= nameEnd;
      readAttributes(text, nameEnd, selfClosing ? gt - 1 : gt, attrs);
      p = gt + 1;
      if (isRow) {
        let index = nextRow;
        const r = attrs.rFrom >= 0 ? numberAt(text, attrs.rFrom, attrs.rTo) : attrs.r !== undefined ? Number(attrs.r) : NaN;
        if (Number.isInteger(r) && r >= 1 && r <= MAX_ROWS) index = r - 1;
        const hidden = attrs.hidden === '1' || attrs.hidden === 'true';
        startRow({ index, hidden, keys: [], values: [] });
        nextRow = index + 1;
        nextCol = 0;
        done = p;
        continue;
      }
      const type = attrs.t ?? 'n';
      const style = attrs.sFrom >= 0 ? numberAt(text, attrs.sFrom, attrs.sTo) || 0 : attrs.s !== undefined ? Number(attrs.s) || 0 : 0;
      const ref = attrs.rFrom >= 0 ? packedRefAt(text, attrs.rFrom, attrs.rTo) : attrs.r !== undefined ? packedRefAt(attrs.r, 0, attrs.r.length) : -1;
      if (selfClosing) { addCell(ref, style, cellValue(type, style, '', reading)); done = p; continue; }
      // The common cell, <c ...><v>raw</v></c>, is read in place; any other by the regular expressions.
      const vEnd = text.charCodeAt(gt + 1) === 60 && text.charCodeAt(gt + 2) === 118 && text.charCodeAt(gt + 3) === GT ? text.indexOf('<', gt + 4) : -1;
      if (vEnd !== -1 && text.startsWith('</v></c>', vEnd)) {
        // A shared string's index or a whole number is read where it stands; anything else is cut out for rawValue.
        const whole = (type === 's' || type === 'n') && vEnd > gt + 4 ? integerAt(text, gt + 4, vEnd) : NaN;
        addCell(ref, style, whole !== whole ? rawValue(type, style, text.slice(gt + 4, vEnd), reading)
          : type === 's' ? parts.sharedStrings[whole] ?? '' : numberValue(whole, style, reading));
        p = vEnd + 8;
        done = p;
        continue;
      }
      const end = findCellEnd(text, gt + 1);
      if (end === null) {
        if (final) throw new Error('unclosed cell');
        return lt; // the cell continues in the next chunk
      }
      addCell(ref, style, cellValue(type, style, text.slice(gt + 1, end[0]), reading));
      p = end[1];
      done = p;
    }
  };

  const it = chunks[Symbol.asyncIterator]();
  for (let next = await it.next(); !next.done; next = await it.next()) {
    let text = tail + decoder.decode(next.value, { stream: true });
    if (!inData) {
      const start = SHEET_DATA.exec(text);
      if (start === null) { tail = text.slice(-200); continue; }
      inData = true;
      if (start[1] === '/') { after = text.slice(start.index); tail = ''; break; }
      text = text.slice(start.index + start[0].length);
    }
    const close = findClosingTag(text, 0, 'sheetData');
    if (close !== null) {
      scan(text.slice(0, close[0]), 0, true);
      after = text.slice(close[0]);
      tail = '';
      break;
    }
    tail = text.slice(scan(text, 0, false));
  }
  if (tail !== '' && inData) scan(tail, 0, true); // a sheet cut short: keep what it holds
  closeRow();
  // mergeCells come after sheetData.
  for (let next = await it.next(); !next.done; next = await it.next()) after += decoder.decode(next.value, { stream: true });
  const merges: [number, number, number, number][] = [];
  for (const m of after.matchAll(MERGE)) {
    const a = parseRef(m[1]!);
    const b = m[2] !== undefined ? parseRef(m[2]) : a;
    if (a && b) merges.push([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
  }
  const columnCounts = new Map<number, number>();
  counts.forEach((count, col) => { if (count > 0) columnCounts.set(col, count); });
  for (const [col, count] of farCounts) columnCounts.set(col, count);
  return { rows: rows.filter((r) => r.keys.length > 0), columnCounts, merges };
}

/** The engine value of one cell from its type, style and inner XML. */
function cellValue(type: string, style: number, inner: string, reading: SheetReading): Cell {
  const v = inner === '' ? null : V.exec(inner);
  const raw = v ? v[1]! : null;
  if (type === 'inlineStr') {
    const is = IS.exec(inner);
    if (is) return runsText(is[1]!);
  }
  if (raw === null || raw === '') {
    // A formula whose result the file does not hold (written by a tool, never opened in Excel).
    return inner !== '' && F.test(inner) ? NOT_CALCULATED : '';
  }
  return rawValue(type, style, raw, reading);
}

/** The engine value of a cell whose <v> holds `raw` (inline strings aside). */
function rawValue(type: string, style: number, raw: string, reading: SheetReading): Cell {
  const { parts } = reading;
  if (raw === '') return '';
  switch (type) {
    case 's': return parts.sharedStrings[Number(raw)] ?? '';
    case 'str': case 'inlineStr': return cellString(raw);
    case 'b': return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e': return cellString(raw).trim();
    case 'd': return isoDate(cellString(raw)) ?? cellString(raw);
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return cellString(raw);
      return numberValue(n, style, reading);
    }
  }
}

/** A number cell's value: the number, or for a date-formatted style its Date (one per serial per sheet). */
function numberValue(n: number, style: number, reading: SheetReading): Cell {
  const { parts } = reading;
  if (parts.styleIsDate[style] !== true) return n;
  let date = reading.dates.get(n);
  if (date === undefined) { date = serialDate(n, parts.dateSystem); reading.dates.set(n, date); }
  return date ?? n;
}
