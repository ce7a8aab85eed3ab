/**
 * On random workbooks and policies, the DuckDB script agrees with the engine deal by deal and partner
 * by partner: loaded typed, and as the raw CSV export with the script `sql --detect` prints for it.
 */
import fc from 'fast-check';
import { analyze } from '../../src/core/analyze';
import type { Cell, Grid } from '../../src/core/types';
import { openDuckDb, runSqlLikeEngine } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliAnalysis, detectedRun } from './rawExport';

const NAMES = ['Acme Inc.', 'ACME, Inc', 'acme', 'Globex', 'Globex Corp', 'Initech LLC', 'Umbrella', 'Hooli Distribution',
  'Smith, Jones & Co.', 'Stark Pty Ltd', 'Wayne & Sons', 'Contoso Ltd., North', 'Contoso Ltd., South', 'Globex, EMEA', 'Ａｃｍｅ Inc.'];
const partnerCell = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 3 }).chain((names) =>
    fc.constantFrom('; ', ', ', ' | ', '\n').map((sep) => names.join(sep))) },
);
const day = fc.integer({ min: 45200, max: 45500 }); // serials around 2023-2024
const maybeDay = fc.option(day, { nil: '' as const });
const amount = fc.oneof(
  fc.integer({ min: -50000, max: 900000 }).map((c) => c / 100),
  fc.integer({ min: 1, max: 200 }).map((n) => n * 3),
  fc.constant(''),
);
const deal = fc.record({
  id: fc.integer({ min: 1, max: 40 }).map((n) => `D${n}`),
  amount, currency: fc.constantFrom('', 'USD', 'USD', 'EUR'),
  stage: fc.constantFrom('Closed Won', 'closed_won', 'Closed Lost', 'Negotiation', '', 'Booked'),
  created: maybeDay, close: maybeDay,
  lead: fc.constantFrom('', 'Web', 'Partner Referral', 'Channel', 'partner event', 'Trade Show'),
  sourcing: partnerCell, partner: partnerCell,
  role: fc.constantFrom('', '', 'VAR/Reseller', 'Referral', 'Influencer', 'Implementation'),
  influencers: partnerCell, reseller: partnerCell, registrant: partnerCell,
  regDate: maybeDay, regStatus: fc.constantFrom('', 'Approved', 'Rejected', 'pending'),
  tier: fc.constantFrom('', 'Gold', 'Silver'), region: fc.constantFrom('', 'EMEA', 'NA'),
});
const touch = fc.record({
  id: fc.integer({ min: 1, max: 45 }).map((n) => `D${n}`),
  partner: fc.constantFrom(...NAMES),
  activity: fc.constantFrom('Demo', 'Referral', 'Email', 'Webinar', 'Meeting', 'Implementation', 'Lunch', 'Introduction'),
  date: day, weight: fc.oneof({ weight: 4, arbitrary: fc.constant('' as Cell) }, { weight: 1, arbitrary: fc.constantFrom<Cell>(0.3, 2, 0.1, 0) }),
});
const policy = fc.record({
  conflictPolicy: fc.constantFrom('precedence', 'split', 'flag'),
  influenceModel: fc.constantFrom('even', 'first', 'last', 'position', 'time-decay', 'weighted'),
  sourcedShare: fc.constantFrom(1, 1, 0.7, 0.5, 0.35),
  resoldCountsAs: fc.constantFrom('resold', 'sourced'),
  influenceThreshold: fc.constantFrom(0.5, 0.3, 1),
  registrationGraceDays: fc.constantFrom(7, 0, 30),
  asOfDate: fc.constant('2024-06-30'),
});

const HEADER = ['Deal ID', 'Amount', 'Currency', 'Stage', 'Created Date', 'Close Date', 'Lead Source', 'Sourcing Partner', 'Partner',
  'Partner Role', 'Influencing Partners', 'Reseller', 'Registered By', 'Registration Date', 'Registration Status', 'Partner Tier', 'Region'];

describe('the DuckDB script on random workbooks', () => {
  it('gives the same motions, credits and per-partner numbers as the engine, to the cent', async () => {
    const db = await openDuckDb();
    try {
    await fc.assert(fc.asyncProperty(
      fc.array(deal, { minLength: 1, maxLength: 30 }), fc.array(touch, { maxLength: 40 }), policy,
      async (rows, touchRows, overrides) => {
        const deals: Grid = [HEADER, ...rows.map((r) => [r.id, r.amount, r.currency, r.stage, r.created, r.close, r.lead, r.sourcing,
          r.partner, r.role, r.influencers, r.reseller, r.registrant, r.regDate, r.regStatus, r.tier, r.region])];
        const touches: Grid = [['Deal ID', 'Partner', 'Activity', 'Date', 'Weight'], ...touchRows.map((t) => [t.id, t.partner, t.activity, t.date, t.weight])];
        const analysis = analyze({ deals, touches }, { policy: overrides });
        const run = await runSqlLikeEngine(analysis, deals, touches, overrides, db.connection);
        const engine = fromEngine(analysis);
        const sql = fromSql(run);
        expect(sql.deals).toEqual(engine.deals);
        expect(sql.partners).toEqual(engine.partners);
      },
    ), { numRuns: 30, seed: 20240601 });
    } finally {
      db.close();
    }
  }, 240_000); // 30 scripts of some 60 statements each, on a machine that may be busy
});

/** An amount as a CSV export writes it: "$12,000.00", "(500.00)", "USD 1200" (decimal point) or "€1.234,56", "1 200,50 €" (comma). */
const amountText = (value: number | '', style: number, comma: boolean): string => {
  if (value === '') return '';
  const abs = Math.abs(value);
  const [whole, cents] = abs.toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? (style % 2 === 0 ? '.' : ' ') : ',');
  const number = `${grouped}${comma ? ',' : '.'}${cents}`;
  const forms = comma ? [`€${number}`, `${number} €`, number, `EUR ${number}`] : [`$${number}`, number, `USD ${number}`, `${number}`];
  const text = forms[style % forms.length]!;
  return value < 0 ? (style % 3 === 0 ? `(${text})` : `-${text}`) : text;
};
const isoDay = (serial: number | ''): string => (serial === '' ? '' : new Date((serial - 25569) * 86400000).toISOString().slice(0, 10));
/** A day as an export writes it: ISO, a US machine's "10/18/2024" or a German one's "18.10.2024". */
const dayText = (serial: number | '', style: 'iso' | 'us' | 'de'): string => {
  const iso = isoDay(serial);
  if (iso === '' || style === 'iso') return iso;
  const [y, m, d] = iso.split('-');
  return style === 'us' ? `${Number(m)}/${Number(d)}/${y}` : `${d}.${m}.${y}`;
};
const csvLine = (cells: readonly string[], sep: string): string =>
  cells.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(sep);

describe('the script from sql --detect on random workbooks saved as CSV', () => {
  it('equals the CLI to the cent on the raw export, amounts and dates as text ("$12,000.00", "(500.00)", "€1.234,56" in a ";" file, "10/18/2024", "18.10.2024")', async () => {
    const db = await openDuckDb();
    const dir = mkdtempSync(join(tmpdir(), 'pa-sql-random-'));
    try {
      await fc.assert(fc.asyncProperty(
        fc.array(fc.record({ deal, style: fc.nat(11) }), { minLength: 1, maxLength: 30 }), policy, fc.boolean(), fc.constantFrom('iso', 'us', 'de') as fc.Arbitrary<'iso' | 'us' | 'de'>, fc.boolean(),
        async (rows, overrides, comma, dates, allText) => {
          // No currency column in half the files: the marks in the amounts ("€", "USD") are the deals' currencies.
          const withCurrency = rows.length % 2 === 0;
          const header = ['Opportunity ID', 'Amount', ...(withCurrency ? ['Currency'] : []), 'Stage', 'Created Date', 'Close Date', 'Lead Source',
            'Sourcing Partner', 'Partner', 'Partner Role', 'Influencing Partners', 'Reseller', 'Registered By', 'Registration Date',
            'Registration Status', 'Partner Tier', 'Region'];
          const lines = rows.map(({ deal: r, style }) => [r.id, amountText(r.amount, style, comma), ...(withCurrency ? [r.currency] : []), r.stage,
            dayText(r.created, dates), dayText(r.close, dates), r.lead, r.sourcing, r.partner, r.role, r.influencers, r.reseller, r.registrant, dayText(r.regDate, dates),
            r.regStatus, r.tier, r.region]);
          const sep = comma ? ';' : ',';
          const csv = join(dir, 'export.csv');
          writeFileSync(csv, `${[header, ...lines].map((l) => csvLine(l, sep)).join('\n')}\n`);
          // DuckDB keeps the file's row order as the table's rowid: the sheet order repeated Deal IDs need. Half the
          // loads keep every column as text (as Spark's CSV reader does by default), so the script reads "10/18/2024" itself.
          const run = await detectedRun(db.connection, csv, { policy: overrides, mapping: { order: 'rowid' }, dir, allText });
          const engine = fromEngine(await cliAnalysis(csv, overrides));
          const sql = fromSql(run);
          expect(sql.deals).toEqual(engine.deals);
          expect(sql.partners).toEqual(engine.partners);
        },
      ), { numRuns: 30, seed: 20251202 });
    } finally {
      db.close();
    }
  }, 240_000); // 30 scripts of some 60 statements each, on a machine that may be busy
});
