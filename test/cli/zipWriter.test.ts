/** The streaming zip writer: what it writes, copies and deflates piece by piece reads back byte for byte, CRCs checked, in three unzippers. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ZipArchive } from '../../src/cli/xlsx/zipArchive';
import { crc32, tableCrc32, ZipWriter } from '../../src/cli/xlsx/zipWriter';
import { tempDir } from './cliHarness';

const dir = tempDir('pa-zip-');

/** Sheet-like text, different in every piece, with characters outside ASCII. */
const piece = (i: number): string => Array.from({ length: 2000 }, (_, r) => `<row r="${i * 2000 + r}"><c t="str"><v>Zürich €${(r * 7919) % 10007} — ${i}</v></c></row>`).join('');

async function writeArchive(file: string): Promise<{ sheet: string; small: string }> {
  const source = new ZipWriter(path.join(dir, 'source.zip'));
  await source.addText('docProps/app.xml', '<Properties>copied through</Properties>');
  await source.close();
  const copied = new ZipArchive(readFileSync(path.join(dir, 'source.zip'))).entry('docProps/app.xml')!;

  const zip = new ZipWriter(file);
  const small = '<?xml version="1.0"?><workbook>Ünïcode</workbook>';
  await zip.addText('xl/workbook.xml', small);
  await zip.addRaw('docProps/app.xml', copied);
  const entry = await zip.addStream('xl/worksheets/sheet1.xml');
  let sheet = '';
  for (let i = 0; i < 40; i++) { const text = piece(i); sheet += text; await entry.write(text); }
  await entry.end();
  await zip.addText('[Content_Types].xml', '<Types/>');
  await zip.close();
  return { sheet, small };
}

describe('ZipWriter', () => {
  it('writes entries that read back exactly, a streamed one from forty separately deflated pieces', async () => {
    const file = path.join(dir, 'out.zip');
    const { sheet, small } = await writeArchive(file);
    const bytes = readFileSync(file);
    const ours = new ZipArchive(bytes);
    expect(ours.names()).toEqual(['xl/workbook.xml', 'docProps/app.xml', 'xl/worksheets/sheet1.xml', '[Content_Types].xml']);
    expect(ours.text('xl/worksheets/sheet1.xml')).toBe(sheet);
    expect(ours.text('xl/workbook.xml')).toBe(small);
    expect(ours.text('docProps/app.xml')).toBe('<Properties>copied through</Properties>');
    const entry = ours.entry('xl/worksheets/sheet1.xml')!;
    expect(entry.size).toBe(Buffer.byteLength(sheet));
    expect(entry.crc).toBe(crc32(Buffer.from(sheet)));
    expect(entry.compressedSize).toBeLessThan(entry.size / 4);
    // JSZip checks every entry's CRC-32; unzip -t tests the archive as Info-ZIP reads it.
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.file('xl/worksheets/sheet1.xml')!.async('string')).toBe(sheet);
    expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
  });

  it('computes the CRC-32 zip uses, piece by piece, natively and from its table alike', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('6789'), crc32(Buffer.from('12345')))).toBe(0xcbf43926);
    const text = Buffer.from(piece(3));
    expect(tableCrc32(text.subarray(100), tableCrc32(text.subarray(0, 100)))).toBe(crc32(text));
  });
});
