/**
 * The Sheets custom functions of the built Code.js, registered in HyperFormula under their Sheets names,
 * agree with plain SUMIFS formulas over the same sheet. Sheets-style arguments: ranges as 2D arrays,
 * "" for empty cells, undefined for omitted arguments.
 */
import { ArraySize, CellError, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import { CUSTOM_FUNCTIONS, PARTNER_COLUMNS } from '../../../src/core/index';
import { loadProject } from './builtCodeJs';
import { generatedDeals, HEADER } from './workedExample';

const project = loadProject();

/** A HyperFormula value as Sheets hands it to a custom function. */
const toSheetsCell = (value: unknown): unknown => {
  if (typeof value === 'symbol' || value === null) return ''; // EmptyValue: an empty cell
  if (value instanceof CellError) return `#${value.type}`;
  if (typeof value === 'object' && 'val' in (value as object)) return (value as { val: unknown }).val; // a formatted number
  return value;
};
const toSheetsArg = (value: unknown): unknown =>
  value instanceof SimpleRangeValue ? value.rawData().map((row) => row.map(toSheetsCell)) : value === undefined ? undefined : toSheetsCell(value);

type Ast = { args: unknown[] };
type PluginThis = FunctionPlugin & Record<string, unknown> & {
  runFunction(args: unknown[], state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
  arraySizeForAst(ast: unknown, state: unknown): ArraySize;
};

/** One plugin generated from CUSTOM_FUNCTIONS, each function calling Code.js's top-level function of the same name. */
class SheetsFunctionsPlugin extends FunctionPlugin {}
const implemented: ImplementedFunctions = {};
const proto = SheetsFunctionsPlugin.prototype as unknown as Record<string, unknown>;
/** Calls into Code.js per function name and argument shape (a range of names counts as one call). */
const calls = new Map<string, number>();
for (const def of CUSTOM_FUNCTIONS) {
  const method = `run${def.id}`;
  implemented[def.sheetsName] = {
    method,
    // A names argument takes one name or a range of names, as Sheets hands either to the function.
    parameters: def.params.map((p) => ({
      argumentType: p.kind === 'range' ? FunctionArgumentType.RANGE : p.kind === 'names' ? FunctionArgumentType.ANY : FunctionArgumentType.SCALAR,
      optionalArg: p.optional,
    })),
    ...(def.returns !== 'number' ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
  };
  proto[method] = function run(this: PluginThis, ast: Ast, state: unknown) {
    return this.runFunction(ast.args, state, this.metadata(def.sheetsName), (...args: unknown[]) => {
      try {
        const sheetsArgs = args.map(toSheetsArg);
        const shape = `${def.sheetsName}(${sheetsArgs.map((a) => (Array.isArray(a) ? `${a.length}x${(a[0] as unknown[] | undefined)?.length ?? 0}` : typeof a)).join(',')})`;
        calls.set(shape, (calls.get(shape) ?? 0) + 1);
        const out = project.call<number | unknown[][]>(def.sheetsName, ...sheetsArgs);
        return typeof out === 'number' ? out : SimpleRangeValue.onlyValues(out as never);
      } catch (error) {
        return new CellError(ErrorType.VALUE, (error as Error).message);
      }
    });
  };
  proto[`${method}Size`] = function size(this: PluginThis, ast: Ast, state: unknown) {
    const deals = this.arraySizeForAst(ast.args[0], state);
    // numbers: one per name of the names argument (a single number without one); CLASSIFY/EXPLAIN: one column aligned
    // with the rows; ROLLUP: at most one row per deal row plus the header (enough here).
    if (def.returns === 'numbers') {
      const at = def.params.findIndex((p) => p.kind === 'names');
      return at >= 0 && ast.args[at] !== undefined ? new ArraySize(1, this.arraySizeForAst(ast.args[at], state).height) : ArraySize.scalar();
    }
    return def.id === 'ROLLUP' ? new ArraySize(PARTNER_COLUMNS.length, deals.height + 1) : new ArraySize(1, deals.height);
  };
}
SheetsFunctionsPlugin.implementedFunctions = implemented;
HyperFormula.registerFunctionPlugin(SheetsFunctionsPlugin, { enGB: Object.fromEntries(CUSTOM_FUNCTIONS.map((d) => [d.sheetsName, d.sheetsName])) });

// The deals: A Deal ID ... D Amount, C Stage, H Partner, J Sourcing Partner, K Influencing Partners, L Reseller (see HEADER).
const DEALS = 240;
const rows = generatedDeals(DEALS).map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : cell)));
const col = (header: string) => String.fromCharCode(65 + HEADER.indexOf(header));
const last = DEALS + 1;
const range = (header: string) => `Deals!$${col(header)}$2:$${col(header)}$${last}`;
const DEALS_RANGE = `Deals!$A$1:$${String.fromCharCode(64 + HEADER.length)}$${last}`;
const MOTION = `Deals!$O$2:$O$${last}`; // the add-on's PARTNER_CLASSIFY column, spilled from O1
const won = `${range('Stage')}, "Closed Won"`;
const sumif = (motion: string, extra = '') => `SUMIFS(${range('Amount')}, ${MOTION}, "${motion}", ${won}${extra})`;

const sourcedBy = (cell: string) => `${sumif('Sourced', `, ${range('Partner')}, ${cell}`)} + ${sumif('Sourced', `, ${range('Sourcing Partner')}, ${cell}`)}`;
const influencedCreditOf = (cell: string) => // two influencers per deal, split evenly
  `(${sumif('Influenced', `, ${range('Influencing Partners')}, ${cell}&"; *"`)} + ${sumif('Influenced', `, ${range('Influencing Partners')}, "*; "&${cell}`)}) / 2`;
const resoldBy = (cell: string) => sumif('Resold', `, ${range('Reseller')}, ${cell}`);

const partnerCount = 8;
const sheets = {
  Deals: rows.map((row, r) => (r === 0 ? [...row, `=PARTNER_CLASSIFY(${DEALS_RANGE})`] : row)),
  Rollup: [[`=PARTNER_ROLLUP(${DEALS_RANGE})`]],
  // One call for a column of partners (the fast way to fill a column), beside the names it answers for.
  Column: [[`=PARTNER_LED(${DEALS_RANGE}, Rollup!$A$2:$A$${partnerCount + 1})`, `=PARTNER_SOURCED(${DEALS_RANGE}, Rollup!$A$2:$A$${partnerCount + 1})`]],
  Check: [
    [`=PARTNER_SOURCED(${DEALS_RANGE})`, `=${sumif('Sourced')}`],
    [`=PARTNER_LED(${DEALS_RANGE})`, `=${sumif('Sourced')} + ${sumif('Influenced')} + ${sumif('Resold')}`],
    [`=PARTNER_SOURCED(${DEALS_RANGE}, "Globex")`, `=${sourcedBy('"Globex"')}`],
    [`=PARTNER_LED(${DEALS_RANGE}, "Globex")`, `=${sourcedBy('"Globex"')} + ${influencedCreditOf('"Globex"')} + ${resoldBy('"Globex"')}`],
    ...Array.from({ length: partnerCount }, (_, i) => {
      const name = `Rollup!$A$${i + 2}`;
      return [`=${name}`, `=${sourcedBy(name)}`, `=${sourcedBy(name)} + ${influencedCreditOf(name)} + ${resoldBy(name)}`, `=${resoldBy(name)}`];
    }),
  ],
};

const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', useWildcards: true });
const sheet = (name: string) => hf.getSheetValues(hf.getSheetId(name)!);
const cents = (value: unknown) => Math.round(Number(value) * 100) / 100;

afterAll(() => {
  hf.destroy();
  HyperFormula.unregisterFunctionPlugin(SheetsFunctionsPlugin);
});

describe('the custom functions in HyperFormula agree with SUMIFS over the same sheet', () => {
  it('PARTNER_CLASSIFY spills one motion per deal row next to the data', () => {
    const motions = sheet('Deals').map((row) => row[HEADER.length]);
    expect(motions[0]).toBe('Partner Motion');
    expect(new Set(motions.slice(1))).toEqual(new Set(['Sourced', 'Influenced', 'Resold', 'Direct']));
  });

  it('=PARTNER_SOURCED(deals) equals the SUMIFS of won amounts labelled Sourced', () => {
    const [total, sumifs] = sheet('Check')[0]!;
    expect(typeof total).toBe('number');
    expect(total as number).toBeGreaterThan(0);
    expect(cents(total)).toBe(cents(sumifs));
  });

  it('=PARTNER_LED(deals) equals the SUMIFS of won amounts labelled Sourced, Influenced or Resold', () => {
    const [total, sumifs] = sheet('Check')[1]!;
    expect(cents(total)).toBe(cents(sumifs));
  });

  it('one partner\'s =PARTNER_SOURCED and =PARTNER_LED equal SUMIFS over its own columns (even split for two influencers)', () => {
    const check = sheet('Check');
    expect(cents(check[2]![0])).toBe(cents(check[2]![1]));
    expect(cents(check[3]![0])).toBe(cents(check[3]![1]));
    expect(check[3]![0] as number).toBeGreaterThan(check[2]![0] as number);
  });

  it('=PARTNER_ROLLUP spills a header and a row per partner whose sourced, credited and resold revenue equal SUMIFS', () => {
    const rollup = sheet('Rollup');
    expect(rollup[0]).toEqual(PARTNER_COLUMNS.map((c) => c.label));
    const sourcedAt = PARTNER_COLUMNS.findIndex((c) => c.key === 'sourcedRevenue');
    const creditedAt = PARTNER_COLUMNS.findIndex((c) => c.key === 'creditedRevenue');
    const resoldAt = PARTNER_COLUMNS.findIndex((c) => c.key === 'resoldRevenue');
    const check = sheet('Check').slice(4);
    expect(check.map((r) => r[0])).toEqual(rollup.slice(1, 1 + partnerCount).map((r) => r[0]));
    check.forEach((row, i) => {
      const partner = rollup[i + 1]!;
      expect(cents(partner[sourcedAt])).toBe(cents(row[1]));
      expect(cents(partner[creditedAt])).toBe(cents(row[2]));
      expect(cents(partner[resoldAt])).toBe(cents(row[3]));
    });
    expect(rollup.slice(1 + partnerCount).every((r) => r.every((v) => v === null || v === ''))).toBe(true);
  });

  it('=PARTNER_LED(deals, names) with a range of names returns, in one call, a column equal to each partner\'s own SUMIFS', () => {
    const column = sheet('Column');
    const check = sheet('Check').slice(4);
    expect(column).toHaveLength(partnerCount);
    column.forEach((row, i) => {
      expect(cents(row[0])).toBe(cents(check[i]![2]));
      expect(cents(row[1])).toBe(cents(check[i]![1]));
    });
    expect(column.some((row) => (row[0] as number) > (row[1] as number))).toBe(true);
    expect(calls.get(`PARTNER_LED(${DEALS + 1}x${HEADER.length},${partnerCount}x1,undefined,undefined)`)).toBe(1);
  });

  it('an unusable argument becomes a #VALUE! error carrying the add-on\'s message', () => {
    const id = hf.getSheetId('Check')!;
    hf.setCellContents({ sheet: id, row: 20, col: 0 }, [[`=PARTNER_SOURCED(${DEALS_RANGE}, "", "someday")`]]);
    const value = hf.getCellValue({ sheet: id, row: 20, col: 0 }) as { type: string; message: string };
    expect(value.type).toBe('VALUE');
    expect(value.message).toBe('PARTNER_SOURCED: status must be "won", "open" or "all"; got "someday".');
  });
});
