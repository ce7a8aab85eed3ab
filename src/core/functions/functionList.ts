/**
 * The custom functions of SPEC 6.3, defined once as data. The Apps Script stubs, Excel's
 * functions.json and both hosts' registrations are generated from this list.
 */
import type { AnalysisSummary, Cell, Grid, PartnerRow } from '../types';
import type { DealsView } from '../deals/dealResults';
import type { Settings } from '../hostApi';
import type { InfluenceModel } from '../vocabulary';
import { INFLUENCE_MODELS, MOTION_LABEL, orList } from '../vocabulary';
import { analyze } from '../analyze';
import type { Analysis } from '../analyze';
import { CentsSum } from '../rollup/centsSum';
import type { ExactTotals } from '../rollup/totalsRollup';
import type { PartnerMoneyKey } from '../rollup/partnersRollup';
import { AttributionError } from '../AttributionError';
import { partnerKey } from '../partners/partnerKey';
import { PARTNER_COLUMNS, partnerRowCells } from '../report/partnerColumns';
import { fitCell } from '../report/ReportTab';

/** A range, a text value, or `names`: one partner name or a range of names (one result per cell). */
export type ParamKind = 'range' | 'text' | 'names';

export interface ParamDef {
  name: string;
  description: string;
  optional: boolean;
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

const asGrid = (value: unknown, what: string): Grid => {
  if (Array.isArray(value) && value.every((row) => Array.isArray(row))) return value as Grid;
  throw new AttributionError('BAD_ARGUMENT', `${what} must be a range with a header row, such as A1:K500.`);
};

const asText = (value: unknown, what: string): string => {
  const cell = Array.isArray(value) ? (value as unknown[][])[0]?.[0] : value;
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  throw new AttributionError('BAD_ARGUMENT', `${what} must be text.`);
};

type StatusArg = 'won' | 'open' | 'all';
const asStatus = (value: unknown): StatusArg => {
  if (isOmitted(value)) return 'won';
  const text = asText(value, 'status').toLowerCase();
  if (text === 'won' || text === 'open' || text === 'all') return text;
  throw new AttributionError('BAD_ARGUMENT', `status must be "won", "open" or "all"; got "${text}".`);
};

const asModel = (value: unknown): InfluenceModel | null => {
  if (isOmitted(value)) return null;
  const text = asText(value, 'model').toLowerCase();
  if ((INFLUENCE_MODELS as readonly string[]).includes(text)) return text as InfluenceModel;
  throw new AttributionError('BAD_ARGUMENT', `model must be one of ${INFLUENCE_MODELS.join(', ')}; got "${text}".`);
};

const run = (args: readonly unknown[], settings: Settings | null, touchesAt: number | null, model: InfluenceModel | null): Analysis => {
  const deals = asGrid(args[0], 'deals');
  const touchesArg = touchesAt === null ? undefined : args[touchesAt];
  const touches = isOmitted(touchesArg) ? null : asGrid(touchesArg, 'touches');
  const policy = { ...(settings?.policy ?? {}), ...(model ? { influenceModel: model } : {}) };
  return analyze({ deals, touches }, { policy, mapping: settings?.mapping ?? {}, explain: false, numbersOnly: true });
};

const findPartner = (summary: AnalysisSummary, name: string): PartnerRow | null => {
  const key = partnerKey(name);
  return summary.partners.find((p) => partnerKey(p.partner) === key) ?? null;
};

/** The partners by matching key, so a column of names is answered from one analysis without a search per name. */
const partnerIndex = (summary: AnalysisSummary): Map<string, PartnerRow> => {
  const index = new Map<string, PartnerRow>();
  for (const p of summary.partners) if (!index.has(partnerKey(p.partner))) index.set(partnerKey(p.partner), p);
  return index;
};

/** A partner argument that is a range of more than one cell (a column of names), else null. */
const nameRange = (value: unknown): Cell[][] | null => {
  if (!Array.isArray(value) || !value.every((row) => Array.isArray(row))) return null;
  const rows = value as Cell[][];
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1 ? rows : null;
};

/** One result per cell of the names range, same shape; a blank cell gives a blank, so a filled-down column stays clean. */
const perName = (names: readonly (readonly Cell[])[], value: (name: string) => number): Cell[][] =>
  names.map((row) => row.map((cell) => {
    const name = typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '';
    return name === '' ? '' : value(name);
  }));

/** "FY2025 q1" and "FY2025 Q1" alike. */
const periodKey = (text: string): string => text.replace(/\s+/g, '').toUpperCase();

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
/** Which exact totals (won, open) each motion reads, for the revenue functions and SHARE. */
const TOTAL_SUMS: Record<string, readonly [keyof ExactTotals, keyof ExactTotals]> = {
  led: ['partnerLedRevenue', 'partnerLedPipeline'], 'partner-led': ['partnerLedRevenue', 'partnerLedPipeline'],
  sourced: ['sourcedRevenue', 'sourcedPipeline'], influenced: ['influencedRevenue', 'influencedPipeline'],
  resold: ['resoldRevenue', 'resoldPipeline'], direct: ['directRevenue', 'directPipeline'],
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

/**
 * Runs one custom function by id with the arguments as the host passed them (2D arrays for ranges,
 * undefined/null/"" for omitted ones). Throws AttributionError with a user-facing message for
 * unusable input; the host turns it into its own error type.
 */
export function runFunction(id: string, args: readonly unknown[], settings: Settings | null = null): number | Cell[][] {
  switch (id) {
    case 'CLASSIFY':
    case 'EXPLAIN': {
      const deals = asGrid(args[0], 'deals');
      const touches = isOmitted(args[1]) ? null : asGrid(args[1], 'touches');
      const analysis = analyze({ deals, touches }, { policy: settings?.policy ?? {}, mapping: settings?.mapping ?? {}, explain: id === 'EXPLAIN' });
      return id === 'CLASSIFY'
        ? alignedColumn(analysis.deals, deals.length, 'Partner Motion', analysis.table.headerIndex, (d, i) => MOTION_LABEL[d.motion(i)])
        : alignedColumn(analysis.deals, deals.length, 'Partner Reason', analysis.table.headerIndex, (d, i) => fitCell(d.reason(i)));
    }
    case 'SOURCED':
    case 'INFLUENCED':
    case 'RESOLD':
    case 'LED': {
      const status = asStatus(args[2]);
      const names = nameRange(args[1]);
      const partner = names || isOmitted(args[1]) ? null : asText(args[1], 'partner');
      const analysis = run(args, settings, 3, null);
      const [won, open] = PARTNER_SUMS[id];
      const ofPartner = (p: PartnerRow | null): number => {
        const x = p === null ? null : analysis.exact.partner(p);
        return x === null ? 0 : byStatus(status, x[won], x[open]);
      };
      if (names) {
        const index = partnerIndex(analysis.summary);
        return perName(names, (name) => ofPartner(index.get(partnerKey(name)) ?? null));
      }
      if (partner === null) {
        const [tWon, tOpen] = TOTAL_SUMS[id === 'LED' ? 'led' : id.toLowerCase()]!;
        return byStatus(status, analysis.exact.totals[tWon], analysis.exact.totals[tOpen]);
      }
      return ofPartner(findPartner(analysis.summary, partner));
    }
    case 'CREDIT': {
      if (isOmitted(args[1])) throw new AttributionError('BAD_ARGUMENT', 'CREDIT needs a partner name (the second argument).');
      const names = nameRange(args[1]);
      const model = asModel(args[2]);
      const status = asStatus(args[3]);
      const analysis = run(args, settings, 4, model);
      const credited = (p: PartnerRow | null): number => {
        const x = p === null ? null : analysis.exact.partner(p);
        return x === null ? 0 : byStatus(status, x.creditedCents, x.creditedPipeCents);
      };
      if (names) {
        const index = partnerIndex(analysis.summary);
        return perName(names, (name) => credited(index.get(partnerKey(name)) ?? null));
      }
      return credited(findPartner(analysis.summary, asText(args[1], 'partner')));
    }
    case 'SHARE': {
      const motionText = isOmitted(args[1]) ? 'led' : asText(args[1], 'motion').toLowerCase();
      const status = asStatus(args[2]);
      const totals = run(args, settings, null, null).exact.totals;
      const parts = TOTAL_SUMS[motionText];
      if (!parts) throw new AttributionError('BAD_ARGUMENT', `motion must be "led", "sourced", "influenced", "resold" or "direct"; got "${motionText}".`);
      const part = sumOf(status, totals[parts[0]], totals[parts[1]]).approx();
      const whole = sumOf(status, totals.revenue, totals.pipeline).approx();
      if (whole === 0) throw new AttributionError('NO_REVENUE', 'There is no revenue to take a share of (no won deals with an amount).');
      return Math.round((part / whole) * 1e4) / 1e4;
    }
    case 'PAYOUT': {
      if (isOmitted(args[1])) throw new AttributionError('BAD_ARGUMENT', 'PAYOUT needs a partner name (the second argument).');
      const period = isOmitted(args[2]) ? null : periodKey(asText(args[2], 'period'));
      if (period !== null && !/^(FY)?\d{4}Q[1-4]$/.test(period)) {
        throw new AttributionError('BAD_ARGUMENT', `period must be a close quarter such as "2024 Q1" or "FY2025 Q1"; got "${asText(args[2], 'period')}".`);
      }
      const payouts = run(args, settings, 3, null).summary.payouts;
      if (!payouts) throw new AttributionError('NO_INCENTIVES', 'PAYOUT needs an incentive plan: add "incentives" (rates per motion) to the saved settings first.');
      // Each payout is whole cents; their sum is exact (CentsSum), as the Payouts tab's.
      const byPartner = new Map<string, CentsSum>();
      for (const p of payouts.partners) {
        if (period !== null && periodKey(p.period) !== period) continue;
        const key = partnerKey(p.partner);
        let sum = byPartner.get(key);
        if (sum === undefined) { sum = new CentsSum(); byPartner.set(key, sum); }
        sum.add(Math.round(p.payout * 100));
      }
      const payoutOf = (name: string): number => byPartner.get(partnerKey(name))?.money() ?? 0;
      const names = nameRange(args[1]);
      return names ? perName(names, payoutOf) : payoutOf(asText(args[1], 'partner'));
    }
    case 'ROLLUP': {
      const { summary } = run(args, settings, 1, asModel(args[2]));
      const header: Cell[] = PARTNER_COLUMNS.map((c) => c.label);
      return [header, ...summary.partners.map(partnerRowCells)];
    }
    default:
      throw new AttributionError('BAD_ARGUMENT', `Unknown function "${id}".`);
  }
}
