/** Touches (SPEC 2.2, 3): sourcing touches, influence significance, touched-only partners and deployment after close. */
import { analyze, toSummaryJson } from '../../src/core';
import type { Cell } from '../../src/core';
import { dealGrid, table } from './dealGrid';

const deals = dealGrid([{ 'Deal ID': 'D1', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-03-01', 'Close Date': '2024-04-30' }]);
const run = (touchRows: Cell[][], policy: Record<string, unknown> = {}, dealRows = deals) => {
  const summary = toSummaryJson(analyze({ deals: dealRows, touches: table(['Deal ID', 'Partner', 'Activity', 'Date', 'Weight'], ...touchRows) }, { policy }));
  return { deal: summary.deals[0]!, summary, codes: summary.issues.map((i) => i.code) };
};

describe('sourcing touches', () => {
  it('credits a referral within 30 days before creation as sourcing', () => {
    const { deal } = run([['D1', 'Acme', 'Referral', '2024-02-05', '']]);
    expect(deal.motion).toBe('sourced');
    expect(deal.reason).toBe('Sourced by Acme (referral 2024-02-05)');
  });

  it('does not credit a referral outside the lookback window as sourcing', () => {
    const { deal } = run([['D1', 'Acme', 'Referral', '2024-01-15', '']]);
    expect(deal.motion).not.toBe('sourced');
  });

  it('accepts a sourcing touch up to the grace after creation', () => {
    expect(run([['D1', 'Acme', 'Introduction', '2024-03-08', '']]).deal.motion).toBe('sourced');
    expect(run([['D1', 'Acme', 'Introduction', '2024-03-09', '']]).deal.motion).toBe('influenced');
  });
});

describe('influence from touches', () => {
  it('makes a partner significant at the 0.5 threshold and reports the summed weight', () => {
    const { deal } = run([['D1', 'Globex', 'Webinar', '2024-03-10', ''], ['D1', 'Globex', 'Event', '2024-03-20', '']]);
    expect(deal.motion).toBe('influenced');
    expect(deal.reason).toContain('weight 0.5');
  });

  it('leaves a partner below the threshold as touched only', () => {
    const { deal } = run([['D1', 'Globex', 'Email', '2024-03-10', ''], ['D1', 'Globex', 'Webinar', '2024-03-20', '']]);
    expect(deal.motion).toBe('direct');
    expect(deal.touched).toEqual(['Globex']);
    expect(deal.reason).toContain('only touched by Globex');
    expect(deal.reason).toContain('weight 0.35 < 0.5');
  });

  it('lets the Weight column override the activity weight', () => {
    expect(run([['D1', 'Globex', 'Email', '2024-03-10', 2]]).deal.motion).toBe('influenced');
    expect(run([['D1', 'Globex', 'Demo', '2024-03-10', 0.1]]).deal.motion).toBe('direct');
  });

  it('ignores touches before the 90-day window or after close', () => {
    expect(run([['D1', 'Globex', 'Demo', '2023-11-01', '']]).deal.motion).toBe('direct');
    expect(run([['D1', 'Globex', 'Demo', '2024-05-02', '']]).deal.motion).toBe('direct');
  });

  it('uses the activity weights and threshold from the policy', () => {
    expect(run([['D1', 'Globex', 'Webinar', '2024-03-10', '']], { influenceThreshold: 0.2 }).deal.motion).toBe('influenced');
    expect(run([['D1', 'Globex', 'Webinar', '2024-03-10', '']], { activityWeights: { webinar: 1 } }).deal.motion).toBe('influenced');
  });
});

describe('deployment and bad touch rows', () => {
  it('flags a deployment activity after close without making the deal partner-led', () => {
    const { deal } = run([['D1', 'Deloitte', 'Onboarding', '2024-05-10', '']]);
    expect(deal.deployedBy).toEqual(['Deloitte']);
    expect(deal.partnerLed).toBe(false);
  });

  it('reports touches for unknown deals and touches without a date, and ignores them', () => {
    const { deal, summary } = run([['D9', 'Globex', 'Demo', '2024-03-10', ''], ['D1', 'Globex', 'Demo', 'soon', '']]);
    expect(deal.motion).toBe('direct');
    expect(summary.issues.find((i) => i.code === 'TOUCH_UNKNOWN_DEAL')?.value).toBe('D9');
    expect(summary.issues.find((i) => i.code === 'DATE_INVALID')?.row).toBe(3);
  });

  it('merges touch partner spellings with the deals table', () => {
    const dealRows = dealGrid([{ 'Deal ID': 'D1', Stage: 'Closed Won', Amount: 1000, 'Created Date': '2024-03-01', 'Sourcing Partner': 'Acme Inc.' }]);
    const { summary } = run([['D1', 'ACME, Inc', 'Demo', '2024-03-10', '']], {}, dealRows);
    expect(summary.partners.map((p) => p.partner)).toEqual(['Acme Inc.']);
  });
});

describe('touches naming no usable partner', () => {
  it('reports a partner name of punctuation only and ignores the touch', () => {
    const { deal, summary } = run([['D1', '...', 'Demo', '2024-03-10', '']]);
    expect(deal.motion).toBe('direct');
    expect(summary.issues.find((i) => i.code === 'TOUCH_INCOMPLETE')?.value).toBe('...');
  });
});
