/** The fast CSV path gives exactly csv-parse's rows (readCsv's options), or declines so csv-parse decides. */
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { parsePlainCsv } from '../../src/cli/parsePlainCsv';

const csvParse = (text: string, delimiter: string): string[][] | 'error' => {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }) as string[][];
  } catch {
    return 'error';
  }
};

describe('parsePlainCsv', () => {
  it('reads a Salesforce-style CRLF export with quoted names, commas and line breaks in cells', () => {
    const text = 'Opportunity ID,Opportunity Name,Amount\r\nOPP-1,"Acme, Inc. - Renewal","$1,200.50"\r\nOPP-2,"Note ""big""\nsecond line",300\r\n';
    expect(parsePlainCsv(text, ',')).toEqual([['Opportunity ID', 'Opportunity Name', 'Amount'],
      ['OPP-1', 'Acme, Inc. - Renewal', '$1,200.50'], ['OPP-2', 'Note "big"\nsecond line', '300']]);
  });

  it('keeps empty lines and a last line without a line end as csv-parse does', () => {
    const text = 'Deal ID;Amount\n\nD1;1.200,50\nD2;';
    expect(parsePlainCsv(text, ';')).toEqual(csvParse(text, ';'));
    expect(parsePlainCsv(text, ';')).toEqual([['Deal ID', 'Amount'], [''], ['D1', '1.200,50'], ['D2', '']]);
  });

  it('declines a quote inside a plain field, text after a closing quote and an unclosed quote', () => {
    expect(parsePlainCsv('a,5" screen,b\n', ',')).toBeNull();
    expect(parsePlainCsv('a,"x"y,b\n', ',')).toBeNull();
    expect(parsePlainCsv('a,"never closed\nb,c\n', ',')).toBeNull();
  });

  it('agrees with csv-parse on random text whenever it answers', () => {
    const alphabet = fc.constantFrom('a', 'é', ' ', ',', ';', '\t', '"', '\n', '\r', '\r\n', '""', 'x"');
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (parts, delimiter) => {
      const text = parts.join('');
      if (text === '') return;
      const fast = parsePlainCsv(text, delimiter);
      if (fast === null) return;
      expect(fast).toEqual(csvParse(text, delimiter));
    }), { numRuns: 20_000 });
  });

  it('answers for most well-formed random exports (the fast path is really taken)', () => {
    let answered = 0;
    fc.assert(fc.property(fc.array(fc.array(fc.oneof(fc.stringMatching(/^[a-z ,]{0,6}$/), fc.stringMatching(/^[a-z]{0,6}$/)), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
      fc.boolean(), (rows, crlf) => {
        const text = rows.map((r) => r.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',')).join(crlf ? '\r\n' : '\n');
        const fast = parsePlainCsv(text, ',');
        if (fast !== null) { answered += 1; expect(fast).toEqual(csvParse(text, ',')); }
      }), { numRuns: 2_000 });
    expect(answered).toBeGreaterThan(1_900);
  });
});
