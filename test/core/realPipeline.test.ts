/** The real public CRM export in ../shared/data/crm-pipeline: snake_case headers, blank amounts on open deals, stages. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { analyze } from '../../src/core';

const file = path.resolve(__dirname, '../../../shared/data/crm-pipeline/sales_pipeline.csv');
const rows = parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
const header = rows[0]!;
const col = (name: string) => header.indexOf(name);

describe('the CRM Sales Opportunities export', () => {
  const { summary, table, stages } = analyze({ deals: rows });

  it('detects the snake_case header and maps its columns', () => {
    expect(table.headerIndex).toBe(0);
    expect(table.columns).toMatchObject({ id: col('opportunity_id'), stage: col('deal_stage'), created: col('engage_date'),
      closeDate: col('close_date'), amount: col('close_value') });
  });

  it('reads Won, Lost, Engaging and Prospecting as won, lost and open', () => {
    expect(stages.sort()).toEqual(['Engaging', 'Lost', 'Prospecting', 'Won']);
    const count = (stage: string) => rows.slice(1).filter((r) => r[col('deal_stage')] === stage).length;
    expect(summary.totals).toMatchObject({ deals: 8800, wonDeals: count('Won'), lostDeals: count('Lost'), openDeals: count('Engaging') + count('Prospecting') });
  });

  it('sums revenue from won deals exactly as a spreadsheet would, all direct without partner columns', () => {
    const won = rows.slice(1).filter((r) => r[col('deal_stage')] === 'Won').reduce((s, r) => s + Math.round(Number(r[col('close_value')]) * 100), 0);
    expect(Math.round(summary.totals.revenue * 100)).toBe(won);
    expect(summary.totals.directRevenue).toBe(summary.totals.revenue);
    expect(summary.partners).toEqual([]);
  });

  it('reports blank amounts on open deals as info, not as errors', () => {
    const blanks = summary.issues.filter((i) => i.code === 'AMOUNT_MISSING_OPEN');
    expect(blanks.length).toBe(rows.slice(1).filter((r) => r[col('close_value')] === '' && !['Won', 'Lost'].includes(r[col('deal_stage')]!)).length);
    expect(blanks.every((i) => i.severity === 'info')).toBe(true);
    expect(summary.issues.some((i) => i.severity === 'error')).toBe(false);
  });

  it('credits partners once a channel manager adds a Partner column', () => {
    const withPartner = rows.map((r, i) => [...r, i === 0 ? 'Partner' : i % 5 === 0 ? 'Acme Inc.' : i % 7 === 0 ? 'ACME, Inc' : '']);
    const s = analyze({ deals: withPartner }).summary;
    expect(s.partners.map((p) => p.partner)).toEqual(['Acme Inc.']);
    const expected = withPartner.slice(1).filter((r) => r[col('deal_stage')] === 'Won' && r[r.length - 1] !== '')
      .reduce((sum, r) => sum + Math.round(Number(r[col('close_value')]) * 100), 0);
    expect(Math.round(s.totals.partnerLedRevenue * 100)).toBe(expected);
    expect(Math.round(s.partners[0]!.creditedRevenue * 100)).toBe(expected);
  });
});
