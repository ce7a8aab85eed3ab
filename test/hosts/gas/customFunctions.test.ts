/** The custom functions in the built Code.js: Sheets-shaped input in, the engine's own numbers (or a clear error) out. */
import { CUSTOM_FUNCTIONS, runFunction } from '../../../src/core/index';
import { functionMessage } from '../../../src/core/messages';
import { codeJsText, loadProject } from './builtCodeJs';
import { day, generatedDeals, workedExample } from './workedExample';

const project = loadProject();
const core = (id: string, ...args: unknown[]) => runFunction(id, args, null);

describe('Code.js declares the custom functions the way Sheets finds them', () => {
  const code = codeJsText();

  it.each(CUSTOM_FUNCTIONS.map((def) => [def.sheetsName, def] as const))('%s is a top-level function with @customfunction in the JSDoc right above it', (name, def) => {
    expect(typeof (project.context as Record<string, unknown>)[name]).toBe('function');
    const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\n^function ${name}\\(([^)]*)\\)`, 'm').exec(code);
    expect(match).not.toBeNull();
    const [, doc, params] = match!;
    expect(doc).toContain('@customfunction');
    expect(doc).toContain(def.description.replace(/\s+/g, ' '));
    expect(params!.split(',').map((p) => p.trim())).toEqual(def.params.map((p) => p.name));
    for (const param of def.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param.name} `));
    expect(doc).toMatch(/@return \{/);
  });

  it('declares no other @customfunction than the shared list', () => {
    expect(code.match(/@customfunction/g)).toHaveLength(CUSTOM_FUNCTIONS.length);
  });
});

describe('custom functions return the engine\'s numbers for Sheets-shaped input', () => {
  const deals = workedExample();

  it('PARTNER_SOURCED, _INFLUENCED, _RESOLD and _LED give the worked example\'s totals', () => {
    expect(project.call('PARTNER_SOURCED', deals)).toBe(15000);
    expect(project.call('PARTNER_INFLUENCED', deals)).toBe(9000.01);
    expect(project.call('PARTNER_RESOLD', deals)).toBe(2000);
    expect(project.call('PARTNER_LED', deals)).toBe(26000.01);
  });

  it.each([
    ['PARTNER_SOURCED', 'SOURCED', [undefined, undefined, undefined]],
    ['PARTNER_SOURCED', 'SOURCED', ['Acme', '', undefined]],
    ['PARTNER_INFLUENCED', 'INFLUENCED', ['Globex', 'won']],
    ['PARTNER_LED', 'LED', ['Initech', 'open']],
    ['PARTNER_LED', 'LED', ['', 'all']],
    ['PARTNER_RESOLD', 'RESOLD', ['Hooli Distribution']],
    ['PARTNER_CREDIT', 'CREDIT', ['Globex', 'position']],
    ['PARTNER_SHARE', 'SHARE', ['sourced']],
    ['PARTNER_SHARE', 'SHARE', [undefined, 'won']],
  ] as const)('%s(deals, %j) equals the core\'s %s', (name, id, rest) => {
    expect(project.call(name, deals, ...rest)).toBe(core(id, deals, ...rest));
  });

  it('PARTNER_ROLLUP spills the per-partner table with its header row, as the core builds it', () => {
    const table = project.call<unknown[][]>('PARTNER_ROLLUP', deals);
    expect(table).toEqual(core('ROLLUP', deals));
    expect(table[0]![0]).toBe('Partner');
    expect(table.length).toBeGreaterThan(1);
    for (const row of table) for (const cell of row) expect(cell === null || cell === undefined).toBe(false);
  });

  it('PARTNER_CLASSIFY and PARTNER_EXPLAIN spill a column aligned with the input rows', () => {
    const labels = project.call<unknown[][]>('PARTNER_CLASSIFY', deals);
    expect(labels.map((r) => r[0])).toEqual(['Partner Motion', 'Sourced', 'Influenced', 'Sourced', 'Resold', 'Resold', 'Direct', 'Influenced']);
    const reasons = project.call<unknown[][]>('PARTNER_EXPLAIN', deals);
    expect(reasons).toEqual(core('EXPLAIN', deals));
    expect(reasons).toHaveLength(deals.length);
  });

  it('takes a partner given as a one-cell range, and blank rows inside a whole-column range', () => {
    const withBlanks = [...deals, ...Array.from({ length: 20 }, () => deals[0]!.map(() => ''))];
    expect(project.call('PARTNER_SOURCED', withBlanks, 'Acme Inc.')).toBe(core('SOURCED', deals, 'Acme Inc.'));
    expect(project.call('PARTNER_SOURCED', withBlanks, [['Acme Inc.']])).toBe(core('SOURCED', deals, 'Acme Inc.'));
  });

  it('reads a date cell as the day the sheet shows, even when the spreadsheet is in another time zone than the script', () => {
    // A spreadsheet on Kiritimati (UTC+14) hands over a date as the instant of midnight there: 10:00 UTC the day before.
    const kiritimati = loadProject({ timeZone: 'Pacific/Kiritimati' });
    const atMidnightThere = (iso: string) => new Date(new Date(`${iso}T00:00:00Z`).getTime() - 14 * 3_600_000);
    const created = deals[0]!.indexOf('Created Date');
    const registered = deals[0]!.indexOf('Registration Date');
    // Created typed as text 03-04; registered 03-12 is 8 days later, past the 7-day grace: influence, not sourcing.
    const sheet = deals.map((r) => [...r]);
    sheet[3]![created] = '2024-03-04';
    sheet[3]![registered] = atMidnightThere('2024-03-12');
    const reference = deals.map((r) => [...r]);
    reference[3]![created] = '2024-03-04';
    reference[3]![registered] = day('2024-03-12');
    expect(kiritimati.call('PARTNER_SOURCED', sheet, 'Umbrella')).toBe(core('SOURCED', reference, 'Umbrella'));
    expect(kiritimati.call('PARTNER_SOURCED', sheet, 'Umbrella')).toBe(0);
    expect(kiritimati.call('PARTNER_SOURCED', sheet, 'Acme')).toBe(15000);
  });

  it('handles 50,000 rows in one call', () => {
    const big = generatedDeals(50_000);
    expect(project.call('PARTNER_LED', big)).toBe(core('LED', big));
  });
});

describe('custom functions refuse unusable input with a clear message', () => {
  const deals = workedExample();
  const errorOf = (name: string, ...args: unknown[]): Error => {
    try {
      project.call(name, ...args);
    } catch (error) {
      return error as Error;
    }
    throw new Error(`${name} did not throw`);
  };

  it('throws an Error naming the function and the problem for a bad status', () => {
    const error = errorOf('PARTNER_SOURCED', deals, '', 'someday');
    expect(error.name).toBe('Error');
    expect(error.message).toBe('PARTNER_SOURCED: status must be "won", "open" or "all"; got "someday".');
  });

  it('throws when PARTNER_CREDIT has no partner, or an unknown model', () => {
    expect(errorOf('PARTNER_CREDIT', deals).message).toMatch(/^PARTNER_CREDIT: .*needs a partner name/);
    expect(errorOf('PARTNER_CREDIT', deals, 'Acme', 'linear').message).toMatch(/model must be one of even, first, last, position, time-decay, weighted; got "linear"/);
  });

  it('throws when the deals range has no header row it can read, instead of returning a number', () => {
    const error = errorOf('PARTNER_LED', [['a', 'b'], [1, 2]]);
    expect(error.message).toMatch(/^PARTNER_LED: /);
    expect(error.message).not.toMatch(/at .*\.js:\d+/);
  });

  it('names a wrong-kind argument with the catalogue\'s message; omitted optional arguments arrive as undefined', () => {
    // A date cell where the period goes: Sheets hands over a Date, which is not a quarter's text.
    expect(errorOf('PARTNER_PAYOUT', deals, 'Acme Inc.', day('2024-04-01')).message).toBe(`PARTNER_PAYOUT: ${functionMessage('NOT_TEXT', { name: 'period' })}`);
    // A TRUE cell where the motion goes, a number where the model goes, a number where the status goes.
    expect(errorOf('PARTNER_SHARE', deals, true).message)
      .toBe(`PARTNER_SHARE: ${functionMessage('NOT_A_CHOICE', { name: 'motion', choices: '"led", "sourced", "influenced", "resold" or "direct"', value: 'true' })}`);
    expect(errorOf('PARTNER_CREDIT', deals, 'Globex', 3).message)
      .toBe(`PARTNER_CREDIT: ${functionMessage('NOT_A_CHOICE', { name: 'model', choices: 'one of even, first, last, position, time-decay, weighted', value: '3' })}`);
    expect(errorOf('PARTNER_SOURCED', deals, undefined, 45383).message)
      .toBe(`PARTNER_SOURCED: ${functionMessage('NOT_A_CHOICE', { name: 'status', choices: '"won", "open" or "all"', value: '45383' })}`);
    // A name that is an Object.prototype key is an unknown motion, not "could not finish".
    expect(errorOf('PARTNER_SHARE', deals, 'constructor').message)
      .toBe(`PARTNER_SHARE: ${functionMessage('NOT_A_CHOICE', { name: 'motion', choices: '"led", "sourced", "influenced", "resold" or "direct"', value: 'constructor' })}`);
    // The required partner left out (undefined), and the optional ones left out giving the same number as written out.
    expect(errorOf('PARTNER_PAYOUT', deals).message).toBe(`PARTNER_PAYOUT: ${functionMessage('NEEDS_PARTNER', { fn: 'PAYOUT', position: 'second' })}`);
    expect(project.call('PARTNER_CREDIT', deals, 'Globex', undefined, undefined, undefined)).toBe(project.call('PARTNER_CREDIT', deals, 'Globex', 'even', 'won'));
  });

  it('throws when deals is a single cell rather than a table', () => {
    expect(errorOf('PARTNER_SOURCED', 42).message).toMatch(/^PARTNER_SOURCED: /);
  });
});

describe('custom functions honour the settings saved by the sidebar', () => {
  it('counts resold deals as sourced once the saved policy says so', () => {
    const fresh = loadProject();
    const deals = workedExample();
    fresh.call('paSaveSettings', { version: 1, tab: null, mapping: {}, policy: { resoldCountsAs: 'sourced' } });
    const after = fresh.call('PARTNER_SOURCED', deals);
    expect(after).toBe(runFunction('SOURCED', [deals], { version: 1, tab: null, mapping: {}, policy: { resoldCountsAs: 'sourced' } }));
    expect(after).toBe(17000);
  });
});
