/** The first thing the user reads: money the totals leave out, in numbers, in the console, the Partner Summary tab and the preview; exit codes for runs whose money cannot be trusted. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, buildReportTabs, moneyHeadline, previewFromSummary } from '../../src/core';
import { buildCli, runCli, tempDir } from './cliHarness';

const HEADER = 'Opportunity ID,Opportunity Name,Stage,Amount,Close Date';
const rows = (amounts: string[]): string[] => amounts.map((a, i) => `0065g0${i},Deal ${i + 1},${i < 10 ? 'Closed Won' : 'Prospecting'},${a},2025-02-0${(i % 9) + 1}`);
/** Ten won deals, three with amounts a spreadsheet could not have meant as numbers. */
const TEN_WON = [HEADER, ...rows(['1200', '"$3,400.00"', 'TBD', '2500', 'n/a', '900', '#VALUE!', '1500', '700', '4000'])];

const grid = (lines: string[]): string[][] => lines.map((l) => l.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/^"|"$/g, '')));

describe('the money headline', () => {
  it('says how many won deals are not in the totals and why', () => {
    const analysis = analyze({ deals: grid(TEN_WON) });
    const { summary } = analysis;
    expect(moneyHeadline(analysis).lines).toEqual(['3 of 10 won deals, amounts unknown, are not in these totals: amounts could not be read. See Data Issues.']);
    expect(summary.issues[0]).toMatchObject({ severity: 'error', code: 'REVENUE_INCOMPLETE', row: null });
  });

  it('names each cause when there are several, and the pipeline separately', () => {
    const lines = ['Deal ID,Stage,Amount,Currency', 'D1,Closed Won,100,USD', 'D2,Closed Won,xyz,USD', 'D3,Closed Won,500,EUR', 'D4,Open,abc,USD'];
    const analysis = analyze({ deals: grid(lines) });
    expect(moneyHeadline(analysis).lines).toEqual([
      '2 of 3 won deals, 500.00 EUR and 1 amount unknown, are not in these totals: 1 amount could not be read, 1 in a currency with no FX rate. See Data Issues.',
      '1 of 1 open deal, amount unknown, is not in the pipeline: its amount could not be read. See Data Issues.',
    ]);
  });

  it('gives amounts in a currency with no FX rate in that currency, never as a made-up share of the total', () => {
    // A HubSpot deals export: two EUR deals and a GBP one, and an FX table that only knows EUR.
    const lines = ['Record ID,Deal Name,Deal Stage,Amount,Currency,Close Date',
      '9001,Acme GmbH,closedwon,12000,EUR,2025-03-01', '9002,Globex Ltd,closedwon,"1,250.50",GBP,2025-03-02',
      '9003,Initech BV,closedwon,800,EUR,2025-03-03', '9004,Umbrella Ltd,closedwon,300,GBP,2025-03-04',
      '9005,Hooli Inc,closedwon,5000,USD,2025-03-05', '9006,Soylent Ltd,appointmentscheduled,2000,GBP,2025-03-06'];
    const analysis = analyze({ deals: grid(lines), fx: [['Currency', 'Rate'], ['EUR', 1.08]] }, { policy: { reportingCurrency: 'USD' } });
    const { lines: headline } = moneyHeadline(analysis);
    expect(headline).toEqual([
      '2 of 5 won deals, 1,550.50 GBP, are not in these totals: their currencies have no FX rate. See Data Issues.',
      '1 of 1 open deal, 2,000.00 GBP, is not in the pipeline: its currency has no FX rate. See Data Issues.',
    ]);
    expect(analysis.summary.totals.revenue).toBe(18824);
    // The same words on Partner Summary and in the preview, read back from the summary's issues.
    expect(buildReportTabs(analysis)[0]!.blocks.some((b) => b.title === headline.join(' '))).toBe(true);
    expect(previewFromSummary(analysis).headline).toEqual(headline);
    expect(analysis.summary.issues[0]!.message).toBe(headline[0]!.replace(/ See Data Issues\.$/, ''));
  });

  it('is at the top of the Partner Summary tab and in the sidebar preview, word for word', () => {
    const analysis = analyze({ deals: grid(TEN_WON) });
    const [line] = moneyHeadline(analysis).lines;
    const summaryTab = buildReportTabs(analysis)[0]!;
    expect(summaryTab.blocks.find((b) => b.row === 1 && b.title !== undefined && b.title.startsWith('3 of 10'))?.title).toBe(line);
    expect(previewFromSummary(analysis).headline).toEqual([line]);
  });

  it('says nothing when every amount was read', () => {
    const analysis = analyze({ deals: grid([HEADER, ...rows(['100', '200'])]) });
    expect(moneyHeadline(analysis)).toEqual({ lines: [], everyAmountUnread: false });
    expect(buildReportTabs(analysis)[0]!.blocks.some((b) => b.row === 1 && b.col === 0 && b.values.length === 0 && b.title?.includes('not in'))).toBe(false);
  });
});

describe('the command line', () => {
  beforeAll(() => buildCli());
  const dir = tempDir('pa-headline-');
  const file = (name: string, lines: string[]): string => {
    const target = path.join(dir, name);
    writeFileSync(target, `${lines.join('\n')}\n`);
    return target;
  };

  it('prints the headline first, exits 0 without --strict and 1 with it', () => {
    const deals = file('ten-won.csv', TEN_WON);
    const plain = runCli(['report', deals]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')[0]).toBe('WARNING: 3 of 10 won deals, amounts unknown, are not in these totals: amounts could not be read. See Data Issues.');
    const json = path.join(dir, 'strict.json');
    const strict = runCli(['report', deals, '--strict', '--json', json]);
    expect(strict.code).toBe(1);
    expect(strict.stdout.split('\n')[0]).toMatch(/^WARNING: 3 of 10 won deals/);
    expect(strict.stderr).toMatch(/--strict: 1 error-severity data issue/);
    expect(JSON.parse(readFileSync(json, 'utf8')).totals.wonDeals).toBe(10); // the report is still written
  });

  it('--strict passes a clean file', () => {
    expect(runCli(['report', file('clean.csv', [HEADER, ...rows(['100', '200'])]), '--strict']).code).toBe(0);
  });

  it('exits 1 when not one amount could be read', () => {
    const result = runCli(['report', file('unreadable.csv', [HEADER, ...rows(['TBD', 'n/a', 'see notes'])])]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^WARNING: 3 of 3 won deals, amounts unknown, are not in these totals: amounts could not be read/);
    expect(result.stderr).toMatch(/not one amount could be read/);
  });
});
