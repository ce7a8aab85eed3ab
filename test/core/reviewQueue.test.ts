/** The review queue (issue 18): the deals that need a human decision, most money first, with what the rules decided. */
import { analyze, reviewQueue, reviewTab } from '../../src/core';
import type { Cell } from '../../src/core';
import { dealGrid } from './dealGrid';

// A hand-kept opportunities sheet with one deal per reason for review, and two that need none.
const deals = dealGrid([
  { 'Opportunity ID': 'R1', Stage: 'Closed Won', Amount: 5000, 'Created Date': '2024-03-04', 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01', 'Sourcing Partner': 'Acme' },
  { 'Opportunity ID': 'R2', Stage: 'Negotiation', Amount: 42000, 'Created Date': '2024-03-04', 'Lead Source': 'Channel' },
  { 'Opportunity ID': 'R3', Stage: 'Closed Won', Amount: 12000, 'Created Date': '2024-03-04', 'Registered By': 'Stark', 'Registration Date': '2024-04-20' },
  { 'Opportunity ID': 'R4', Stage: 'Closed Won', Amount: 900, 'Created Date': '2024-03-04', 'Close Date': '2024-05-01' },
  { 'Opportunity ID': 'R5', Stage: 'Closed Won', Amount: 30000, 'Created Date': '2024-03-04', Partner: 'Initech', 'Partner Role': 'Referral' },
  { 'Opportunity ID': 'R6', Stage: 'Closed Won', Amount: 7000, 'Created Date': '2024-03-04', Partner: 'Globex', 'Partner Role': 'Advisor' },
  { 'Opportunity ID': 'R7', Stage: 'Closed Lost', Amount: 99000, 'Created Date': '2024-03-04', Partner: 'Globex', 'Partner Role': 'Advisor' },
  { 'Opportunity ID': 'R8', Stage: 'Closed Won', Amount: 60000, 'Created Date': '2024-03-04', 'Sourcing Partner': 'Acme' },
  { 'Opportunity ID': 'R9', Stage: 'Closed Won', Amount: 8000, 'Created Date': '2024-03-04', Partner: 'Hooli', 'Partner Role': 'VAR/Reseller' },
]);
const touches: Cell[][] = [
  ['Deal ID', 'Partner', 'Activity', 'Date'],
  ['R4', 'Globex', 'Meeting', '2024-03-10'], // 0.5 would count; an email more would not reach it
  ['R4', 'Initech', 'Webinar', '2024-03-10'], ['R4', 'Initech', 'Email', '2024-03-12'], ['R4', 'Initech', 'Email', '2024-03-14'], // 0.45: just below
  ['R8', 'Tyrell', 'Email', '2024-03-10'], // 0.1: far below, no review
];
const policy = { asOfDate: '2024-06-30' };

describe('the review queue', () => {
  const queue = reviewQueue(analyze({ deals, touches }, { policy }));
  const byId = new Map(queue.items.map((i) => [i.id, i]));

  it('lists each kind of deal that needs a decision, most money first, and nothing else', () => {
    expect(queue.items.map((i) => i.id)).toEqual(['R2', 'R5', 'R3', 'R6', 'R1', 'R4']);
    expect(queue.items.map((i) => i.codes)).toEqual([['no-partner-named'], ['role-only'], ['registration-window'], ['role-only'],
      ['sourcing-conflict'], ['near-threshold']]);
    expect(queue.amount).toBe(42000 + 30000 + 12000 + 7000 + 5000 + 900);
  });

  it('says what the rules decided and why', () => {
    expect(byId.get('R1')).toMatchObject({ motion: 'sourced', partners: 'Umbrella', labels: ['Sourcing claims disagree'] });
    expect(byId.get('R1')!.reason).toContain('overruled claim: Acme (Sourcing Partner column)');
    expect(byId.get('R2')).toMatchObject({ status: 'open', motion: 'sourced', partners: '(Unknown partner)' });
    expect(byId.get('R4')).toMatchObject({ motion: 'influenced', partners: 'Globex' });
    expect(byId.get('R4')!.reason).toContain('Initech (webinar 2024-03-10, email 2024-03-12 +1 more: weight 0.45 < 0.5)');
  });

  it('leaves out lost deals, resale by role, plain sourcing evidence and light touches', () => {
    for (const id of ['R7', 'R8', 'R9']) expect(byId.has(id)).toBe(false);
  });

  it('takes "just below the threshold" from the policy', () => {
    const strict = reviewQueue(analyze({ deals, touches }, { policy: { ...policy, reviewNearThreshold: 0.95 } }));
    expect(strict.items.map((i) => i.id)).not.toContain('R4');
    const loose = reviewQueue(analyze({ deals, touches }, { policy: { ...policy, reviewNearThreshold: 0.1 } }));
    expect(loose.items.map((i) => i.id)).toContain('R8');
  });

  it('drops a deal once it is set by hand', () => {
    const overrides = [['Deal ID', 'Motion', 'Partner', 'Note'], ['R2', 'Sourced', 'Acme', 'Acme confirmed by email']];
    const after = reviewQueue(analyze({ deals, touches, overrides }, { policy }));
    expect(after.items.map((i) => i.id)).toEqual(['R5', 'R3', 'R6', 'R1', 'R4']);
  });

  it('becomes a Review tab with the amounts as money and the reasons in words', () => {
    const tab = reviewTab(queue);
    const [block] = tab.blocks;
    expect(tab.name).toBe('Review');
    expect(block!.title).toMatch(/^6 deals need a decision/);
    expect(block!.values[1]).toEqual([42000, 'R2', '', 'Open', 3, 'Partner lead source, but no partner named', 'Sourced', '(Unknown partner)',
      expect.stringContaining('lead source "Channel", no partner named')]);
    expect(block!.formats[0]).toBe('money');
  });
});
