import { dealStatus, stageLists, statusOfStage } from '../../src/core/deals/dealStatus';
import { DEFAULT_POLICY } from '../../src/core/policy';
import { analyze } from '../../src/core/analyze';
import { toSummaryJson } from '../../src/core/toSummaryJson';

describe('the status rule (SPEC 2.4)', () => {
  const lists = stageLists(DEFAULT_POLICY);

  it('reads Salesforce and HubSpot stage names as the default lists say, spacing and punctuation ignored', () => {
    expect(statusOfStage('Closed Won', lists)).toBe('won');
    expect(statusOfStage('closed - won', lists)).toBe('won');
    expect(statusOfStage('closedwon', lists)).toBe('won');
    expect(statusOfStage('Closed Lost', lists)).toBe('lost');
    expect(statusOfStage('Disqualified', lists)).toBe('lost');
    expect(statusOfStage('Negotiation/Review', lists)).toBe('open');
    expect(statusOfStage('appointmentscheduled', lists)).toBe('open');
  });

  it('lets the Won and Closed columns decide, and the stage fill in what they leave open', () => {
    expect(dealStatus(true, false, 'lost')).toBe('won');
    expect(dealStatus(null, false, 'won')).toBe('open');
    expect(dealStatus(false, true, 'won')).toBe('lost');
    expect(dealStatus(false, null, 'won')).toBe('open');
    expect(dealStatus(false, null, 'lost')).toBe('lost');
    expect(dealStatus(null, true, 'won')).toBe('won');
    expect(dealStatus(null, true, 'open')).toBe('lost');
    expect(dealStatus(null, null, 'lost')).toBe('lost');
    expect(dealStatus(null, null, null)).toBe('open');
  });

  it('is the rule the engine applies to a real export', () => {
    const grid = [
      ['Opportunity ID', 'Stage', 'Won', 'Closed', 'Amount'],
      ['006A', 'Closed Won', '', '', 1000],
      ['006B', 'Negotiation/Review', 'FALSE', 'TRUE', 2000],
      ['006C', 'Closed Won', 'FALSE', '', 3000],
      ['006D', 'Prospecting', '', 'TRUE', 4000],
    ];
    const analysis = analyze({ deals: grid });
    const statuses = toSummaryJson(analysis).deals.map((d) => d.status);
    const expected = [dealStatus(null, null, 'won'), dealStatus(false, true, 'open'), dealStatus(false, null, 'won'), dealStatus(null, true, 'open')];
    expect(statuses).toEqual(expected);
    expect(statuses).toEqual(['won', 'lost', 'open', 'lost']);
  });
});
