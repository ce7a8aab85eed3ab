/** Revenue and pipeline by close-date quarter and motion (SPEC 6.1), with a fiscal-year start month. */
import type { PeriodRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import { partsOfDay } from '../values/parseDate';
import { CentsSum } from './centsSum';
import type { Motion } from '../vocabulary';

export const NO_DATE_PERIOD = '(no close date)';

/** "2024 Q1", or "FY2025 Q1" when the fiscal year starts after January (named by the year it ends in). */
export function periodLabel(day: number, fiscalYearStartMonth: number): { label: string; sort: number } {
  const { year, month } = partsOfDay(day);
  const offset = (month - fiscalYearStartMonth + 12) % 12;
  const quarter = Math.floor(offset / 3) + 1;
  if (fiscalYearStartMonth === 1) return { label: `${year} Q${quarter}`, sort: year * 10 + quarter };
  const fiscalYear = month >= fiscalYearStartMonth ? year + 1 : year;
  return { label: `FY${fiscalYear} Q${quarter}`, sort: fiscalYear * 10 + quarter };
}

/** Revenue and pipeline by quarter, from deals added one at a time. */
export function periodsRollup(fiscalYearStartMonth: number): { add(d: AttributedDeal): void; result(): PeriodRow[] } {
  const rows = new Map<string, { sort: number; cents: Record<'revenue' | Motion | 'pipeline', CentsSum> }>();
  const labelCache = new Map<number, { label: string; sort: number }>();
  const add = (d: AttributedDeal): void => {
    if (!d.deal.counted || d.cents === null || d.deal.status === 'lost') return;
    const day = d.deal.closeDate;
    let period: { label: string; sort: number };
    if (day === null) period = { label: NO_DATE_PERIOD, sort: Number.MAX_SAFE_INTEGER };
    else {
      const cached = labelCache.get(day);
      period = cached ?? periodLabel(day, fiscalYearStartMonth);
      if (!cached) labelCache.set(day, period);
    }
    let row = rows.get(period.label);
    if (!row) {
      row = { sort: period.sort, cents: { revenue: new CentsSum(), sourced: new CentsSum(), influenced: new CentsSum(), resold: new CentsSum(),
        direct: new CentsSum(), pipeline: new CentsSum() } };
      rows.set(period.label, row);
    }
    if (d.deal.status === 'won') { row.cents.revenue.add(d.cents); row.cents[d.cls.motion].add(d.cents); }
    else row.cents.pipeline.add(d.cents);
  };
  const result = (): PeriodRow[] => [...rows.entries()].sort((a, b) => a[1].sort - b[1].sort).map(([period, { cents }]) => ({
    period,
    revenue: cents.revenue.money(),
    sourcedRevenue: cents.sourced.money(), influencedRevenue: cents.influenced.money(),
    resoldRevenue: cents.resold.money(), directRevenue: cents.direct.money(),
    partnerLedRevenue: CentsSum.of(cents.sourced, cents.influenced, cents.resold).money(),
    pipeline: cents.pipeline.money(),
  }));
  return { add, result };
}
