/** The influence models of SPEC 4 with hand-computed expectations, and sourcedShare below 1. */
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell } from '../../src/core';
import { dealGrid, table } from './dealGrid';

const close = '2024-06-29';
const deal = (extra: Record<string, Cell> = {}) =>
  dealGrid([{ 'Deal ID': 'D1', Stage: 'Closed Won', Amount: 10000, 'Created Date': '2024-04-01', 'Close Date': close, ...extra }]);
/** Touches of the given partners, `daysBeforeClose` each, all demos (weight 1). */
const touches = (...spec: [string, number][]) => table(['Deal ID', 'Partner', 'Activity', 'Date'],
  ...spec.map(([p, d]) => ['D1', p, 'Demo', new Date(Date.UTC(2024, 5, 29 - d))] as Cell[]));
const credits = (model: string, t = touches(['A', 28], ['B', 14], ['C', 7], ['D', 0]), extra: Record<string, Cell> = {}, policy: Record<string, unknown> = {}) =>
  toSummaryJson(analyze({ deals: deal(extra), touches: t }, { policy: { influenceModel: model, ...policy } })).deals[0]!.credits;

describe('influence models', () => {
  it('even splits evenly with the odd cents to the first in order', () => {
    expect(toSummaryJson(analyze({ deals: deal({ Amount: 100 }), touches: touches(['A', 28], ['B', 14], ['C', 7]) })).deals[0]!.credits)
      .toEqual({ A: 33.34, B: 33.33, C: 33.33 });
  });

  it('first gives everything to the earliest influencer', () => {
    expect(credits('first')).toEqual({ A: 10000 });
  });

  it('last gives everything to the latest influencer', () => {
    expect(credits('last')).toEqual({ D: 10000 });
  });

  it('position gives 40/20/40 with the middle share split evenly', () => {
    expect(credits('position')).toEqual({ A: 4000, B: 1000, C: 1000, D: 4000 });
  });

  it('position gives one partner 100% and two partners 50/50', () => {
    expect(credits('position', touches(['A', 10]))).toEqual({ A: 10000 });
    expect(credits('position', touches(['A', 10], ['B', 5]))).toEqual({ A: 5000, B: 5000 });
  });

  it('time-decay with a 7-day half-life gives 55.17%, 27.59%, 13.79%, 3.45% to touches 0, 7, 14, 28 days before close', () => {
    expect(credits('time-decay', undefined, {}, { timeDecayHalfLifeDays: 7 })).toEqual({ D: 5517.24, C: 2758.62, B: 1379.31, A: 344.83 });
  });

  it('weighted splits by summed activity weight', () => {
    const t = table(['Deal ID', 'Partner', 'Activity', 'Date'],
      ['D1', 'A', 'Demo', '2024-06-01'], ['D1', 'A', 'Meeting', '2024-06-02'], ['D1', 'B', 'Demo', '2024-06-03']);
    expect(credits('weighted', t)).toEqual({ A: 6000, B: 4000 });
  });

  it('puts undated column influencers at the created date, in listed order, ahead of touches on that day', () => {
    const t = table(['Deal ID', 'Partner', 'Activity', 'Date'], ['D1', 'T', 'Demo', '2024-04-01']);
    expect(Object.keys(credits('first', t, { 'Influencing Partners': 'X; Y' }))[0]).toBe('X');
    expect(credits('position', t, { 'Influencing Partners': 'X; Y' })).toEqual({ X: 4000, Y: 2000, T: 4000 });
  });
});

describe('sourced share', () => {
  it('gives the remainder to influencers by the model', () => {
    const result = credits('even', touches(['B', 14], ['C', 7]), { 'Sourcing Partner': 'A' }, { sourcedShare: 0.6 });
    expect(result).toEqual({ A: 6000, B: 2000, C: 2000 });
  });

  it('gives the remainder back to the sourcer when there are no influencers', () => {
    expect(credits('even', table(['Deal ID', 'Partner', 'Activity', 'Date']), { 'Sourcing Partner': 'A' }, { sourcedShare: 0.6 })).toEqual({ A: 10000 });
  });

  it('reports the sourcer\'s share as sourced revenue and the rest as influenced credit', () => {
    const summary = toSummaryJson(analyze({ deals: deal({ 'Sourcing Partner': 'A' }), touches: touches(['B', 14]) }, { policy: { sourcedShare: 0.75 } }));
    const a = summary.partners.find((p) => p.partner === 'A')!;
    const b = summary.partners.find((p) => p.partner === 'B')!;
    expect([a.sourcedRevenue, a.creditedRevenue, b.influencedCredit, b.influencedRevenue]).toEqual([7500, 7500, 2500, 10000]);
  });
});
