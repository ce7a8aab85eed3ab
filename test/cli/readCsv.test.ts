/** The CSV reader: the files real exports produce read as the user sees them, and broken files give one clear message. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readCsv } from '../../src/cli/readCsv';
import { tempDir } from './cliHarness';

const dir = tempDir('pa-csv-');
const file = (name: string, content: string | Buffer): string => {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
};

describe('readCsv', () => {
  it('strips a byte-order mark so the first header still matches', () => {
    const grid = readCsv(file('bom.csv', '\uFEFFDeal ID,Amount\r\nD1,100\r\n'));
    expect(grid[0]).toEqual(['Deal ID', 'Amount']);
  });

  it('keeps quoted commas, quotes and line breaks inside one cell', () => {
    const grid = readCsv(file('quoted.csv', 'Deal ID,Partner,Note\n1,"Smith, Jones & Co.","said ""hi""\nthen left"\n'));
    expect(grid[1]).toEqual(['1', 'Smith, Jones & Co.', 'said "hi"\nthen left']);
  });

  it('reads CRLF line endings without leaving carriage returns in cells', () => {
    const grid = readCsv(file('crlf.csv', 'a,b\r\n1,2\r\n3,4\r\n'));
    expect(grid).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
  });

  it('reads semicolon-separated exports (European Excel) as columns', () => {
    const grid = readCsv(file('semi.csv', 'Deal ID;Amount;Partner\nD1;1.234,56;Acme, Inc.\n'));
    expect(grid[1]).toEqual(['D1', '1.234,56', 'Acme, Inc.']);
  });

  it('keeps rows with fewer or more cells than the header', () => {
    const grid = readCsv(file('ragged.csv', 'a,b,c\n1\n1,2,3,4\n'));
    expect(grid[1]).toEqual(['1']);
    expect(grid[2]).toEqual(['1', '2', '3', '4']);
  });

  it('reads UTF-16 files saved by Excel as "Unicode text"', () => {
    const text = '\uFEFFDeal ID\tAmount\r\nD1\t5\r\n';
    const grid = readCsv(file('utf16.txt', Buffer.from(text, 'utf16le')));
    expect(grid[0]).toEqual(['Deal ID', 'Amount']);
    expect(grid[1]).toEqual(['D1', '5']);
  });

  it('reads Windows-1252 text (accented partner names) without mangling it', () => {
    const grid = readCsv(file('ansi.csv', Buffer.from([...Buffer.from('Partner,Amount\nSoci'), 0xe9, 0x74, 0xe9, ...Buffer.from(',5\n')])));
    expect(grid[1]).toEqual(['Société', '5']);
  });

  it('names the line where an unbalanced quote opens', () => {
    const target = file('unbalanced.csv', 'Deal ID,Partner,Amount\nD1,Acme,100\nD2,"Globex,200\nD3,Initech,300\n');
    expect(() => readCsv(target)).toThrow(/quoted field starting on line 3 that is never closed/);
  });

  it('refuses binary data with a message saying it is not a CSV file', () => {
    const target = file('garbage.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x41, 0x42]));
    expect(() => readCsv(target)).toThrow(/is not a text \(CSV\) file/);
  });

  it('says an empty file is empty', () => {
    expect(() => readCsv(file('empty.csv', '\n \n'))).toThrow(/is empty/);
  });

  it('says a missing file does not exist', () => {
    expect(() => readCsv(path.join(dir, 'nope.csv'))).toThrow(/The file ".*nope\.csv" does not exist; check the path\./);
  });
});
