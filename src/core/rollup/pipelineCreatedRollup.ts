/**
 * Pipeline created per quarter, by the deals' created date: the leading indicator beside revenue by
 * close quarter. Every counted deal with an amount and a created date counts in full in the quarter it
 * was created, whatever its status now (won, lost or still open): that is the pipeline that quarter made.
 */
import type { PipelineCreatedRow } from '../types';
import type { AttributedDeal } from '../credit/creditDeal';
import { periodLabel } from './periodsRollup';
import { CentsSum } from './centsSum';

/** Pipeline created by quarter, from deals added one at a time. */
export function pipelineCreatedRollup(fiscalYearStartMonth: number): { add(d: AttributedDeal): void; result(): PipelineCreatedRow[] } {
  const rows = new Map<string, { sort: number; sourced: CentsSum; partnerLed: CentsSum; all: CentsSum; sourcedDeals: number }>();
  const add = (d: AttributedDeal): void => {
    const day = d.deal.created;
    if (!d.deal.counted || d.cents === null || day === null) return;
    const { label, sort } = periodLabel(day, fiscalYearStartMonth);
    let row = rows.get(label);
    if (!row) { row = { sort, sourced: new CentsSum(), partnerLed: new CentsSum(), all: new CentsSum(), sourcedDeals: 0 }; rows.set(label, row); }
    row.all.add(d.cents);
    if (d.cls.motion !== 'direct') row.partnerLed.add(d.cents);
    if (d.cls.motion === 'sourced') { row.sourced.add(d.cents); row.sourcedDeals++; }
  };
  const result = (): PipelineCreatedRow[] => [...rows.entries()].sort((a, b) => a[1].sort - b[1].sort).map(([period, r]) => ({
    period, sourcedDeals: r.sourcedDeals, sourcedPipelineCreated: r.sourced.money(),
    partnerLedPipelineCreated: r.partnerLed.money(), pipelineCreated: r.all.money(),
  }));
  return { add, result };
}
