/**
 * Touches on the same day, in the warehouse: the engine takes a deal's touches by date, then by the
 * partner's name, activity and weight, so its results never depend on the order of the rows
 * (readTouches' sortTouches). The DuckDB script `sql --detect` prints must take them in that order
 * too, whatever order the Touches export lists them in: who sourced a deal with two referrals on
 * one day, and who gets the odd cent of an even split, are the CLI's to the cent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/loadInput';
import { analyze } from '../../src/core/analyze';
import { openDuckDb } from './duckDbHarness';
import { fromEngine, sqlOnTextCsv } from './compareWithEngine';

const dir = mkdtempSync(join(tmpdir(), 'pa-same-day-touches-'));

/** A CSV line as Excel writes it: fields quoted only when they must be. */
const line = (cells: readonly string[]): string =>
  cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const csv = (rows: readonly (readonly string[])[]): string => `${rows.map(line).join('\r\n')}\r\n`;

// A US CRM export, Save As CSV: amounts and dates as shown.
const DEALS = csv([
  ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Influencing Partners'],
  ['0061a00000XyZ01', 'Initech platform', 'Initech', 'Closed Won', '$24,000.00', '1/10/2025', '3/14/2025', 'Web', ''],
  ['0061a00000XyZ02', 'Globex analytics', 'Globex', 'Closed Won', '$10,000.01', '1/20/2025', '4/2/2025', 'Trade Show', ''],
  ['0061a00000XyZ03', 'Umbrella renewal', 'Umbrella Corp', 'Closed Won', '$100.01', '2/3/2025', '4/30/2025', 'Web', 'Stark Industries'],
  ['0061a00000XyZ04', 'Hooli expansion', 'Hooli', 'Negotiation', '$5,000.01', '2/10/2025', '6/30/2025', 'Inbound', ''],
]);
// The Touches export lists each deal's same-day touches with "Zenith Partners" above "Acme Inc."
// (as a CRM lists them by time of day); "acme inc." is how one rep typed it, "Acme Inc." the name shown.
const TOUCHES = csv([
  ['Deal ID', 'Partner', 'Activity', 'Date'],
  ['0061a00000XyZ01', 'Zenith Partners', 'Referral', '1/8/2025'],
  ['0061a00000XyZ01', 'Acme Inc.', 'Referral', '1/8/2025'],
  ['0061a00000XyZ02', 'Zenith Partners', 'Demo', '2/1/2025'],
  ['0061a00000XyZ02', 'acme inc.', 'Demo', '2/1/2025'],
  ['0061a00000XyZ03', 'Zenith Partners', 'Workshop', '3/5/2025'],
  ['0061a00000XyZ03', 'Acme Inc.', 'Workshop', '3/5/2025'],
  ['0061a00000XyZ04', 'Zenith Partners', 'Proof of Concept', '3/1/2025'],
  ['0061a00000XyZ04', 'Acme Inc.', 'Demo', '3/1/2025'],
  ['0061a00000XyZ04', 'Acme Inc.', 'Email', '3/1/2025'],
]);

type Case = [what: string, policy: { influenceModel?: string; conflictPolicy?: string }, touchesOrder: string | null];
const CASES: Case[] = [
  ['the default rules, touches in table order (rowid)', {}, 'rowid'],
  ['the "first" influence model, touches in table order (rowid)', { influenceModel: 'first' }, 'rowid'],
  ['the default rules, touches without an order column', {}, null],
  ['the "position" model with a split on conflicts', { influenceModel: 'position', conflictPolicy: 'split' }, 'rowid'],
];

describe('same-day touches in the DuckDB script on a raw CSV export', () => {
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  beforeAll(async () => {
    db = await openDuckDb();
    writeFileSync(join(dir, 'deals.csv'), DEALS);
    writeFileSync(join(dir, 'touches.csv'), TOUCHES);
  });
  afterAll(() => db.close());

  it.each(CASES)('gives the CLI\'s sourcers and cents under %s', async (_what, extra, touchesOrder) => {
    const policy: { asOfDate: string; influenceModel?: string; conflictPolicy?: string } = { asOfDate: '2025-07-01', ...extra };
    const config = join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify(policy));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ order: 'rowid',
      touches: { dealId: 'Deal ID', partner: 'Partner', activity: 'Activity', date: 'Date', weight: null, ...(touchesOrder ? { order: touchesOrder } : {}) } }));
    // Loaded as text, as the README says: read_csv's own guess reads "1/8/2025" in a column where every date could be
    // either way as 1 August, where the script (like the CLI) reads the export's month-first dates.
    const sql = await sqlOnTextCsv(db.connection, dir, config, mapping);

    const loaded = await loadInput({ deals: join(dir, 'deals.csv'), touches: join(dir, 'touches.csv') });
    const engine = fromEngine(analyze(loaded.input, { policy }));
    // What the engine decides, whatever the row order: Acme Inc. comes first on each of those days.
    if (policy.conflictPolicy === undefined) expect(engine.deals[0]!.sourcingPartner).toBe('Acme Inc.');
    expect(engine.deals[1]!.influencers.split('; ')[0]).toBe('Acme Inc.');
    expect(engine.deals[1]!.credits['Acme Inc.']).toBe(policy.influenceModel === 'first' ? 10000.01 : 5000.01);
    expect(sql.deals).toEqual(engine.deals);
    expect(sql.partners).toEqual(engine.partners);
  });
});
