/** The small parts of an .xlsx around its sheets: the tab list and date system (workbook.xml), shared strings, and which cell styles are dates. */
import type { DateSystem } from '../../core';
import type { ZipArchive } from './zipArchive';
import { attribute, decodeEntities, runsText } from './xmlText';

/** One worksheet of the workbook, in tab order. */
export interface SheetPart {
  name: string;
  /** Path of its XML inside the archive. */
  path: string;
}

/** What the sheets need from the rest of the workbook. */
export interface WorkbookParts {
  sheets: SheetPart[];
  dateSystem: DateSystem;
  sharedStrings: string[];
  /** Per cell style index (the `s` attribute): its number format code ("General", "m/d/yyyy", "[$€-407]#,##0.00"). */
  styleFormats: string[];
  /** Per cell style index: true when its number format shows a date or time. */
  styleIsDate: boolean[];
  /** Per cell style index: true when its number format shows a currency (filled by the reader that needs it). */
  styleShowsCurrency: boolean[];
}

/** Excel's built-in number formats (ECMA-376 18.8.30) that a file names by id alone. */
const BUILT_IN: ReadonlyMap<number, string> = new Map([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'], [11, '0.00E+00'], [12, '# ?/?'],
  [13, '# ??/??'], [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'], [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'], [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00;(#,##0.00)'],
  [40, '#,##0.00;[Red](#,##0.00)'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'], [49, '@'],
]);
/** Ids that are dates in the East Asian locales' built-in tables (their codes are not in the file). */
const LOCALE_DATE_IDS = new Set([27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** True when a number format code shows a date or a time (quoted text, escapes and [colour]/[$locale] parts ignored). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/[_*]./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '');
  const firstSection = bare.split(';')[0] ?? '';
  return /[dmyhs]/i.test(firstSection) && !/^general$/i.test(firstSection.trim());
}

const TAG = (name: string): RegExp => new RegExp(`<(?:\\w+:)?${name}\\b([^>]*?)\\/?>`, 'g');

/** Resolves a relationship target against the folder of the part that names it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

/** Relationship id -> { target path, type } of a part's .rels file. */
function relationships(zip: ZipArchive, part: string): Map<string, { path: string; type: string }> {
  const slash = part.lastIndexOf('/');
  const relsPath = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = zip.text(relsPath) ?? '';
  const out = new Map<string, { path: string; type: string }>();
  for (const m of xml.matchAll(TAG('Relationship'))) {
    const attrs = m[1] ?? '';
    const id = attribute(attrs, 'Id');
    const target = attribute(attrs, 'Target');
    if (id === undefined || target === undefined || attribute(attrs, 'TargetMode') === 'External') continue;
    out.set(id, { path: resolveTarget(part, target), type: attribute(attrs, 'Type') ?? '' });
  }
  return out;
}

/** Reads workbook.xml, its relationships, the shared strings and the styles. Throws when there is no workbook part. */
export function readWorkbookParts(zip: ZipArchive): WorkbookParts {
  const root = relationships(zip, '');
  const officeDocument = [...root.values()].find((r) => r.type.endsWith('/officeDocument'));
  const workbookPath = officeDocument?.path ?? 'xl/workbook.xml';
  const workbookXml = zip.text(workbookPath);
  if (workbookXml === null) throw new Error('no workbook part');
  const rels = relationships(zip, workbookPath);

  const pr = TAG('workbookPr').exec(workbookXml);
  const date1904 = pr ? attribute(pr[1] ?? '', 'date1904') : undefined;
  const dateSystem: DateSystem = date1904 === '1' || date1904 === 'true' ? 1904 : 1900;

  const sheets: SheetPart[] = [];
  for (const m of workbookXml.matchAll(TAG('sheet'))) {
    const attrs = m[1] ?? '';
    const rel = rels.get(attribute(attrs, 'id') ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets hold no cells
    sheets.push({ name: attribute(attrs, 'name') ?? '', path: rel.path });
  }

  const relOf = (suffix: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
  const sharedStrings = readSharedStrings(zip.text(relOf('/sharedStrings') ?? 'xl/sharedStrings.xml') ?? '');
  const { styleFormats, styleIsDate } = readStyles(zip.text(relOf('/styles') ?? 'xl/styles.xml') ?? '');
  return { sheets, dateSystem, sharedStrings, styleFormats, styleIsDate, styleShowsCurrency: [] };
}

/** The shared string table: each <si> item's text, runs joined. */
function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const item = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;
  for (let m = item.exec(xml); m !== null; m = item.exec(xml)) out.push(m[1] === undefined ? '' : runsText(m[1]));
  return out;
}

/** Number format code and date-ness per cell style (cellXfs order). */
function readStyles(xml: string): { styleFormats: string[]; styleIsDate: boolean[] } {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(TAG('numFmt'))) {
    const attrs = m[1] ?? '';
    const id = Number(attribute(attrs, 'numFmtId'));
    const code = attribute(attrs, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
  }
  const styleFormats: string[] = [];
  const styleIsDate: boolean[] = [];
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml);
  for (const m of (xfs?.[1] ?? '').matchAll(TAG('xf'))) {
    const id = Number(attribute(m[1] ?? '', 'numFmtId') ?? 0);
    const code = custom.get(id) ?? BUILT_IN.get(id) ?? (LOCALE_DATE_IDS.has(id) ? 'yyyy-mm-dd' : 'General');
    styleFormats.push(decodeEntities(code));
    styleIsDate.push(LOCALE_DATE_IDS.has(id) && !custom.has(id) ? true : isDateFormat(code));
  }
  return { styleFormats, styleIsDate };
}
