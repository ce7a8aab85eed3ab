/**
 * Adds charts to a finished .xlsx (ExcelJS cannot write them): per sheet a drawing with a graphic frame
 * per chart, the chart parts, their relationships, the content types and the sheet's <drawing r:id>.
 * Only the workbook's small parts and the charted sheets are read as text; every other entry (the
 * Deal Attribution sheet can be hundreds of megabytes) is copied through still compressed, untouched.
 */
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { XlsxChart } from './XlsxChart';
import { chartXml, xmlEscape } from './chartXml';
import { drawingXml } from './drawingXml';
import { attribute } from './xmlText';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** Worksheet elements that come after <drawing> in the schema's order. */
const AFTER_DRAWING = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

/** Thrown when the package is not laid out as an .xlsx writer leaves it. */
export class AddChartsError extends Error {}

/** The parts of a finished package that adding charts reads: which names it holds, and a part's text. */
export interface PackageParts {
  has(name: string): boolean;
  text(name: string): Promise<string | null>;
}

const jszipParts = (zip: JSZip): PackageParts => ({
  has: (name) => zip.file(name) !== null,
  text: async (name) => {
    const entry = zip.file(name);
    return entry ? entry.async('string') : null;
  },
});

/** The relationships of a part as (id, type, target), in order. */
const relationships = (xml: string): { id: string; type: string; target: string }[] =>
  [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({
    id: attribute(m[1]!, 'Id') ?? '', type: attribute(m[1]!, 'Type') ?? '', target: attribute(m[1]!, 'Target') ?? '',
  }));

const relsXml = (rels: readonly { id: string; type: string; target: string }[]): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">`
  + rels.map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"/>`).join('')
  + '</Relationships>';

/** "xl/worksheets/_rels/sheet1.xml.rels" for "xl/worksheets/sheet1.xml". */
const relsPath = (part: string): string => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** The path of each sheet's part, by tab name, from the workbook and its relationships. */
async function sheetParts(pkg: PackageParts): Promise<Map<string, string>> {
  const workbook = await pkg.text('xl/workbook.xml');
  const rels = await pkg.text('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new AddChartsError('the workbook part or its relationships are missing');
  const targets = new Map(relationships(rels).map((r) => [r.id, r.target]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attribute(m[1]!, 'name');
    const target = targets.get(attribute(m[1]!, 'id') ?? '');
    if (name === undefined || target === undefined) continue;
    parts.set(name, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** The first number n with no part `${prefix}${n}.xml` in the package. */
const freeNumber = (pkg: PackageParts, prefix: string, taken: Set<number>): number => {
  let n = 1;
  while (taken.has(n) || pkg.has(`${prefix}${n}.xml`)) n++;
  taken.add(n);
  return n;
};

/** The sheet XML with a <drawing r:id> where the schema wants it, and the r namespace declared. */
function withDrawing(sheet: string, id: string, part: string): string {
  if (/<drawing\b/.test(sheet)) throw new AddChartsError(`${part} already has a drawing`);
  const at = AFTER_DRAWING.exec(sheet);
  if (!at) throw new AddChartsError(`${part} is not a complete worksheet`);
  let xml = `${sheet.slice(0, at.index)}<drawing r:id="${id}"/>${sheet.slice(at.index)}`;
  if (!/<worksheet\b[^>]*\bxmlns:r=/.test(xml)) xml = xml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  return xml;
}

/**
 * The parts to add to a finished package, or to put in place of its own, so that it shows `charts`:
 * the chart and drawing parts, their relationships, the charted sheets (with their <drawing r:id>) and
 * the content types. Throws AddChartsError when a chart's sheet is not in the workbook.
 */
export async function chartEdits(pkg: PackageParts, charts: readonly XlsxChart[]): Promise<Map<string, string>> {
  const edits = new Map<string, string>();
  if (charts.length === 0) return edits;
  const parts = await sheetParts(pkg);
  const bySheet = new Map<string, XlsxChart[]>();
  for (const chart of charts) bySheet.set(chart.sheet, [...(bySheet.get(chart.sheet) ?? []), chart]);
  const overrides: string[] = [];
  const chartNumbers = new Set<number>();
  const drawingNumbers = new Set<number>();
  for (const [sheet, sheetCharts] of bySheet) {
    const part = parts.get(sheet);
    const sheetXml = part === undefined ? null : await pkg.text(part);
    if (part === undefined || sheetXml === null) throw new AddChartsError(`no sheet named "${sheet}" in the workbook`);
    const drawing = freeNumber(pkg, 'xl/drawings/drawing', drawingNumbers);
    const drawingRels = sheetCharts.map((chart, i) => {
      const n = freeNumber(pkg, 'xl/charts/chart', chartNumbers);
      edits.set(`xl/charts/chart${n}.xml`, chartXml(chart));
      overrides.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CHART_TYPE}"/>`);
      return { id: `rId${i + 1}`, type: `${REL}/chart`, target: `../charts/chart${n}.xml` };
    });
    edits.set(`xl/drawings/drawing${drawing}.xml`, drawingXml(sheetCharts));
    edits.set(`xl/drawings/_rels/drawing${drawing}.xml.rels`, relsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="${DRAWING_TYPE}"/>`);
    const sheetRels = relationships((await pkg.text(relsPath(part))) ?? '');
    const ids = new Set(sheetRels.map((r) => r.id));
    let k = sheetRels.length + 1;
    while (ids.has(`rId${k}`)) k++;
    sheetRels.push({ id: `rId${k}`, type: `${REL}/drawing`, target: `../drawings/drawing${drawing}.xml` });
    edits.set(relsPath(part), relsXml(sheetRels));
    edits.set(part, withDrawing(sheetXml, `rId${k}`, part));
  }
  const types = await pkg.text('[Content_Types].xml');
  if (types === null || !types.includes('</Types>')) throw new AddChartsError('the package has no content types');
  edits.set('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  return edits;
}

/**
 * Adds `charts` to the .xlsx at `file`, rewriting it in place (through a temporary file beside it, renamed
 * over it when complete). Does nothing when there are no charts. Throws AddChartsError when a chart's sheet
 * is not in the workbook.
 */
export async function addCharts(file: string, charts: readonly XlsxChart[]): Promise<void> {
  if (charts.length === 0) return;
  const zip = await JSZip.loadAsync(await readFile(file));
  for (const [name, xml] of await chartEdits(jszipParts(zip), charts)) zip.file(name, xml, { createFolders: false });
  const temp = `${file}.charts-${process.pid}`;
  try {
    // Entries not replaced above keep their deflated bytes: JSZip copies them through without inflating.
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }), createWriteStream(temp));
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
