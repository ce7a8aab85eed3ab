/**
 * The reference for src/cli/xlsx/scanSheet.ts: the regular-expression scanner it replaced (kept as it
 * was, imports aside; its types and parseRef come from scanSheet.ts, which kept them unchanged), so a
 * test can show the hand-written one reads every sheet the same.
 *
 * Reads one worksheet's XML as a stream, row by row, into its used cells (sparse: a far-away cell costs
 * one entry, not a row 16,384 cells wide), with each row's hidden flag, the merged ranges and each
 * number cell's style.
 */
import type { Cell } from '../../../src/core';
import { NOT_CALCULATED } from '../../../src/core';
import type { WorkbookParts } from '../../../src/cli/xlsx/workbookParts';
import { cellString, runsText } from '../../../src/cli/xlsx/xmlText';
import { serialDate, isoDate } from '../../../src/cli/xlsx/sheetDates';
import { parseRef } from '../../../src/cli/xlsx/scanSheet';
import type { ScannedRow, ScannedSheet } from '../../../src/cli/xlsx/scanSheet';

const MAX_ROWS = 1_048_576;

// Tags in sheetData: rows and cells (with an optional namespace prefix, as some writers use).
const TAG = /<(?:\w+:)?(row|c)(?=[\s/>])([^>]*?)(\/?)>/g;
const CELL_END = /<\/(?:\w+:)?c>/g;
const ATTR = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const V = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const F = /<(?:\w+:)?f\b/;
const IS = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"([A-Za-z]+\d+)(?::([A-Za-z]+\d+))?"/g;

/** Scans a sheet's XML chunks (UTF-8) into its used cells. */
export async function regexScanSheet(chunks: AsyncIterable<Buffer>, parts: WorkbookParts): Promise<ScannedSheet> {
  const rows: ScannedRow[] = [];
  const columnCounts = new Map<number, number>();
  let current: ScannedRow | null = null;
  let nextRow = 0;
  let nextCol = 0;
  let tail = '';
  let inData = false;
  let after = '';
  const decoder = new TextDecoder('utf-8');

  const addCell = (attrs: string, inner: string): void => {
    let ref: string | undefined; let type = 'n'; let style = 0;
    ATTR.lastIndex = 0;
    for (let m = ATTR.exec(attrs); m !== null; m = ATTR.exec(attrs)) {
      const value = m[2] ?? m[3] ?? '';
      if (m[1] === 'r') ref = value; else if (m[1] === 't') type = value; else if (m[1] === 's') style = Number(value) || 0;
    }
    const at = ref !== undefined ? parseRef(ref) : null;
    const col = at ? at[1] : nextCol;
    nextCol = col + 1;
    if (current === null || (at !== null && at[0] !== current.index)) {
      current = { index: at ? at[0] : nextRow, hidden: false, keys: [], values: [] };
      nextRow = current.index + 1;
      rows.push(current);
    }
    const value = cellValue(type, style, inner, parts);
    if (value === '' || value === null) return;
    current.keys.push(col * 65_536 + Math.min(style, 65_535));
    current.values.push(value);
    columnCounts.set(col, (columnCounts.get(col) ?? 0) + 1);
  };

  /** Handles every complete row in `text` from `from`; returns where the unfinished part starts. */
  const scan = (text: string, from: number, final: boolean): number => {
    TAG.lastIndex = from;
    let done = from;
    for (let m = TAG.exec(text); m !== null; m = TAG.exec(text)) {
      const [whole, name, attrs = '', selfClosing] = m;
      if (name === 'row') {
        ATTR.lastIndex = 0;
        let index = nextRow; let hidden = false;
        for (let a = ATTR.exec(attrs); a !== null; a = ATTR.exec(attrs)) {
          const value = a[2] ?? a[3] ?? '';
          if (a[1] === 'r') { const n = Number(value); if (Number.isInteger(n) && n >= 1 && n <= MAX_ROWS) index = n - 1; }
          else if (a[1] === 'hidden') hidden = value === '1' || value === 'true';
        }
        current = { index, hidden, keys: [], values: [] };
        rows.push(current);
        nextRow = index + 1;
        nextCol = 0;
        done = m.index + whole.length;
        continue;
      }
      if (selfClosing === '/') { addCell(attrs, ''); done = m.index + whole.length; continue; }
      CELL_END.lastIndex = m.index + whole.length;
      const end = CELL_END.exec(text);
      if (end === null) {
        if (final) throw new Error('unclosed cell');
        return m.index; // the cell continues in the next chunk
      }
      addCell(attrs, text.slice(m.index + whole.length, end.index));
      TAG.lastIndex = end.index + end[0].length;
      done = TAG.lastIndex;
    }
    return final ? text.length : Math.max(done, lastTagStart(text, done));
  };

  const it = chunks[Symbol.asyncIterator]();
  for (let next = await it.next(); !next.done; next = await it.next()) {
    let text = tail + decoder.decode(next.value, { stream: true });
    if (!inData) {
      const start = /<(?:\w+:)?sheetData\b[^>]*?(\/?)>/.exec(text);
      if (start === null) { tail = text.slice(-200); continue; }
      inData = true;
      if (start[1] === '/') { after = text.slice(start.index); tail = ''; break; }
      text = text.slice(start.index + start[0].length);
    }
    const close = /<\/(?:\w+:)?sheetData>/.exec(text);
    if (close !== null) {
      scan(text.slice(0, close.index), 0, true);
      after = text.slice(close.index);
      tail = '';
      break;
    }
    tail = text.slice(scan(text, 0, false));
  }
  if (tail !== '' && inData) scan(tail, 0, true); // a sheet cut short: keep what it holds
  // mergeCells come after sheetData.
  for (let next = await it.next(); !next.done; next = await it.next()) after += decoder.decode(next.value, { stream: true });
  const merges: [number, number, number, number][] = [];
  for (const m of after.matchAll(MERGE)) {
    const a = parseRef(m[1]!);
    const b = m[2] !== undefined ? parseRef(m[2]) : a;
    if (a && b) merges.push([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
  }
  return { rows: rows.filter((r) => r.keys.length > 0), columnCounts, merges };
}

/** Where an unfinished tag at the end of `text` starts (so a tag cut by the chunk boundary is scanned whole next time). */
function lastTagStart(text: string, done: number): number {
  const lt = text.lastIndexOf('<');
  return lt >= done && text.indexOf('>', lt) < 0 ? lt : text.length;
}

/** The engine value of one cell from its type, style and inner XML. */
function cellValue(type: string, style: number, inner: string, parts: WorkbookParts): Cell {
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
  switch (type) {
    case 's': return parts.sharedStrings[Number(raw)] ?? '';
    case 'str': case 'inlineStr': return cellString(raw);
    case 'b': return raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
    case 'e': return cellString(raw).trim();
    case 'd': return isoDate(cellString(raw)) ?? cellString(raw);
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return cellString(raw);
      return parts.styleIsDate[style] === true ? serialDate(n, parts.dateSystem) ?? n : n;
    }
  }
}
