/** The built functions.js, run in node:vm the way Excel's runtime runs it, against the core's own answers. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { runFunction } from '../../../src/core/functions/functionList';
import { CUSTOM_FUNCTIONS } from '../../../src/core/functions/functionList';
import { buildExcel } from './buildExcel';
import { DATE_DEALS, EXCEL_DEALS } from './workedExample';

class FakeCustomFunctionError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

type Fn = (...args: unknown[]) => unknown;

/** Loads functions.js in a fresh VM context with a fake CustomFunctions (and optionally workbook settings). */
const load = (code: string, saved?: unknown): Map<string, Fn> => {
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
  vm.runInNewContext(code, { CustomFunctions, Office, console });
  return registered;
};

const callError = (fn: Fn, ...args: unknown[]): FakeCustomFunctionError => {
  try {
    fn(...args);
  } catch (error) {
    return error as FakeCustomFunctionError;
  }
  throw new Error('expected the function to throw');
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
        expect(meta.parameters[i]!.dimensionality).toBe(p.kind === 'range' ? 'matrix' : 'scalar');
        expect(meta.parameters[i]!.optional ?? false).toBe(p.optional);
      });
      expect(meta.result.dimensionality).toBe(def.returns === 'matrix' ? 'matrix' : 'scalar');
    }
  });

  it('returns the engine\'s numbers for Excel-shaped input (serial dates, null for omitted arguments)', () => {
    const registered = load(code);
    for (const def of CUSTOM_FUNCTIONS) {
      const excelArgs: unknown[] = def.params.map((p, i) => (i === 0 ? EXCEL_DEALS : p.name === 'partner' && !p.optional ? 'Acme Inc.' : null));
      const coreArgs: unknown[] = def.params.map((p, i) => (i === 0 ? DATE_DEALS : p.name === 'partner' && !p.optional ? 'Acme Inc.' : undefined));
      expect(registered.get(def.id)!(...excelArgs)).toEqual(runFunction(def.id, coreArgs, null));
    }
  });

  it('gives the worked example\'s totals: sourced 15,000.00, partner-led 26,000.01, led pipeline 8,000.00', () => {
    const fn = load(code);
    expect(fn.get('SOURCED')!(EXCEL_DEALS, null, null, null)).toBe(15000);
    expect(fn.get('LED')!(EXCEL_DEALS, null, null, null)).toBe(26000.01);
    expect(fn.get('LED')!(EXCEL_DEALS, null, 'open', null)).toBe(8000);
    expect(fn.get('SOURCED')!(EXCEL_DEALS, 'Umbrella', null, null)).toBe(5000);
    expect(fn.get('CREDIT')!(EXCEL_DEALS, 'Globex', null, null, null)).toBe(4500.01);
    expect(fn.get('SHARE')!(EXCEL_DEALS, null, null)).toBeCloseTo(0.8966, 4);
    const motions = fn.get('CLASSIFY')!(EXCEL_DEALS, null) as string[][];
    expect(motions.map((r) => r[0])).toEqual(['Partner Motion', 'Sourced', 'Influenced', 'Sourced', 'Resold', 'Resold', 'Direct', 'Influenced']);
  });

  it('applies the settings saved in the workbook (an explicit column mapping)', () => {
    const fn = load(code, { version: 1, tab: null, mapping: { amount: 'Other Amount' }, policy: {} });
    // Sourced deals are rows 2 and 4, whose "Other Amount" is 100 and 200.
    expect(fn.get('SOURCED')!(EXCEL_DEALS, null, null, null)).toBe(300);
  });

  it('turns unusable input into CustomFunctions.Error #VALUE! with the engine\'s message', () => {
    const fn = load(code);
    const noPartner = callError(fn.get('CREDIT')!, EXCEL_DEALS, null, null, null, null);
    expect(noPartner).toBeInstanceOf(FakeCustomFunctionError);
    expect(noPartner.code).toBe('#VALUE!');
    expect(noPartner.message).toMatch(/partner name/);
    const badStatus = callError(fn.get('SOURCED')!, EXCEL_DEALS, null, 'closed', null);
    expect(badStatus.message).toBe('status must be "won", "open" or "all"; got "closed".');
    const notARange = callError(fn.get('LED')!, 42, null, null, null);
    expect(notARange.code).toBe('#VALUE!');
    expect(notARange.message).toMatch(/deals must be a range/);
  });

  it('reports a table without deal columns as a message, not a number', () => {
    const err = callError(load(code).get('SOURCED')!, [['Colour', 'Size'], ['red', 3]], null, null, null);
    expect(err).toBeInstanceOf(FakeCustomFunctionError);
    expect(err.message.length).toBeGreaterThan(10);
    expect(err.message).not.toMatch(/at .*\.js:\d+/);
  });
});
