/** Decoding a text file's bytes: files made byte by byte as Windows Excel, Excel's "Unicode text" and damaged exports really write them. */
import { decodeText } from '../../src/cli/decodeText';

const ascii = (text: string): number[] => [...Buffer.from(text, 'latin1')];
const bytes = (...parts: (string | number | number[])[]): Buffer =>
  Buffer.from(parts.flatMap((p) => (typeof p === 'string' ? ascii(p) : typeof p === 'number' ? [p] : p)));
/** UTF-16LE / BE code units of ASCII text, written out by hand. */
const le = (text: string): number[] => [...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]);
const be = (text: string): number[] => [...text].flatMap((ch) => [ch.charCodeAt(0) >> 8, ch.charCodeAt(0) & 0xff]);

describe('decodeText', () => {
  it('decodes Windows-1252 with the Windows table: 0x80 is €, 0x92 is ’, 0x96 is –', () => {
    // "Partner,Amount" / "O’Brien – Soci(é)t(é),€ 1.200" as Excel on a Western Windows saves "CSV".
    const file = bytes('Partner,Note\r\nO', 0x92, 'Brien ', 0x96, ' Soci', 0xe9, 't', 0xe9, ',', 0x80, ' 1.200\r\n');
    const decoded = decodeText(file, 'deals.csv');
    expect(decoded.text).toBe('Partner,Note\r\nO’Brien – Société,€ 1.200\r\n');
    expect(decoded).toMatchObject({ encoding: 'Windows-1252', basis: 'guess', invalidBytes: false });
  });

  it('keeps every é of a UTF-8 file when one byte is damaged, and marks only that byte', () => {
    // Good UTF-8 "é" is C3 A9; one stray 0xE9 (a Latin-1 é pasted into the export) on the third line.
    const file = bytes('Partner,Amount\nSoci', [0xc3, 0xa9], 't', [0xc3, 0xa9], ',5\nCaf', 0xe9, ',7\nMoli', [0xc3, 0xa8], 're,9\n');
    const decoded = decodeText(file, 'deals.csv');
    expect(decoded.text).toBe('Partner,Amount\nSociété,5\nCaf\uFFFD,7\nMolière,9\n');
    expect(decoded).toMatchObject({ encoding: 'UTF-8', basis: 'utf8', invalidBytes: true });
  });

  it('decides for the whole file at once: ASCII lines first, Windows-1252 further down', () => {
    const head = 'Deal ID,Partner\n' + Array.from({ length: 3000 }, (_, i) => `D${i},Acme\n`).join('');
    const decoded = decodeText(bytes(head, 'D9,M', 0xfc, 'ller GmbH ', 0x96, ' B', 0xe4, 'ckerei Wei', 0xdf, '\n'), 'deals.csv');
    expect(decoded.text.endsWith('D9,Müller GmbH – Bäckerei Weiß\n')).toBe(true);
    expect(decoded.encoding).toBe('Windows-1252');
  });

  it('reads plain UTF-8 and UTF-8 with a BOM without calling it a guess', () => {
    expect(decodeText(bytes('Partner\nZ', [0xc3, 0xbc], 'rich\n'), 'a.csv')).toEqual({ text: 'Partner\nZürich\n', encoding: 'UTF-8', basis: 'utf8', invalidBytes: false });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Partner\n'), 'a.csv')).toMatchObject({ text: 'Partner\n', basis: 'bom' });
  });

  it('reads UTF-16LE with a BOM (Excel "Unicode text": tab-separated) and UTF-16BE with one', () => {
    expect(decodeText(bytes([0xff, 0xfe], le('Deal ID\tPartner\r\nD1\tAcme\r\n')), 'u.txt'))
      .toMatchObject({ text: 'Deal ID\tPartner\r\nD1\tAcme\r\n', encoding: 'UTF-16LE', basis: 'bom' });
    expect(decodeText(bytes([0xfe, 0xff], be('Deal ID,Partner\n')), 'u.csv'))
      .toMatchObject({ text: 'Deal ID,Partner\n', encoding: 'UTF-16BE', basis: 'bom' });
  });

  it('reads UTF-16 without a BOM from its zero bytes, and says it guessed', () => {
    // "Société" in UTF-16LE: é is E9 00.
    expect(decodeText(bytes(le('Partner\tAmount\nSoci'), [0xe9, 0x00], le('t'), [0xe9, 0x00], le('\t5\n')), 'u.txt'))
      .toMatchObject({ text: 'Partner\tAmount\nSociété\t5\n', encoding: 'UTF-16LE', basis: 'guess' });
    expect(decodeText(bytes(be('Partner,Amount\nAcme,5\n')), 'u.csv')).toMatchObject({ text: 'Partner,Amount\nAcme,5\n', encoding: 'UTF-16BE' });
  });

  it('reads a Polish export (Windows-1250) as chardet detects it, and says it guessed', () => {
    // Windows-1250 bytes of the Polish letters, from the code page chart.
    const CP1250: Record<string, number> = { 'ę': 0xea, 'ł': 0xb3, 'Ł': 0xa3, 'ó': 0xf3, 'ź': 0x9f, 'ś': 0x9c, 'Ś': 0x8c, 'ą': 0xb9, 'ż': 0xbf, 'Ż': 0xaf, 'ń': 0xf1 };
    const text = 'Partner;Kwota;Miasto\nPrzedsiębiorstwo Handlowe Łódź Sp. z o.o.;5;Łódź\nZakłady Mięsne Śląsk S.A.;8;Katowice\n'
      + 'Żabka Polska Sp. z o.o.;12;Poznań\nSpółdzielnia Mleczarska Mlekovita;3;Wysokie Mazowieckie\nBiuro Rachunkowe Józef Wąsik;4;Kraków\n'
      + 'Gdańskie Zakłady Nawozów Fosforowych;9;Gdańsk\n';
    const file = Buffer.from([...text].map((ch) => CP1250[ch] ?? ch.charCodeAt(0)));
    expect(file.every((b) => b < 0x80 || Object.values(CP1250).includes(b))).toBe(true);
    const decoded = decodeText(file, 'pl.csv');
    expect(decoded).toMatchObject({ text, encoding: 'Windows-1250', basis: 'guess' });
  });

  it('refuses binary data', () => {
    expect(() => decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x41, 0x42]), 'x.csv')).toThrow(/is not a text \(CSV\) file/);
  });
});
