/** The built functions.js, run in node:vm the way Excel's runtime runs it, against the core's own answers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { runFunction } from '../../../src/core/functions/functionList';
import { functionMessage } from '../../../src/core/messages';
import { CUSTOM_FUNCTIONS } from '../../../src/core/functions/functionList';
import { buildExcel } from './buildExcel';
import { DATE_DEALS, EXCEL_DEALS, HEADER } from './workedExample';
import { FakeExcel } from './fakeExcel';

class FakeCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

type Fn = (...args: unknown[]) => unknown;

/** Loads functions.js in a fresh VM context with a fake CustomFunctions (and optionally workbook settings). */
const load = (code: string, saved?: unknown, globals: Record<string, unknown> = {}): Map<string, Fn> => {
  const registered = new Map<string, Fn>();
  const CustomFunctions = {
    associate: (id: string, fn: Fn) => {
      if (registered.has(id)) throw new Error(`associated twice: ${id}`);
      registered.set(id, fn);
    },
    Error: FakeCustomFunctionError,
    ErrorCode: { invalidValue: '#VALUE!' },
  };
  const Office = saved === undefined ? undefined
    : { context: { document: { settings: { get: (key: string) => (key === 'partner-attribution' ? JSON.stringify(saved) : null), set() {}, saveAsync() {} } } } };
  vm.runInNewContext(code, { CustomFunctions, Office, console, ...globals });
  return registered;
};

const callError = async (fn: Fn, ...args: unknown[]): Promise<FakeCustomFunctionError> => {
  try {
    await fn(...args);
  } catch (error) {
    return error as FakeCustomFunctionError;
  }
  throw new Error('expected the function to throw');
};

/** A functions' scalar result as Excel shows it: a `numbers` function returns [[n]] (its metadata says matrix). */
const one = async (value: unknown): Promise<unknown> => {
  const v = await value;
  return Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : v;
};

describe('the built Excel custom functions', () => {
  let out = '';
  let code = '';
  let metadata: { functions: { id: string; name: string; parameters: { name: string; optional?: boolean; dimensionality: string }[]; result: { dimensionality: string } }[] };
  beforeAll(() => {
    out = buildExcel();
    code = readFileSync(path.join(out, 'functions.js'), 'utf8');
    metadata = JSON.parse(readFileSync(path.join(out, 'functions.json'), 'utf8'));
  });

  it('registers exactly the functions listed in functions.json, each once, named by its id', () => {
    const registered = load(code);
    const ids = metadata.functions.map((f) => f.id);
    expect([...registered.keys()].sort()).toEqual([...ids].sort());
    expect(ids).toEqual(CUSTOM_FUNCTIONS.map((f) => f.id));
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it('describes ranges as matrices and text arguments as optional scalars, as the shared list says', () => {
    for (const def of CUSTOM_FUNCTIONS) {
      const meta = metadata.functions.find((f) => f.id === def.id)!;
      expect(meta.parameters.map((p) => p.name)).toEqual(def.params.map((p) => p.name));
      def.params.forEach((p, i) => {
        expect(meta.parameters[i]!.dimensionality).toBe(p.kind === 'text' ? 'scalar' : 'matrix');
        expect(meta.parameters[i]!.optional ?? false).toBe(p.optional);
      });
      expect(meta.result.dimensionality).toBe(def.returns === 'number' ? 'scalar' : 'matrix');
    }
  });

  it('returns the engine\'s numbers for Excel-shaped input (serial dates, null for omitted arguments)', async () => {
    const registered = load(code);
    for (const def of CUSTOM_FUNCTIONS) {
      const excelArgs: unknown[] = def.params.map((p, i) => (i === 0 ? EXCEL_DEALS : p.name === 'partner' && !p.optional ? 'Acme Inc.' : null));
      const coreArgs: unknown[] = def.params.map((p, i) => (i === 0 ? DATE_DEALS : p.name === 'partner' && !p.optional ? 'Acme Inc.' : undefined));
      let expected: ReturnType<typeof runFunction>;
      try {
        expected = runFunction(def.id, coreArgs, null);
      } catch (error) {
        // PAYOUT without a saved incentive plan: the engine's message reaches Excel as an error, not a number.
        await expect(Promise.resolve().then(() => registered.get(def.id)!(...excelArgs))).rejects.toThrow((error as Error).message);
        continue;
      }
      expect(await registered.get(def.id)!(...excelArgs)).toEqual(def.returns === 'numbers' && typeof expected === 'number' ? [[expected]] : expected);
    }
  });

  it('gives the worked example\'s totals: sourced 15,000.00, partner-led 26,000.01, led pipeline 8,000.00', async () => {
    const fn = load(code);
    expect(await one(fn.get('SOURCED')!(EXCEL_DEALS, null, null, null))).toBe(15000);
    expect(await one(fn.get('LED')!(EXCEL_DEALS, null, null, null))).toBe(26000.01);
    expect(await one(fn.get('LED')!(EXCEL_DEALS, null, 'open', null))).toBe(8000);
    expect(await one(fn.get('SOURCED')!(EXCEL_DEALS, 'Umbrella', null, null))).toBe(5000);
    expect(await one(fn.get('CREDIT')!(EXCEL_DEALS, 'Globex', null, null, null))).toBe(4500.01);
    expect(await one(fn.get('SHARE')!(EXCEL_DEALS, null, null))).toBeCloseTo(0.8966, 4);
    const motions = await fn.get('CLASSIFY')!(EXCEL_DEALS, null) as string[][];
    expect(motions.map((r) => r[0])).toEqual(['Partner Motion', 'Sourced', 'Influenced', 'Sourced', 'Resold', 'Resold', 'Direct', 'Influenced']);
  });

  it('applies the settings saved in the workbook (an explicit column mapping)', async () => {
    const fn = load(code, { version: 1, tab: null, mapping: { amount: 'Other Amount' }, policy: {} });
    // Sourced deals are rows 2 and 4, whose "Other Amount" is 100 and 200.
    expect(await one(fn.get('SOURCED')!(EXCEL_DEALS, null, null, null))).toBe(300);
  });

  it('turns unusable input into CustomFunctions.Error #VALUE! with the engine\'s message', async () => {
    const fn = load(code);
    const noPartner = await callError(fn.get('CREDIT')!, EXCEL_DEALS, null, null, null, null);
    expect(noPartner).toBeInstanceOf(FakeCustomFunctionError);
    expect(noPartner.code).toBe('#VALUE!');
    expect(noPartner.message).toMatch(/partner name/);
    const badStatus = await callError(fn.get('SOURCED')!, EXCEL_DEALS, null, 'closed', null);
    expect(badStatus.message).toBe('status must be "won", "open" or "all"; got "closed".');
    const notARange = await callError(fn.get('LED')!, 42, null, null, null);
    expect(notARange.code).toBe('#VALUE!');
    expect(notARange.message).toMatch(/deals must be a range/);
  });

  it('reports a table without deal columns as a message, not a number', async () => {
    const err = await callError(load(code).get('SOURCED')!, [['Colour', 'Size'], ['red', 3]], null, null, null);
    expect(err).toBeInstanceOf(FakeCustomFunctionError);
    expect(err.message.length).toBeGreaterThan(10);
    expect(err.message).not.toMatch(/at .*\.js:\d+/);
  });

  it('waits for Office before it reads the saved settings, instead of computing with the defaults', async () => {
    let ready: () => void = () => undefined;
    const Office: { onReady: () => Promise<void>; context: unknown } = {
      onReady: () => new Promise<void>((resolve) => { ready = resolve; }),
      context: {}, // Office.context.document appears only once Office is ready
    };
    const fn = load(code, undefined, { Office });
    const pending = fn.get('SOURCED')!(EXCEL_DEALS, null, null, null);
    Office.context = { document: { settings: { get: () => JSON.stringify({ version: 1, tab: null, mapping: { amount: 'Other Amount' }, policy: {} }), set() {}, saveAsync() {} } } };
    ready();
    expect(await one(pending)).toBe(300);
  });

  it('reads a 1904-date-system workbook\'s serials as the dates the user sees (Workbook.use1904DateSystem)', async () => {
    const excel = new FakeExcel([{ name: 'Deals' }], { date1904: true });
    const Office = { onReady: () => Promise.resolve(), context: { requirements: { isSetSupported: () => true } } };
    const fn = load(code, undefined, { Office, Excel: { run: excel.run } });
    const deals1904 = EXCEL_DEALS.map((row, r) => (r === 0 ? row : row.map((cell, c) => (/Date/.test(HEADER[c]!) && typeof cell === 'number' ? cell - 1462 : cell))));
    const reasons = await fn.get('EXPLAIN')!(deals1904, null) as string[][];
    const in1900 = await load(code).get('EXPLAIN')!(EXCEL_DEALS, null) as string[][];
    expect(reasons).toEqual(in1900);
    expect(reasons.flat().join(' ')).toMatch(/2024-03-01/);
  });

  it('answers a column of partner names from one call: =PARTNER.LED(deals, A2:A5) spills one amount per name', async () => {
    const fn = load(code);
    const names = [['Acme Inc.'], ['Globex'], [''], ['Nobody Ltd']];
    for (const id of ['SOURCED', 'INFLUENCED', 'RESOLD', 'LED']) {
      const column = await fn.get(id)!(EXCEL_DEALS, names, null, null);
      const single = await Promise.all(names.map(async ([name]) => (name ? one(fn.get(id)!(EXCEL_DEALS, [[name]], null, null)) : '')));
      expect(column).toEqual(single.map((v) => [v]));
    }
    expect(await fn.get('CREDIT')!(EXCEL_DEALS, names, null, null, null)).toEqual([[10000], [4500.01], [''], [0]]);
  });

  it('names a wrong-kind argument with the catalogue\'s message; omitted optional arguments arrive as null', async () => {
    const fn = load(code);
    // A date cell typed where the period goes: Excel hands over its serial number, not a quarter.
    const period = await callError(fn.get('PAYOUT')!, EXCEL_DEALS, [['Acme Inc.']], 45383, null);
    expect(period.code).toBe('#VALUE!');
    expect(period.message).toBe(functionMessage('NOT_A_PERIOD', { name: 'period', value: '45383' }));
    // A TRUE cell where the motion goes, a number where the model goes.
    expect((await callError(fn.get('SHARE')!, EXCEL_DEALS, true, null)).message)
      .toBe(functionMessage('NOT_A_CHOICE', { name: 'motion', choices: '"led", "sourced", "influenced", "resold" or "direct"', value: 'true' }));
    expect((await callError(fn.get('CREDIT')!, EXCEL_DEALS, [['Globex']], 3, null, null)).message)
      .toBe(functionMessage('NOT_A_CHOICE', { name: 'model', choices: 'one of even, first, last, position, time-decay, weighted', value: '3' }));
    // A name that is an Object.prototype key is an unknown motion, not a crash.
    expect((await callError(fn.get('SHARE')!, EXCEL_DEALS, 'constructor', null)).message)
      .toBe(functionMessage('NOT_A_CHOICE', { name: 'motion', choices: '"led", "sourced", "influenced", "resold" or "direct"', value: 'constructor' }));
    // The required partner left out (null), and the optional ones left out (null) giving the same number as written out.
    expect((await callError(fn.get('PAYOUT')!, EXCEL_DEALS, null, null, null)).message)
      .toBe(functionMessage('NEEDS_PARTNER', { fn: 'PAYOUT', position: 'second' }));
    expect(await one(fn.get('CREDIT')!(EXCEL_DEALS, [['Globex']], null, null, null)))
      .toBe(await one(fn.get('CREDIT')!(EXCEL_DEALS, [['Globex']], 'even', 'won', null)));
  });
});
