/** Reading the deals table (SPEC 2.1): header detection, synonyms, explicit mapping, multi-partner cells. */
import { analyze, AttributionError, toSummaryJson } from '../../src/core';
import { splitPartners } from '../../src/core/table/splitPartners';
import { table } from './dealGrid';

describe('header detection', () => {
  it('finds the header below a title block and reports real sheet rows', () => {
    const grid = [
      ['Q1 pipeline export'], ['Exported 2024-04-01'], [],
      ['Opportunity ID', 'Stage Name', 'Amount'],
      ['A-1', 'Closed Won', 100],
    ];
    const analysis = analyze({ deals: grid });
    const { table: t } = analysis;
    const summary = toSummaryJson(analysis);
    expect(t.headerIndex).toBe(3);
    expect(summary.deals[0]!.row).toBe(5);
  });

  it('only looks at the first 10 non-blank rows', () => {
    const title = Array.from({ length: 10 }, (_, i) => [`note ${i}`]);
    expect(() => analyze({ deals: [...title, ['Deal ID', 'Amount'], ['1', 5]] })).toThrow(/No header row found/);
  });

  it('matches headers ignoring case, spaces, underscores and punctuation', () => {
    const { table: t } = analyze({ deals: table(['opportunity_id', 'deal_stage', 'close_value', 'ENGAGE DATE', 'Close-Date'], ['x', 'Won', 1, '', '']) });
    expect(t.columns).toMatchObject({ id: 0, stage: 1, amount: 2, created: 3, closeDate: 4 });
  });

  it('prefers "Amount (Converted)" over "Amount" when both are present', () => {
    const summary = toSummaryJson(analyze({ deals: table(['Deal ID', 'Stage', 'Amount', 'Amount (Converted)'], ['1', 'Won', 100, 110]) }));
    expect(summary.totals.revenue).toBe(110);
  });

  it('lets an explicit mapping win over detection, by header or by column index, and unmap a field with null', () => {
    const grid = table(['Deal ID', 'Stage', 'Amount', 'Net Value', 'Partner'], ['1', 'Won', 100, 80, 'Acme']);
    expect(toSummaryJson(analyze({ deals: grid }, { mapping: { amount: 'Net Value' } })).totals.revenue).toBe(80);
    expect(toSummaryJson(analyze({ deals: grid }, { mapping: { amount: 3 } })).totals.revenue).toBe(80);
    expect(toSummaryJson(analyze({ deals: grid }, { mapping: { partner: null } })).deals[0]!.motion).toBe('direct');
  });

  it('reports two columns with the same name and uses the first', () => {
    const summary = toSummaryJson(analyze({ deals: table(['Deal ID', 'Stage', 'Amount', 'Amount'], ['1', 'Won', 100, 999]) }));
    expect(summary.totals.revenue).toBe(100);
    expect(summary.issues.map((i) => i.code)).toContain('HEADER_DUPLICATE');
  });

  it('skips fully blank rows silently and a totals row with a note', () => {
    const summary = toSummaryJson(analyze({ deals: table(['Deal ID', 'Stage', 'Amount'], ['1', 'Won', 100], ['', '', ''], [], ['Total', '', 100]) }));
    expect(summary.totals.deals).toBe(1);
    expect(summary.totals.revenue).toBe(100);
    expect(summary.issues.find((i) => i.code === 'TOTAL_ROW')?.row).toBe(5);
  });
});

describe('unusable tables get a clear message', () => {
  const code = (fn: () => unknown): string => {
    try { fn(); } catch (error) { return error instanceof AttributionError ? error.code : 'other'; }
    return 'none';
  };
  it('an empty range', () => expect(code(() => analyze({ deals: [] }))).toBe('EMPTY'));
  it('a range of blanks', () => expect(code(() => analyze({ deals: [['', null], [undefined]] }))).toBe('EMPTY'));
  it('a table with no known headers', () => expect(code(() => analyze({ deals: [['foo', 'bar'], [1, 2]] }))).toBe('NO_HEADER'));
  it('a table without an amount column', () => expect(code(() => analyze({ deals: [['Deal ID', 'Stage'], ['1', 'Won']] }))).toBe('NO_AMOUNT'));
  it('a mapping naming a missing header', () => expect(code(() => analyze({ deals: [['Deal ID', 'Amount']] }, { mapping: { stage: 'Phase' } }))).toBe('BAD_MAPPING'));
  it('a mapping with an out-of-range column', () => expect(code(() => analyze({ deals: [['Deal ID', 'Amount']] }, { mapping: { stage: 9 } }))).toBe('BAD_MAPPING'));
  it('a header row alone gives an empty report, not an error', () => {
    expect(toSummaryJson(analyze({ deals: [['Deal ID', 'Amount']] })).totals.deals).toBe(0);
  });
});

describe('cells naming several partners', () => {
  it.each([
    ['Globex; Initech', ['Globex', 'Initech']],
    ['Globex | Initech\nHooli', ['Globex', 'Initech', 'Hooli']],
    ['Globex, Initech', ['Globex', 'Initech']],
    ['Acme, Inc.', ['Acme, Inc.']],
    ['Acme, Inc., Globex', ['Acme, Inc.', 'Globex']],
    ['Umbrella, LLC; Acme Pty, Ltd', ['Umbrella, LLC', 'Acme Pty, Ltd']],
    ['  ', []],
  ])('splits %p into %p', (cell, expected) => expect(splitPartners(cell)).toEqual(expected));
});

describe('names with commas that the Partners directory knows', () => {
  it('keeps "Smith, Jones & Co." whole when the directory lists it', () => {
    const deals = table(['Deal ID', 'Stage', 'Amount', 'Influencing Partners'], ['1', 'Won', 100, 'Smith, Jones & Co.; Globex']);
    const partners = table(['Partner'], ['Smith, Jones & Co.']);
    expect(toSummaryJson(analyze({ deals, partners })).deals[0]!.influencers).toEqual(['Smith, Jones & Co.', 'Globex']);
    expect(toSummaryJson(analyze({ deals })).deals[0]!.influencers).toEqual(['Smith', 'Jones & Co.', 'Globex']);
  });
});
