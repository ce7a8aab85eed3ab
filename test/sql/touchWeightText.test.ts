/**
 * A touches export's Weight column as people fill it in: numbers, blanks, and words where a rep had
 * none ("n/a", "TBD", "50%", "#N/A"). The engine reports such a weight and uses the activity's; the
 * DuckDB script `sql --detect` prints must do the same (it used to stop with a conversion error on
 * the first word), and give the CLI's credits to the cent.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../../src/cli/loadInput';
import { analyze } from '../../src/core/analyze';
import { openDuckDb } from './duckDbHarness';
import { fromEngine, sqlOnTextCsv } from './compareWithEngine';

const dir = mkdtempSync(join(tmpdir(), 'pa-touch-weight-text-'));
const csv = (rows: readonly (readonly string[])[]): string =>
  `${rows.map((cells) => cells.map((c) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

// A US CRM export, Save As CSV.
const DEALS = csv([
  ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source'],
  ['0061a00000Wt001', 'Initech platform', 'Closed Won', '$24,000.00', '1/10/2025', '3/14/2025', 'Web'],
  ['0061a00000Wt002', 'Globex analytics', 'Closed Won', '$10,000.01', '1/20/2025', '4/2/2025', 'Trade Show'],
  ['0061a00000Wt003', 'Umbrella renewal', 'Closed Won', '$9,999.99', '2/3/2025', '4/30/2025', 'Web'],
  ['0061a00000Wt004', 'Hooli expansion', 'Negotiation', '$5,000.00', '2/10/2025', '6/30/2025', 'Inbound'],
]);
// Weights typed by hand: a number, a blank, words, a percentage, a spreadsheet error.
const TOUCHES = csv([
  ['Deal ID', 'Partner', 'Activity', 'Date', 'Weight'],
  ['0061a00000Wt001', 'Acme Inc.', 'Demo', '1/15/2025', '0.75'],
  ['0061a00000Wt001', 'Zenith Partners', 'Webinar', '1/20/2025', 'n/a'],
  ['0061a00000Wt002', 'Zenith Partners', 'Demo', '2/1/2025', ''],
  ['0061a00000Wt002', 'Acme Inc.', 'Workshop', '2/3/2025', 'TBD'],
  ['0061a00000Wt003', 'Acme Inc.', 'Email', '3/5/2025', '50%'],
  ['0061a00000Wt003', 'Zenith Partners', 'Proof of Concept', '3/6/2025', '1'],
  ['0061a00000Wt004', 'Zenith Partners', 'Demo', '3/1/2025', '#N/A'],
  ['0061a00000Wt004', 'Acme Inc.', 'Webinar', '3/2/2025', '0.2'],
]);

describe('touch weights written as words, in the DuckDB script on a raw CSV export', () => {
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  beforeAll(async () => {
    db = await openDuckDb();
    writeFileSync(join(dir, 'deals.csv'), DEALS);
    writeFileSync(join(dir, 'touches.csv'), TOUCHES);
  });
  afterAll(() => db.close());

  it('uses the activity weight where the text is no number, and gives the CLI\'s credits to the cent', async () => {
    const policy = { asOfDate: '2025-07-01' };
    const config = join(dir, 'policy.json');
    writeFileSync(config, JSON.stringify(policy));
    const mapping = join(dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ order: 'rowid',
      touches: { dealId: 'Deal ID', partner: 'Partner', activity: 'Activity', date: 'Date', weight: 'Weight', order: 'rowid' } }));
    const sql = await sqlOnTextCsv(db.connection, dir, config, mapping);

    const loaded = await loadInput({ deals: join(dir, 'deals.csv'), touches: join(dir, 'touches.csv') });
    const analysis = analyze(loaded.input, { policy });
    const engine = fromEngine(analysis);
    // The engine read the words as no weight, and said so.
    expect(analysis.summary.issues.filter((i) => i.code === 'AMOUNT_INVALID').map((i) => i.value).sort()).toEqual(['#N/A', '50%', 'TBD', 'n/a']);
    expect(engine.deals.some((d) => d.motion !== 'direct')).toBe(true);
    expect(sql.deals).toEqual(engine.deals);
    expect(sql.partners).toEqual(engine.partners);
  });
});
