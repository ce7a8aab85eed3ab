/** Revenue and pipeline by close-date quarter and motion (SPEC 6.1), with a fiscal-year start month. */
import type { PeriodRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import { partsOfDay } from '../values/parseDate';

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
  const rows = new Map<string, { sort: number; cents: Record<string, number> }>();
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
      row = { sort: period.sort, cents: { revenue: 0, sourced: 0, influenced: 0, resold: 0, direct: 0, pipeline: 0 } };
      rows.set(period.label, row);
    }
    if (d.deal.status === 'won') { row.cents.revenue! += d.cents; row.cents[d.cls.motion]! += d.cents; }
    else row.cents.pipeline! += d.cents;
  };
  const result = (): PeriodRow[] => [...rows.entries()].sort((a, b) => a[1].sort - b[1].sort).map(([period, { cents }]) => ({
    period,
    revenue: cents.revenue! / 100,
    sourcedRevenue: cents.sourced! / 100, influencedRevenue: cents.influenced! / 100,
    resoldRevenue: cents.resold! / 100, directRevenue: cents.direct! / 100,
    partnerLedRevenue: (cents.sourced! + cents.influenced! + cents.resold!) / 100,
    pipeline: cents.pipeline! / 100,
  }));
  return { add, result };
}
