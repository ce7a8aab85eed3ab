/**
 * Partner names in cells (SPEC 2.1, issue 13): single-partner columns keep commas, lists split on
 * them unless the piece is a legal suffix or region word or the joined name is known, and keys use NFKC.
 */
import fc from 'fast-check';
import { analyze, toSummaryJson } from '../../src/core';
import { partnerKey } from '../../src/core/partners/partnerKey';
import { splitPartners, isQualifierPiece } from '../../src/core/table/splitPartners';
import { table } from './dealGrid';

const SALESFORCE = ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Reseller', 'Influencing Partners'];

describe('a Salesforce export whose resellers have commas in their names', () => {
  const deals = table(SALESFORCE,
    ['006Hs00001AbCdE', 'Northwind renewal', 'Closed Won', 12000, '2025-03-31', 'Contoso Ltd., North', ''],
    ['006Hs00001AbCdF', 'Tailspin expansion', 'Closed Won', 8000, '2025-04-15', 'Contoso Ltd., South', 'Contoso Ltd., North, Fabrikam'],
    ['006Hs00001AbCdG', 'Litware pilot', 'Negotiation', 5000, '2025-06-30', 'Contoso Ltd., North', 'Fabrikam, Inc., Adatum'],
  );
  const summary = toSummaryJson(analyze({ deals }));

  it('reads "Contoso Ltd., North" and "Contoso Ltd., South" as two resellers, not four partners', () => {
    expect(summary.deals.map((d) => d.reseller)).toEqual(['Contoso Ltd., North', 'Contoso Ltd., South', 'Contoso Ltd., North']);
    const names = summary.partners.map((p) => p.partner).sort();
    // "Fabrikam" and "Fabrikam, Inc." are one partner (one key), shown as first written.
    expect(names).toEqual(['Adatum', 'Contoso Ltd., North', 'Contoso Ltd., South', 'Fabrikam']);
    expect(names).not.toContain('North');
    expect(names).not.toContain('Contoso Ltd.');
  });

  it('keeps a reseller name whole inside an Influencing Partners list, and "Fabrikam, Inc." one partner', () => {
    expect(summary.deals[1]!.influencers).toEqual(['Contoso Ltd., North', 'Fabrikam']);
    expect(summary.deals[2]!.influencers).toEqual(['Fabrikam', 'Adatum']);
    expect(splitPartners('Fabrikam, Inc., Adatum', 'multi')).toEqual(['Fabrikam, Inc.', 'Adatum']);
  });

  it('credits each reseller with its own deals', () => {
    const north = summary.partners.find((p) => p.partner === 'Contoso Ltd., North')!;
    const south = summary.partners.find((p) => p.partner === 'Contoso Ltd., South')!;
    expect(north.resoldRevenue).toBe(12000);
    expect(south.resoldRevenue).toBe(8000);
  });
});

describe('single-partner columns', () => {
  it.each([
    ['Partner', 'Globex | Initech', ['Globex | Initech']],
    ['Sourcing Partner', 'Smith, Jones & Co.', ['Smith, Jones & Co.']],
    ['Registered By', 'Wayne Enterprises, EMEA', ['Wayne Enterprises, EMEA']],
    ['Implementation Partner', 'Globex, Initech', ['Globex, Initech']],
  ])('a %s cell %p is split only on ";" and line breaks', (_header, cell, expected) => {
    expect(splitPartners(cell, 'single')).toEqual(expected);
    expect(splitPartners(`${cell};\nHooli`, 'single')).toEqual([...expected, 'Hooli']);
  });

  it.each(['Partner', 'Sourcing Partner', 'Reseller'])('a %s column makes one partner of "Globex | Initech" and of "Contoso Ltd., North"', (header) => {
    const deals = table(['Deal ID', 'Stage', 'Amount', header, 'Partner Role'],
      ['1', 'Closed Won', 100, 'Globex | Initech', 'Referral'], ['2', 'Closed Won', 50, 'Contoso Ltd., North', 'Referral']);
    expect(toSummaryJson(analyze({ deals })).partners.map((p) => p.partner)).toEqual(['Globex | Initech', 'Contoso Ltd., North']);
  });
});

describe('a HubSpot export with multi-partner cells', () => {
  const HUBSPOT = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Partner', 'Influencing Partners'];
  const deals = table(HUBSPOT,
    ['9012345601', 'Acme rollout', 'closedwon', 9000, '2025-02-01', 'Smith, Jones & Co.', 'Acme, Inc.;Globex'],
    ['9012345602', 'Initech upsell', 'closedwon', 3000, '2025-02-11', '', 'Initech | Hooli, Umbrella'],
    ['9012345603', 'Hooli trial', 'appointmentscheduled', 1500, '2025-05-01', '', 'Smith, Jones & Co., Globex, Asia Pacific'],
    ['9012345604', 'Stark deal', 'closedwon', 700, '2025-03-03', '', 'Stark Industries,  ,Wayne'],
  );
  const summary = toSummaryJson(analyze({ deals }));

  it('splits on ";", "|" and "," but keeps legal suffixes, region words and known names with the name before them', () => {
    expect(summary.deals.map((d) => d.influencers)).toEqual([
      ['Acme, Inc.', 'Globex', 'Smith, Jones & Co.'],
      ['Initech', 'Hooli', 'Umbrella'],
      ['Smith, Jones & Co.', 'Globex, Asia Pacific'],
      ['Stark Industries', 'Wayne'],
    ]);
  });

  it('without the name written whole anywhere, "Smith, Jones & Co." in a list is two partners, and the summary says commas were read as separators', () => {
    const alone = analyze({ deals: table(HUBSPOT.filter((h) => h !== 'Partner'), ['1', 'D', 'closedwon', 10, '', 'Smith, Jones & Co., Globex']) });
    expect(toSummaryJson(alone).deals[0]!.influencers).toEqual(['Smith', 'Jones & Co.', 'Globex']);
    const note = alone.summary.issues.filter((i) => i.code === 'PARTNER_LIST_COMMAS');
    expect(note).toHaveLength(1);
    expect(note[0]).toMatchObject({ severity: 'info', row: 2, column: 'Influencing Partners' });
    expect(note[0]!.message).toContain('"Smith", "Jones & Co.", "Globex"');
  });

  it('says nothing about commas when no list was split on one', () => {
    expect(summary.issues.filter((i) => i.code === 'PARTNER_LIST_COMMAS').map((i) => i.value)).toEqual(['Initech | Hooli, Umbrella']);
    const semicolons = analyze({ deals: table(HUBSPOT, ['1', 'D', 'closedwon', 10, '', 'Acme, Inc.;Globex, EMEA']) });
    expect(semicolons.summary.issues.some((i) => i.code === 'PARTNER_LIST_COMMAS')).toBe(false);
  });

  it('credits every deal its whole amount, to the cent', () => {
    for (const d of summary.deals) {
      const cents = Object.values(d.credits).reduce((a, b) => a + Math.round(b * 100), 0);
      if (d.influencers.length > 0 || d.sourcingPartner !== null) expect(cents).toBe(Math.round(d.amount! * 100));
    }
  });
});

describe('partner keys in Unicode NFKC', () => {
  it('matches NFC and NFD "Café" and full-width "Ａｃｍｅ" with their plain forms', () => {
    expect(partnerKey('Cafe\u0301 Partners')).toBe(partnerKey('Caf\u00e9 Partners'));
    expect(partnerKey('Ａｃｍｅ Ｉｎｃ．')).toBe(partnerKey('Acme Inc.'));
    expect(partnerKey('Café')).not.toBe(partnerKey('Cafe'));
  });

  it('makes one partner of the three spellings in a sheet', () => {
    const deals = table(['Deal ID', 'Stage', 'Amount', 'Sourcing Partner'],
      ['1', 'Closed Won', 100, 'Caf\u00e9 Partners'], ['2', 'Closed Won', 200, 'Cafe\u0301 Partners'],
      ['3', 'Closed Won', 300, 'Acme'], ['4', 'Closed Won', 400, 'Ａｃｍｅ']);
    const summary = toSummaryJson(analyze({ deals }));
    expect(summary.partners.map((p) => [p.partner, p.sourcedRevenue])).toEqual([['Acme', 700], ['Caf\u00e9 Partners', 300]]);
  });
});

// ---- Properties.
const BASE = ['Acme', 'Globex Holdings', 'Initech', 'Contoso Ltd.', 'Wayne & Sons', 'Hooli Distribution', 'Fabrikam', 'Umbrella Group'];
const SUFFIXES = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'S.A.', 'Pty Ltd', 'Corp.', 'AG'];
const REGIONS = ['North', 'South', 'EMEA', 'APAC', 'Asia Pacific', 'North America', 'DACH', 'West'];
const name = fc.tuple(fc.constantFrom(...BASE), fc.option(fc.constantFrom(...SUFFIXES, ...REGIONS), { nil: null }))
  .map(([base, tail]) => (tail === null ? base : `${base}, ${tail}`));
const listSep = fc.constantFrom(', ', ',', '; ', ';', ' | ', '\n', '\r\n', ' ,  ');

describe('properties of splitting', () => {
  it('never makes a partner of a legal suffix or a region word, and gives back the names that were listed', () => {
    fc.assert(fc.property(fc.array(fc.tuple(name, listSep), { minLength: 1, maxLength: 6 }), (items) => {
      const cell = items.map(([n, sep], i) => (i === 0 ? n : `${sep}${n}`)).join('');
      const out = splitPartners(cell, 'multi');
      for (const piece of out) expect(isQualifierPiece(piece)).toBe(false);
      expect(out).toEqual(items.map(([n]) => n));
    }), { numRuns: 300, seed: 13 });
  });

  it('in a single-partner column, a cell without ";" or a line break is one partner', () => {
    fc.assert(fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), fc.constantFrom(', ', ' | ', ','), (names, sep) => {
      const cell = names.join(sep);
      expect(splitPartners(cell, 'single')).toEqual([cell]);
    }), { numRuns: 200, seed: 14 });
  });

  it('credits still sum to each deal\'s amount, whatever the commas', () => {
    const cell = fc.array(fc.tuple(name, listSep), { minLength: 1, maxLength: 4 })
      .map((items) => items.map(([n, sep], i) => (i === 0 ? n : `${sep}${n}`)).join(''));
    const row = fc.record({
      amount: fc.integer({ min: 1, max: 5_000_000 }).map((c) => c / 100),
      sourcing: fc.oneof(fc.constant(''), name), reseller: fc.oneof(fc.constant(''), name), influencers: fc.oneof(fc.constant(''), cell),
    });
    fc.assert(fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom('even', 'position', 'first'), (rows, model) => {
      const deals = table(['Deal ID', 'Stage', 'Amount', 'Sourcing Partner', 'Reseller', 'Influencing Partners'],
        ...rows.map((r, i) => [`D-${i + 1}`, 'Closed Won', r.amount, r.sourcing, r.reseller, r.influencers]));
      const summary = toSummaryJson(analyze({ deals }, { policy: { influenceModel: model } }));
      for (const d of summary.deals) {
        const credited = Object.values(d.credits).reduce((a, b) => a + Math.round(b * 100), 0);
        if (Object.keys(d.credits).length > 0) expect(credited).toBe(Math.round(d.amount! * 100));
        for (const partner of Object.keys(d.credits)) expect(isQualifierPiece(partner)).toBe(false);
      }
    }), { numRuns: 60, seed: 15 });
  });
});
