/** The review queue on the example workbook (examples/deals.xlsx): the expected deals, most money first. */
import { analyze, reviewQueue, toSummaryJson } from '../../src/core';
import type { ReviewQueue, Summary } from '../../src/core';
import { readXlsxTabs as readTabs } from '../fixtures/readXlsxTabs';

describe('the review queue of the example workbook', () => {
  let summary: Summary;
  let queue: ReviewQueue;
  beforeAll(async () => {
    const tabs = await readTabs('examples/deals.xlsx');
    const analysis = analyze({ deals: tabs.get('Deals')!, touches: tabs.get('Touches'), partners: tabs.get('Partners'), fx: tabs.get('FX Rates'),
      overrides: tabs.get('Attribution Overrides') }, { policy: { asOfDate: '2026-01-05' } });
    summary = toSummaryJson(analysis);
    queue = reviewQueue(analysis);
  });

  it('starts with the largest deals whose only evidence is a partner role', () => {
    expect(queue.items.slice(0, 4).map((i) => [i.id, i.amount, i.codes, i.motion])).toEqual([
      ['OPP-10351', 173920.89, ['role-only'], 'influenced'],
      ['OPP-10288', 164406.04, ['role-only'], 'sourced'],
      ['OPP-10220', 161218.15, ['role-only'], 'influenced'],
      ['OPP-10085', 88867.86, ['role-only'], 'influenced'],
    ]);
  });

  it('lists the late registration and the conflicting claims the example was built with', () => {
    expect(queue.items.find((i) => i.id === 'OPP-10151')).toMatchObject({ codes: ['registration-window'], partners: 'Stark Solutions' });
    expect(queue.items.find((i) => i.id === 'OPP-10141')).toMatchObject({ codes: ['sourcing-conflict'], partners: 'Umbrella Partners', amount: 5000 });
  });

  it('is sorted by amount and holds only won and open deals', () => {
    const amounts = queue.items.map((i) => i.amount ?? -1);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(queue.items.every((i) => i.status !== 'lost')).toBe(true);
    expect(queue.items).toHaveLength(26);
    expect(queue.amount).toBe(1233658.12);
  });

  it('no longer lists the two deals the Attribution Overrides tab settles', () => {
    for (const id of ['OPP-10196', 'OPP-10212']) {
      expect(queue.items.map((i) => i.id)).not.toContain(id);
      expect(summary.deals.find((d) => d.id === id)!.reason).toMatch(/^Set by hand: /);
    }
    expect(summary.deals.find((d) => d.id === 'OPP-10212')!.credits).toEqual({ Initech: 142558.16, 'Globex Corporation': 61096.35 });
  });
});
