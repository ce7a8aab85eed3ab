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
});
