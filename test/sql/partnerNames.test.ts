/**
 * The DuckDB script splits partner cells as the engine does (SPEC 2.1): commas kept in single-partner
 * columns, list cells split on ";", "|", "," except legal suffixes, region words and known comma
 * names, and keys in NFKC (full-width and NFD forms match the plain ones).
 */
import { analyze } from '../../src/core/analyze';
import type { Grid } from '../../src/core/types';
import { runSqlLikeEngine } from './duckDbHarness';
import { fromEngine, fromSql } from './compareWithEngine';

const HEADER = ['Opportunity ID', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner', 'Reseller', 'Influencing Partners'];

describe('partner names in the DuckDB script', () => {
  it('agree with the engine on a Salesforce-style export with comma names', async () => {
    const deals: Grid = [HEADER,
      ['006A1', 'Closed Won', 12000, 45400, '', 'Contoso Ltd., North', ''],
      ['006A2', 'Closed Won', 8000, 45410, '', 'Contoso Ltd., South', 'Contoso Ltd., North, Fabrikam'],
      ['006A3', 'Closed Won', 5000, 45420, 'Smith, Jones & Co.', '', 'Smith, Jones & Co., Globex, Asia Pacific'],
      ['006A4', 'Closed Won', 3000, 45430, 'Globex | Initech', 'Umbrella, LLC', 'Acme, Inc. | Hooli;Wayne, EMEA'],
      ['006A5', 'Closed Won', 900, 45440, 'Ａｃｍｅ Ｉｎｃ．', '', 'Cafe\u0301 Partners, Initech'],
      ['006A6', 'Closed Won', 700, 45450, 'Caf\u00e9 Partners', '', 'Stark,  , Wayne, , Inc.'],
    ];
    const analysis = analyze({ deals });
    const run = await runSqlLikeEngine(analysis, deals, null, {});
    const engine = fromEngine(analysis);
    expect(fromSql(run).deals).toEqual(engine.deals);
    expect(fromSql(run).partners).toEqual(engine.partners);
    // And what they agree on is what a channel manager expects.
    // (Row 3's sourcing partner is not also an influencer; "Ａｃｍｅ Ｉｎｃ．" is "Acme, Inc.", NFD "Café" the NFC one.)
    expect(engine.deals.map((d) => d.influencers)).toEqual(['', 'Contoso Ltd., North; Fabrikam', 'Globex, Asia Pacific',
      'Acme, Inc.; Hooli; Wayne, EMEA', 'Cafe\u0301 Partners; Initech', 'Stark; Wayne, Inc.']);
    expect(engine.deals[2]!.sourcingPartner).toBe('Smith, Jones & Co.');
    expect(engine.deals[3]!.sourcingPartner).toBe('Globex | Initech');
    expect(Object.keys(engine.partners)).not.toContain('North');
  });

  it('agree with the engine on partners, activities, stages and currencies named "__proto__", "constructor", "toString"', async () => {
    const deals: Grid = [['Deal ID', 'Stage', 'Amount', 'Currency', 'Created Date', 'Close Date', 'Lead Source', 'Sourcing Partner', 'Influencing Partners', 'Reseller'],
      ['H-1', 'Closed Won', 1000, 'USD', 45300, 45350, 'Partner Referral', '__proto__', 'constructor; toString', ''],
      ['H-2', 'Closed Won', 600, 'USD', 45300, 45355, 'Web', '', '', 'hasOwnProperty'],
      ['H-3', '__proto__', 300, 'USD', 45300, '', 'Web', '', 'valueOf, prototype', ''],
      ['H-4', 'Closed Won', 200, '__proto__', 45300, 45357, 'Web', '', 'Globex', ''],
      ['H-5', 'Closed Won', 400, 'USD', 45300, 45359, 'Web', '', '', ''],
    ];
    const touches: Grid = [['Deal ID', 'Partner', 'Activity', 'Date'],
      ['H-5', 'prototype', 'constructor', 45320], ['H-5', 'Globex', 'toString', 45321], ['H-5', '__proto__', 'hasOwnProperty', 45322]];
    for (const policy of [{}, { activityWeights: { constructor: 2, tostring: 0.1 }, influenceModel: 'weighted' }]) {
      const analysis = analyze({ deals, touches }, { policy });
      const run = await runSqlLikeEngine(analysis, deals, touches, policy);
      const engine = fromEngine(analysis);
      expect(fromSql(run).deals).toEqual(engine.deals);
      expect(fromSql(run).partners).toEqual(engine.partners);
      expect(Object.keys(engine.deals[0]!.credits)).toEqual(['__proto__']);
      expect(Object.keys(engine.partners)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']));
    }
  });
});
