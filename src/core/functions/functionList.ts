/**
 * The custom functions of SPEC 6.3, defined once as data. The Apps Script stubs, Excel's
 * functions.json and both hosts' registrations are generated from this list.
 */
import type { AnalysisSummary, Cell, Grid } from '../types';
import type { DealsView } from '../deals/dealResults';
import type { Settings } from '../hostApi';
import type { InfluenceModel } from '../vocabulary';
import { INFLUENCE_MODELS, MOTION_LABEL, MOTIONS, orList } from '../vocabulary';
import { analyze } from '../analyze';
import type { Analysis } from '../analyze';
import { CentsSum } from '../rollup/centsSum';
import type { ExactTotals } from '../rollup/totalsRollup';
import type { PartnerMoneyKey } from '../rollup/partnersRollup';
import { functionError } from '../messages';
import { partnerKey } from '../partners/partnerKey';
import { PARTNER_COLUMNS, partnerRowCells } from '../report/partnerColumns';
import { fitCell } from '../report/ReportTab';

/** A range, a text value, or `names`: one partner name or a range of names (one result per cell). */
export type ParamKind = 'range' | 'text' | 'names';

/** What the status argument selects: won deals (revenue), open deals (pipeline) or both. */
export type StatusArg = 'won' | 'open' | 'all';
const STATUS_ARGS: readonly StatusArg[] = ['won', 'open', 'all'];

/**
 * Every argument a custom function can take, by its name, as the engine uses it once read. An
 * argument a function does not declare reads as omitted (its default).
 */
export interface FunctionArgs {
  deals: Grid;
  touches: Grid | null;
  /** One partner name, a range of names (one result per cell, same shape), or null for the total. */
  partner: { name: string } | { names: Cell[][] } | null;
  status: StatusArg;
  /** null: the saved setting. */
  model: InfluenceModel | null;
  /** A key of TOTAL_SUMS. */
  motion: string;
  /** A close quarter as periodKey writes it ("2024Q1", "FY2025Q1"), or null for all periods. */
  period: string | null;
}

export interface ParamDef {
  /** The argument's name in help texts, and which argument it is (how it is read). */
  name: keyof FunctionArgs;
  description: string;
  optional: boolean;
  /** How the host hands it over: a range, one value, or a name or range of names. */
  kind: ParamKind;
}

export interface FunctionDef {
  /** Excel id and name inside the PARTNER namespace, e.g. "SOURCED" (=PARTNER.SOURCED). */
  id: string;
  /** Google Sheets name, e.g. "PARTNER_SOURCED". */
  sheetsName: string;
  description: string;
  params: ParamDef[];
  /**
   * A single number; a 2D array that spills; or `numbers`: one number, or, when the partner argument
   * is a range of names, a range of the same shape with one number per name (from one analysis).
   */
  returns: 'number' | 'matrix' | 'numbers';
  /** Example for help texts. */
  example: string;
}

const DEALS: ParamDef = { name: 'deals', description: 'The deals range, including its header row.', optional: false, kind: 'range' };
const TOUCHES: ParamDef = { name: 'touches', description: 'Optional touches range (Deal ID, Partner, Activity, Date, Weight) with its header row.', optional: true, kind: 'range' };
const PARTNER: ParamDef = { name: 'partner', description: 'Optional partner name, or a range of names (one result per name, the fast way to fill a column); leave out for the total.', optional: true, kind: 'names' };
const STATUS: ParamDef = { name: 'status', description: '"won" (revenue, default), "open" (pipeline) or "all".', optional: true, kind: 'text' };
const MODEL: ParamDef = { name: 'model', description: `Influence model: ${orList(INFLUENCE_MODELS)} (default: the saved setting).`, optional: true, kind: 'text' };

/** The list. Order is the order shown in help and in functions.json. */
export const CUSTOM_FUNCTIONS: readonly FunctionDef[] = Object.freeze([
  { id: 'CLASSIFY', sheetsName: 'PARTNER_CLASSIFY', returns: 'matrix', params: [DEALS, TOUCHES],
    description: 'Labels each deal Sourced, Influenced, Resold or Direct, as a column aligned with the input rows.',
    example: 'A1:K500' },
  { id: 'EXPLAIN', sheetsName: 'PARTNER_EXPLAIN', returns: 'matrix', params: [DEALS, TOUCHES],
    description: 'Explains each deal\'s label in plain words, as a column aligned with the input rows.',
    example: 'A1:K500' },
  { id: 'SOURCED', sheetsName: 'PARTNER_SOURCED', returns: 'numbers', params: [DEALS, PARTNER, STATUS, TOUCHES],
    description: 'Partner-sourced revenue: the total, or one partner\'s sourced credit.',
    example: 'A1:K500, "Acme"' },
  { id: 'INFLUENCED', sheetsName: 'PARTNER_INFLUENCED', returns: 'numbers', params: [DEALS, PARTNER, STATUS, TOUCHES],
    description: 'Partner-influenced revenue: the total by motion, or the full amount of every deal one partner influenced (overlapping).',
    example: 'A1:K500' },
  { id: 'RESOLD', sheetsName: 'PARTNER_RESOLD', returns: 'numbers', params: [DEALS, PARTNER, STATUS, TOUCHES],
    description: 'Partner-resold revenue: the total by motion, or the full amount of every deal one partner resold (overlapping).',
    example: 'A1:K500' },
  { id: 'LED', sheetsName: 'PARTNER_LED', returns: 'numbers', params: [DEALS, PARTNER, STATUS, TOUCHES],
    description: 'Partner-led revenue (sourced + influenced + resold): the total, or one partner\'s credited revenue.',
    example: 'A1:K500' },
  { id: 'CREDIT', sheetsName: 'PARTNER_CREDIT', returns: 'numbers',
    params: [DEALS, { ...PARTNER, optional: false, description: 'The partner\'s name, or a range of names (one result per name).' }, MODEL, STATUS, TOUCHES],
    description: 'A partner\'s credited revenue under an influence model (no dollar counted twice).',
    example: 'A1:K500, "Acme", "time-decay"' },
  { id: 'SHARE', sheetsName: 'PARTNER_SHARE', returns: 'number',
    params: [DEALS, { name: 'motion', description: '"led" (default), "sourced", "influenced", "resold" or "direct".', optional: true, kind: 'text' }, STATUS],
    description: 'The share (0 to 1) of revenue by motion; partner-led by default.',
    example: 'A1:K500, "sourced"' },
  { id: 'PAYOUT', sheetsName: 'PARTNER_PAYOUT', returns: 'numbers',
    params: [DEALS, { ...PARTNER, optional: false, description: 'The partner\'s name, or a range of names (one result per name).' },
      { name: 'period', description: 'Optional close quarter, e.g. "2024 Q1" or "FY2025 Q1"; leave out for all periods.', optional: true, kind: 'text' }, TOUCHES],
    description: 'A partner\'s payout under the saved incentive plan: credit x rate per deal line, plus bonus, less cap.',
    example: 'A1:K500, "Acme", "2024 Q1"' },
  { id: 'ROLLUP', sheetsName: 'PARTNER_ROLLUP', returns: 'matrix', params: [DEALS, TOUCHES, MODEL],
    description: 'The per-partner table with its header row (spills).',
    example: 'A1:K500' },
]);

/** What a host passes for an omitted optional argument: undefined (Sheets), null (Excel), or "" (an empty cell). */
const isOmitted = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 1
    && Array.isArray(value[0]) && value[0].length === 1 && (value[0][0] === '' || value[0][0] === null));

const asGrid = (value: unknown, name: string): Grid => {
  if (Array.isArray(value) && value.every((row) => Array.isArray(row))) return value as Grid;
  throw functionError('NOT_A_RANGE', { name });
};

/** A text argument: the cell's text (a single-cell range's only cell), numbers and booleans as written. */
const asText = (value: unknown, name: string): string => {
  const cell = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  throw functionError('NOT_TEXT', { name });
};

/** A text argument that must be one of `choices` (in any case); `choicesText` is how the message lists them. */
const asChoice = <T extends string>(value: unknown, name: string, choices: readonly T[], choicesText: string): T => {
  const text = asText(value, name).toLowerCase();
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw functionError('NOT_A_CHOICE', { name, choices: choicesText, value: text });
};

const quoted = (values: readonly string[]): string => orList(values.map((v) => `"${v}"`));

/** A partner argument that is a range of more than one cell (a column of names), else null. */
const nameRange = (value: unknown): Cell[][] | null => {
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row))) return null;
  const rows = value as Cell[][];
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1 ? rows : null;
};

/** "FY2025 q1" and "FY2025 Q1" alike. */
const periodKey = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** Which exact totals (won, open) each motion reads, for the revenue functions and SHARE. */
const TOTAL_SUMS: Readonly<Record<string, readonly [keyof ExactTotals, keyof ExactTotals]>> = {
  led: ['partnerLedRevenue', 'partnerLedPipeline'], 'partner-led': ['partnerLedRevenue', 'partnerLedPipeline'],
  sourced: ['sourcedRevenue', 'sourcedPipeline'], influenced: ['influencedRevenue', 'influencedPipeline'],
  resold: ['resoldRevenue', 'resoldPipeline'], direct: ['directRevenue', 'directPipeline'],
};
/** The motions SHARE names in its messages ("partner-led" is accepted as "led"). */
const MOTION_ARGS: readonly string[] = ['led', ...MOTIONS];

/**
 * How each argument is read from what the host passed: the one place host values become the
 * engine's. `param` is the function's declaration of it (undefined when the function has no such
 * argument: it reads as omitted), `at` its place in the call.
 */
const READ_ARG: { readonly [K in keyof FunctionArgs]: (value: unknown, param: ParamDef | undefined, at: number, def: FunctionDef) => FunctionArgs[K] } = {
  deals: (value, param) => asGrid(value, param?.name ?? 'deals'),
  touches: (value, param) => (isOmitted(value) ? null : asGrid(value, param?.name ?? 'touches')),
  partner: (value, param, at, def) => {
    const names = nameRange(value);
    if (names) return { names };
    if (isOmitted(value)) {
      if (param && !param.optional) throw functionError('NEEDS_PARTNER', { fn: def.id, position: ORDINALS[at] ?? `${at + 1}th` });
      return null;
    }
    return { name: asText(value, 'partner') };
  },
  status: (value) => (isOmitted(value) ? 'won' : asChoice(value, 'status', STATUS_ARGS, quoted(STATUS_ARGS))),
  model: (value) => (isOmitted(value) ? null : asChoice(value, 'model', INFLUENCE_MODELS, `one of ${INFLUENCE_MODELS.join(', ')}`)),
  motion: (value) => {
    if (isOmitted(value)) return 'led';
    const text = asText(value, 'motion').toLowerCase();
    if (Object.prototype.hasOwnProperty.call(TOTAL_SUMS, text)) return text;
    throw functionError('NOT_A_CHOICE', { name: 'motion', choices: quoted(MOTION_ARGS), value: text });
  },
  period: (value) => {
    if (isOmitted(value)) return null;
    const text = asText(value, 'period');
    const key = periodKey(text);
    if (!/^(FY)?\d{4}Q[1-4]$/.test(key)) throw functionError('NOT_A_PERIOD', { name: 'period', value: text });
    return key;
  },
};
const ARG_NAMES = Object.keys(READ_ARG) as (keyof FunctionArgs)[];

/** A function's arguments, read by their declared names in the order the function declares them. */
function readArgs(def: FunctionDef, args: readonly unknown[]): FunctionArgs {
  const out: Partial<FunctionArgs> = {};
  const read = <K extends keyof FunctionArgs>(name: K, value: unknown, param: ParamDef | undefined, at: number): void => {
    out[name] = READ_ARG[name](value, param, at, def);
  };
  def.params.forEach((param, at) => read(param.name, args[at], param, at));
  for (const name of ARG_NAMES) if (!def.params.some((p) => p.name === name)) read(name, undefined, undefined, -1);
  return out as FunctionArgs;
}

/** The analysis the numeric functions read: numbers only, under the model argument when one is given. */
const run = (a: FunctionArgs, settings: Settings | null): Analysis => {
  const policy = { ...(settings?.policy ?? {}), ...(a.model ? { influenceModel: a.model } : {}) };
  return analyze({ deals: a.deals, touches: a.touches }, { policy, mapping: settings?.mapping ?? {}, explain: false, numbersOnly: true });
};

/** The index in summary.partners of the partner a name matches (partnerKey), or null. */
const findPartner = (summary: AnalysisSummary, name: string): number | null => {
  const key = partnerKey(name);
  const index = summary.partners.findIndex((p) => partnerKey(p.partner) === key);
  return index < 0 ? null : index;
};

/** The partners' indexes by matching key, so a column of names is answered from one analysis without a search per name. */
const partnerIndex = (summary: AnalysisSummary): Map<string, number> => {
  const index = new Map<string, number>();
  summary.partners.forEach((p, i) => { if (!index.has(partnerKey(p.partner))) index.set(partnerKey(p.partner), i); });
  return index;
};

/** One result per cell of the names range, same shape; a blank cell gives a blank, so a filled-down column stays clean. */
const perName = (names: readonly (readonly Cell[])[], value: (name: string) => number): Cell[][] =>
  names.map((row) => row.map((cell) => {
    const name = typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
    return name === '' ? '' : value(name);
  }));

/** A partner function's answer: one number for one name, or one per cell of a names range, from one analysis; `value` gets the partner's index in summary.partners. */
const forPartner = (partner: { name: string } | { names: Cell[][] }, summary: AnalysisSummary, value: (index: number | null) => number): number | Cell[][] => {
  if ('name' in partner) return value(findPartner(summary, partner.name));
  const index = partnerIndex(summary);
  return perName(partner.names, (name) => value(index.get(partnerKey(name)) ?? null));
};

/** Won, open or both, as one exact sum of cents: the same sums the summary's figures are shown from. */
const sumOf = (status: StatusArg, won: CentsSum, open: CentsSum): CentsSum =>
  (status === 'won' ? won : status === 'open' ? open : CentsSum.of(won, open));
/** The money a function returns: the exact sum as the nearest number, equal to the summary's figure when it shows one. */
const byStatus = (status: StatusArg, won: CentsSum, open: CentsSum): number => sumOf(status, won, open).money();

/** Which exact partner sums (won, open) each revenue function reads. */
const PARTNER_SUMS: Record<'SOURCED' | 'INFLUENCED' | 'RESOLD' | 'LED', readonly [PartnerMoneyKey, PartnerMoneyKey]> = {
  SOURCED: ['sourcedCents', 'sourcedPipeCents'], INFLUENCED: ['influencedCents', 'influencedPipeCents'],
  RESOLD: ['resoldCents', 'resoldPipeCents'], LED: ['creditedCents', 'creditedPipeCents'],
};

/** An aligned output column: a header label on the header row, a value per deal row, "" elsewhere. */
const alignedColumn = (deals: DealsView, rows: number, header: string, headerIndex: number, pick: (deals: DealsView, i: number) => string): Cell[][] => {
  const out: Cell[][] = Array.from({ length: rows }, () => ['']);
  if (headerIndex >= 0 && headerIndex < rows) out[headerIndex] = [header];
  for (let i = 0; i < deals.length; i++) {
    const index = deals.row(i) - 1;
    if (index >= 0 && index < rows) out[index] = [pick(deals, i)];
  }
  return out;
};

const BY_ID = new Map<string, FunctionDef>(CUSTOM_FUNCTIONS.map((def) => [def.id, def]));

/**
 * Runs one custom function by id with the arguments as the host passed them (2D arrays for ranges,
 * undefined/null/"" for omitted ones). Throws AttributionError with a user-facing message for
 * unusable input; the host turns it into its own error type.
 */
export function runFunction(id: string, args: readonly unknown[], settings: Settings | null = null): number | Cell[][] {
  const def = BY_ID.get(id);
  if (!def) throw functionError('UNKNOWN_FUNCTION', { fn: id });
  const a = readArgs(def, args);
  switch (def.id) {
    case 'CLASSIFY':
    case 'EXPLAIN': {
      const analysis = analyze({ deals: a.deals, touches: a.touches }, { policy: settings?.policy ?? {}, mapping: settings?.mapping ?? {}, explain: id === 'EXPLAIN' });
      return id === 'CLASSIFY'
        ? alignedColumn(analysis.deals, a.deals.length, 'Partner Motion', analysis.table.headerIndex, (d, i) => MOTION_LABEL[d.motion(i)])
        : alignedColumn(analysis.deals, a.deals.length, 'Partner Reason', analysis.table.headerIndex, (d, i) => fitCell(d.reason(i)));
    }
    case 'SOURCED':
    case 'INFLUENCED':
    case 'RESOLD':
    case 'LED': {
      const analysis = run(a, settings);
      const [won, open] = PARTNER_SUMS[def.id];
      if (a.partner === null) {
        const [tWon, tOpen] = TOTAL_SUMS[def.id === 'LED' ? 'led' : def.id.toLowerCase()]!;
        return byStatus(a.status, analysis.exact.totals[tWon], analysis.exact.totals[tOpen]);
      }
      return forPartner(a.partner, analysis.summary, (index) => {
        const x = index === null ? null : analysis.exact.partner(index);
        return x === null ? 0 : byStatus(a.status, x[won], x[open]);
      });
    }
    case 'CREDIT': {
      const analysis = run(a, settings);
      return forPartner(a.partner!, analysis.summary, (index) => {
        const x = index === null ? null : analysis.exact.partner(index);
        return x === null ? 0 : byStatus(a.status, x.creditedCents, x.creditedPipeCents);
      });
    }
    case 'SHARE': {
      const totals = run(a, settings).exact.totals;
      const parts = TOTAL_SUMS[a.motion]!;
      const part = sumOf(a.status, totals[parts[0]], totals[parts[1]]).approx();
      const whole = sumOf(a.status, totals.revenue, totals.pipeline).approx();
      if (whole === 0) throw functionError('NO_REVENUE');
      return Math.round((part / whole) * 1e4) / 1e4;
    }
    case 'PAYOUT': {
      const payouts = run(a, settings).summary.payouts;
      if (!payouts) throw functionError('NO_INCENTIVES', { fn: def.id });
      // Each payout is whole cents; their sum is exact (CentsSum), as the Payouts tab's.
      const byPartner = new Map<string, CentsSum>();
      for (const p of payouts.partners) {
        if (a.period !== null && periodKey(p.period) !== a.period) continue;
        const key = partnerKey(p.partner);
        let sum = byPartner.get(key);
        if (sum === undefined) { sum = new CentsSum(); byPartner.set(key, sum); }
        sum.add(Math.round(p.payout * 100));
      }
      const payoutOf = (name: string): number => byPartner.get(partnerKey(name))?.money() ?? 0;
      const partner = a.partner!;
      return 'name' in partner ? payoutOf(partner.name) : perName(partner.names, payoutOf);
    }
    case 'ROLLUP': {
      const { summary } = run(a, settings);
      const header: Cell[] = PARTNER_COLUMNS.map((c) => c.label);
      return [header, ...summary.partners.map(partnerRowCells)];
    }
    default:
      throw functionError('UNKNOWN_FUNCTION', { fn: id });
  }
}
