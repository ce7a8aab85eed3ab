/**
 * Writes .xlsx files byte by byte from their XML parts, so a test holds exactly the quirk Excel (or a
 * tool) writes: a cell in XFD1048576, inline strings with _x000D_, formulas without cached values,
 * hidden rows, t="d" dates, the 1904 date system. The zip is written by a small helper (deflate, CRC-32).
 */
import { writeFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';

/** One zip entry: a name and its content. */
export interface ZipPart { name: string; data: string | Buffer }

/** A zip archive of `parts` (deflated), as Excel writes one. */
export function zipBytes(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const packed = deflateRawSync(data);
    const name = Buffer.from(part.name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(0, 10); local.writeUInt32LE(crc, 14); local.writeUInt32LE(packed.length, 18); local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26); local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(20, 6); central.writeUInt16LE(0, 8);
    central.writeUInt16LE(8, 10); central.writeUInt32LE(0, 12); central.writeUInt32LE(crc, 16); central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28); central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(parts.length, 8); end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** One worksheet: its tab name and the XML inside <sheetData> (plus anything after it, e.g. <mergeCells>). */
export interface SheetXml { name: string; rows: string; after?: string }

/** What a workbook holds beyond its sheets. */
export interface WorkbookXml {
  sheets: SheetXml[];
  /** <si> items of the shared string table, as XML (e.g. "<t>Acme</t>"). */
  sharedStrings?: string[];
  /** The <numFmts> and <cellXfs> of styles.xml; default: style 0 General, style 1 m/d/yyyy (id 14). */
  styles?: string;
  /** Attributes of <workbookPr>, e.g. 'date1904="1"'. */
  workbookPr?: string;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DEFAULT_STYLES = '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$€-407]#,##0.00"/></numFmts>'
  + '<cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="14" fontId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" applyNumberFormat="1"/></cellXfs>';

/** The parts of a workbook, as Excel lays them out. */
export function workbookParts(book: WorkbookXml): ZipPart[] {
  const sheets = book.sheets.map((s, i) => ({ ...s, path: `worksheets/sheet${i + 1}.xml`, id: `rId${i + 1}` }));
  const sst = book.sharedStrings ?? [];
  return [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/></Types>' },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}><workbookPr ${book.workbookPr ?? ''}/><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="${s.id}"/>`).join('')}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s) => `<Relationship Id="${s.id}" Type="${REL}/worksheet" Target="${s.path}"/>`).join('')}<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${REL}/styles" Target="styles.xml"/></Relationships>` },
    { name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">${sst.map((t) => `<si>${t}</si>`).join('')}</sst>` },
    { name: 'xl/styles.xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet ${NS}>${book.styles ?? DEFAULT_STYLES}</styleSheet>` },
    ...sheets.map((s) => ({ name: `xl/${s.path}`, data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>` })),
  ];
}

/** Writes the workbook to `file` and returns the path. */
export function writeXlsx(file: string, book: WorkbookXml): string {
  writeFileSync(file, zipBytes(workbookParts(book)));
  return file;
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline-string and number cells from A (strings as t="inlineStr", numbers plain; null skips a cell). */
export function rowXml(row: number, cells: readonly (string | number | null)[], attrs = ''): string {
  const xml = cells.map((value, i) => {
    if (value === null) return '';
    const ref = `${String.fromCharCode(65 + i)}${row}`;
    return typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
  }).join('');
  return `<row r="${row}"${attrs ? ` ${attrs}` : ''}>${xml}</row>`;
}
