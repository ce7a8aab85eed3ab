/** The default policy of SPEC 3, rule by rule, from the deal's own columns. */
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell } from '../../src/core';
import { dealGrid } from './dealGrid';

const base = { 'Deal ID': 'D1', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-03-04', 'Close Date': '2024-05-01' };
const one = (row: Record<string, Cell>, policy: Record<string, unknown> = {}) => {
  const summary = toSummaryJson(analyze({ deals: dealGrid([{ ...base, ...row }]) }, { policy }));
  return { deal: summary.deals[0]!, summary, codes: summary.issues.map((i) => i.code) };
};

describe('sourcing by deal registration', () => {
  it('credits an approved registration dated before creation, and says so in the reason', () => {
    const { deal } = one({ 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01', 'Registration Status': 'Approved' });
    expect(deal.motion).toBe('sourced');
    expect(deal.sourcingPartner).toBe('Umbrella');
    expect(deal.reason).toBe('Sourced by Umbrella (deal registration 2024-03-01, before creation 2024-03-04)');
  });

  it('accepts an empty status and a registration within the 7-day grace after creation', () => {
    expect(one({ 'Registered By': 'Umbrella', 'Registration Date': '2024-03-11' }).deal.motion).toBe('sourced');
  });

  it('turns a registration after the grace into influence, with an info issue', () => {
    const { deal, codes } = one({ 'Registered By': 'Umbrella', 'Registration Date': '2024-03-12' });
    expect(deal.motion).toBe('influenced');
    expect(deal.influencers).toEqual(['Umbrella']);
    expect(codes).toContain('REGISTRATION_LATE');
  });

  it('turns a registration older than the 90-day expiry into influence', () => {
    const { deal, codes } = one({ 'Registered By': 'Umbrella', 'Registration Date': '2023-12-01' });
    expect(deal.motion).toBe('influenced');
    expect(codes).toContain('REGISTRATION_EXPIRED');
  });

  it.each(['Rejected', 'Expired', 'Denied', 'Cancelled', 'Pending'])('makes a %s registration a touch only', (status) => {
    const { deal } = one({ 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01', 'Registration Status': status });
    expect(deal.motion).toBe('direct');
    expect(deal.touched).toEqual(['Umbrella']);
  });

  it('honours changed windows', () => {
    expect(one({ 'Registered By': 'U', 'Registration Date': '2024-03-12' }, { registrationGraceDays: 10 }).deal.motion).toBe('sourced');
  });
});

describe('other sourcing evidence', () => {
  it('credits the Sourcing Partner column', () => {
    expect(one({ 'Sourcing Partner': 'Acme' }).deal.sourcingPartner).toBe('Acme');
  });

  it.each(['Partner', 'Partner Referral', 'Channel', 'Reseller', 'Deal Registration', 'Partner - Marketplace'])(
    'treats lead source %p as partner-sourced, crediting the Partner column', (source) => {
      const { deal } = one({ 'Lead Source': source, Partner: 'Acme' });
      expect(deal.motion).toBe('sourced');
      expect(deal.sourcingPartner).toBe('Acme');
    });

  it('falls back to the reseller when a partner lead source names no Partner', () => {
    const { deal } = one({ 'Lead Source': 'Partner', Reseller: 'Hooli' });
    expect(deal.sourcingPartner).toBe('Hooli');
  });

  it('credits "(Unknown partner)" with a warning when a partner lead source names no partner at all', () => {
    const { deal, codes } = one({ 'Lead Source': 'Partner Referral' });
    expect(deal.sourcingPartner).toBe('(Unknown partner)');
    expect(codes).toContain('PARTNER_UNKNOWN');
  });

  it('does not treat ordinary lead sources as partner ones', () => {
    expect(one({ 'Lead Source': 'Web', Partner: 'Acme' }).deal.motion).toBe('influenced');
  });

  it('credits a Partner whose role is a sourcing role', () => {
    expect(one({ Partner: 'Acme', 'Partner Role': 'Referral' }).deal.motion).toBe('sourced');
  });
});

describe('conflicting sourcing claims', () => {
  const claims = { 'Registered By': 'Umbrella', 'Registration Date': '2024-03-01', 'Sourcing Partner': 'Acme' };

  it('precedence: the strongest evidence wins and the conflict names the other claimant', () => {
    const { deal, summary } = one(claims);
    expect(deal.credits).toEqual({ Umbrella: 1000 });
    const issue = summary.issues.find((i) => i.code === 'SOURCING_CONFLICT')!;
    expect(issue.message).toContain('Acme (Sourcing Partner column)');
    expect(deal.reason).toContain('overruled claim: Acme');
  });

  it('split: every claimant shares the sourced credit evenly', () => {
    const { deal } = one({ ...claims, Amount: 1000.01 }, { conflictPolicy: 'split' });
    expect(deal.credits).toEqual({ Umbrella: 500.01, Acme: 500 });
  });

  it('flag: no one is the sourcer and the claimants become influencers', () => {
    const { deal, codes } = one(claims, { conflictPolicy: 'flag' });
    expect(deal.motion).toBe('influenced');
    expect(deal.influencers.sort()).toEqual(['Acme', 'Umbrella']);
    expect(codes).toContain('SOURCING_CONFLICT');
  });

  it('the same partner named twice is no conflict', () => {
    const { codes } = one({ ...claims, 'Sourcing Partner': 'Umbrella Inc.' });
    expect(codes).not.toContain('SOURCING_CONFLICT');
  });
});

describe('influence, resale and deployment from columns', () => {
  it('counts each listed influencer', () => {
    expect(one({ 'Influencing Partners': 'Globex; Initech' }).deal.influencers).toEqual(['Globex', 'Initech']);
  });

  it('counts a Partner with no role or an influence role as an influencer', () => {
    expect(one({ Partner: 'Acme' }).deal.motion).toBe('influenced');
    expect(one({ Partner: 'Acme', 'Partner Role': 'System Integrator' }).deal.motion).toBe('influenced');
  });

  it.each(['VAR/Reseller', 'Reseller', 'Distributor', 'Marketplace'])('makes a Partner with role %p the reseller', (role) => {
    const { deal } = one({ Partner: 'Acme', 'Partner Role': role });
    expect(deal.motion).toBe('resold');
    expect(deal.reseller).toBe('Acme');
  });

  it('makes the Reseller column resold, with credit split evenly among several', () => {
    const { deal } = one({ Reseller: 'Hooli; Pied Piper', Amount: 100.01 });
    expect(deal.motion).toBe('resold');
    expect(deal.credits).toEqual({ Hooli: 50.01, 'Pied Piper': 50 });
  });

  it('counts resold as sourced when resoldCountsAs is "sourced"', () => {
    const { deal } = one({ Reseller: 'Hooli' }, { resoldCountsAs: 'sourced' });
    expect(deal.motion).toBe('sourced');
    expect(deal.sourcingPartner).toBe('Hooli');
  });

  it('flags deployment without making the deal partner-led', () => {
    const { deal } = one({ 'Implementation Partner': 'Deloitte' });
    expect(deal.motion).toBe('direct');
    expect(deal.partnerLed).toBe(false);
    expect(deal.deployedBy).toEqual(['Deloitte']);
    expect(deal.reason).toContain('deployed by Deloitte');
  });

  it('gives sourcing precedence over influence and resale in the motion', () => {
    const { deal } = one({ 'Sourcing Partner': 'Acme', 'Influencing Partners': 'Globex', Reseller: 'Hooli' });
    expect(deal.motion).toBe('sourced');
    expect(deal.credits).toEqual({ Acme: 1000 });
    expect(deal.reason).toBe('Sourced by Acme (Sourcing Partner column); influenced by Globex (Influencing Partners column); resold by Hooli');
  });

  it('calls a deal with no partner evidence direct', () => {
    expect(one({}).deal.reason).toBe('Direct: no partner sourced, influenced or resold it');
  });
});

describe('status (SPEC 2.4)', () => {
  const status = (row: Record<string, Cell>, policy = {}) => one(row, policy).deal.status;
  it.each([['Closed Won', 'won'], ['closed-won', 'won'], ['Closed - Won', 'won'], ['ClosedWon', 'won'], ['closed_won', 'won'],
    ['Booked', 'won'], ['Closed Lost', 'lost'], ['Disqualified', 'lost'], ['Negotiation', 'open']])('reads stage %p as %p', (stage, expected) => {
    expect(status({ Stage: stage })).toBe(expected);
  });

  it('lets Won/Closed booleans beat the stage text', () => {
    expect(status({ Stage: 'Negotiation', Won: 'TRUE' })).toBe('won');
    expect(status({ Stage: 'Closed Won', Won: false, Closed: true })).toBe('lost');
    expect(status({ Stage: 'Closed Won', Closed: 'no' })).toBe('open');
  });

  it('treats a missing stage as open and reports it', () => {
    const { deal, codes } = one({ Stage: '' });
    expect(deal.status).toBe('open');
    expect(codes).toContain('STAGE_MISSING');
  });

  it('uses the won and lost lists from the policy', () => {
    expect(status({ Stage: 'Signed PO' }, { wonStages: ['Signed PO'] })).toBe('won');
  });
});
