/** Where summary tabs go: the add-on's own sheets are reused, a user's sheet is never touched. */
import { planTabTargets, describeWrittenTabs } from '../../src/core';

const REPORTS = ['Partner Summary', 'Partner Trend'];

describe('planTabTargets', () => {
  it('adds sheets under the report names in an empty workbook', () => {
    expect(planTabTargets(REPORTS, [{ name: 'Deals', ownedReport: null }]).targets.map((t) => [t.sheetName, t.reuse]))
      .toEqual([['Partner Summary', false], ['Partner Trend', false]]);
  });

  it('writes beside a user\'s tab of the same name (any case) and says why', () => {
    const plan = planTabTargets(REPORTS, [{ name: 'partner summary', ownedReport: null }, { name: 'Partner Summary (2)', ownedReport: null }]);
    expect(plan.targets[0]).toEqual({ report: 'Partner Summary', sheetName: 'Partner Summary (3)', reuse: false, userTabInTheWay: 'partner summary' });
    expect(describeWrittenTabs(plan)).toBe('Wrote Partner Summary (3) and Partner Trend — Partner Summary (3) because you have your own tab named partner summary.');
  });

  it('reuses the add-on\'s own sheet, even after the user renamed it, and marks extra copies stale', () => {
    const plan = planTabTargets(REPORTS, [
      { name: 'Partner Summary', ownedReport: null },
      { name: 'Our partners', ownedReport: 'Partner Summary' },
      { name: 'Partner Summary (3)', ownedReport: 'Partner Summary' },
      { name: 'Partner Trend', ownedReport: 'Partner Trend' },
    ]);
    expect(plan.targets.map((t) => [t.sheetName, t.reuse])).toEqual([['Our partners', true], ['Partner Trend', true]]);
    expect(plan.stale).toEqual(['Partner Summary (3)']);
  });
});
