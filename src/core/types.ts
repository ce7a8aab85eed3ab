/** The engine's data types: cells in, deals and the JSON summary (SPEC 6.1, 6.5) out. */

/** One spreadsheet cell as a host hands it over (Sheets: Date objects; Excel: serial numbers; both: "" for blank). */
export type Cell = string | number | boolean | Date | null | undefined;

/** A rectangular range, row-major, as read from a host or a file. */
export type Grid = ReadonlyArray<ReadonlyArray<Cell>>;

/** The fields of the deals table (SPEC 2.1). */
export type Field =
  | 'id' | 'name' | 'amount' | 'currency' | 'stage' | 'won' | 'closed' | 'created' | 'closeDate'
  | 'leadSource' | 'sourcingPartner' | 'partner' | 'partnerRole' | 'influencers' | 'reseller' | 'deployer'
  | 'registrationPartner' | 'registrationDate' | 'registrationStatus' | 'partnerTier' | 'partnerType' | 'region';

/**
 * An explicit column mapping: per field, the header text or the 0-based column index within the
 * range; `null` means "this field is not in the table" even if a header looks like it.
 */
export type MappingInput = Partial<Record<Field, string | number | null>>;

import type { Motion, Status } from './vocabulary';

export type { Motion, Status };
export type Severity = 'error' | 'warning' | 'info';

/** A data issue (SPEC 6.5 `issues[]`, plus the effect shown on the "Data Issues" tab). */
export interface DataIssue {
  severity: Severity;
  /** Sheet row number (1-based, as the user sees it), or null for table-wide issues. */
  row: number | null;
  /** Header text of the column concerned, or "" when the issue is not about one column. */
  column: string;
  /** The offending value as text ("" when none). */
  value: string;
  code: string;
  message: string;
  /** What the engine did about it, in plain words. */
  effect: string;
}

/** SPEC 6.1 totals. Money in the reporting currency, rounded to cents; rates 0..1 or null. */
export interface Totals {
  deals: number; wonDeals: number; lostDeals: number; openDeals: number;
  revenue: number; pipeline: number;
  partnerLedRevenue: number; sourcedRevenue: number; influencedRevenue: number; resoldRevenue: number; directRevenue: number;
  partnerLedShare: number | null; sourcedShare: number | null; influencedShare: number | null; resoldShare: number | null; directShare: number | null;
  sourcedPipeline: number; influencedPipeline: number; resoldPipeline: number; partnerLedPipeline: number;
  /** Open deals' amounts no partner led, summed in exact cents: the four motions' pipelines add up to `pipeline` to the cent. */
  directPipeline: number;
  partnerWinRate: number | null; directWinRate: number | null;
  partnerAvgDealSize: number | null; directAvgDealSize: number | null;
  partnerAvgCycleDays: number | null; directAvgCycleDays: number | null;
  /** Overlapping views, never credit: counted deals some partner only touched, or deployed, and the full amount of those won. */
  touchedDeals: number; touchedRevenue: number; deployedDeals: number; deployedRevenue: number;
}

/** SPEC 6.1 per-partner row. */
export interface PartnerRow {
  partner: string; tier: string | null; type: string | null; region: string | null;
  dealsSourced: number; dealsInfluenced: number; dealsResold: number;
  sourcedRevenue: number; sourcedPipeline: number;
  influencedRevenue: number; influencedPipeline: number; influencedCredit: number;
  resoldRevenue: number; resoldPipeline: number;
  /** Resold credit (won): with sourcedRevenue and influencedCredit it sums to creditedRevenue. */
  resoldCredit: number;
  /** Pipeline credit by role: sourcedPipeline + influencedCreditPipeline + resoldCreditPipeline = creditedPipeline. */
  influencedCreditPipeline: number; resoldCreditPipeline: number;
  /**
   * Overlapping views, never credit: deals the partner only touched (touches below the influence
   * threshold) and the full amount of those won; deals it deployed and the full amount of those won;
   * its rows in the Touches table on counted deals.
   */
  dealsTouched: number; touchedRevenue: number; dealsDeployed: number; deployedRevenue: number; touches: number;
  creditedRevenue: number; creditedPipeline: number;
  wonDeals: number; lostDeals: number; winRate: number | null;
  avgDealSize: number | null; avgCycleDays: number | null;
  shareOfPartnerLed: number | null;
}

/** Revenue by close-date quarter and motion. */
export interface PeriodRow {
  period: string;
  revenue: number; sourcedRevenue: number; influencedRevenue: number; resoldRevenue: number; directRevenue: number;
  partnerLedRevenue: number; pipeline: number;
}

/** Pipeline created in a quarter (by created date): each counted deal's full amount, whatever its status now. */
export interface PipelineCreatedRow {
  period: string;
  /** Partner-sourced deals created in the quarter, and their amount. */
  sourcedDeals: number; sourcedPipelineCreated: number;
  /** All partner-led deals created in the quarter, and all deals. */
  partnerLedPipelineCreated: number; pipelineCreated: number;
}

export interface CreditSegment { key: string; creditedRevenue: number; partners: number }
export interface RegionSegment {
  key: string; revenue: number; partnerLedRevenue: number;
  sourcedRevenue: number; influencedRevenue: number; resoldRevenue: number; directRevenue: number;
}
export interface Segments { tier: CreditSegment[]; type: CreditSegment[]; region: RegionSegment[] }

/** SPEC 6.5 `deals[]` item. */
export interface DealRow {
  row: number;
  id: string;
  name: string;
  status: Status;
  /** In the reporting currency; null when missing or not convertible. */
  amount: number | null;
  motion: Motion;
  partnerLed: boolean;
  sourcingPartner: string | null;
  influencers: string[];
  reseller: string | null;
  /** Partners that only touched the deal (below the influence threshold). */
  touched: string[];
  deployedBy: string[];
  /** Credit per partner display name, in the reporting currency. */
  credits: Record<string, number>;
  reason: string;
  /** True when the deal is counted (false for a repeated Deal ID). */
  counted: boolean;
  /** Close date as "YYYY-MM-DD", or null; its quarter ("2024 Q1"; "" without a date). */
  closeDate?: string | null;
  quarter?: string;
  /** The deal's own Partner Tier and Region cells ("" when blank). */
  tier?: string;
  region?: string;
  /** Credit per partner and role (sourced, influenced, resold): the lines behind `credits`. */
  creditLines?: { partner: string; role: 'sourced' | 'influenced' | 'resold'; amount: number }[];
}

// Payouts (docs/rules.md, section 11): computed in payouts/computePayouts.ts.

/** What a payout line pays for: a credit role, a sourced-deal bonus, or a cap taking off the excess. */
export type PayoutLineKind = 'sourced' | 'influenced' | 'resold' | 'bonus' | 'cap';

/** One line of a payout: what it is paid on, at which rate, and the amount (reporting currency). */
export interface PayoutLine {
  partner: string;
  period: string;
  /** Sheet row and Deal ID of the deal the line is for (null for a cap line). */
  row: number | null;
  dealId: string;
  kind: PayoutLineKind;
  /** Credited revenue the rate applies to (0 for bonus and cap lines). */
  basis: number;
  /** The rate applied, or null for bonus and cap lines. */
  rate: number | null;
  payout: number;
  /** Why a line pays nothing or less, in plain words ("" when nothing to say). */
  note: string;
}

/** A partner's payout in one period. */
export interface PartnerPayout {
  partner: string; tier: string | null; type: string | null; period: string;
  sourcedBasis: number; influencedBasis: number; resoldBasis: number;
  sourcedRate: number; influencedRate: number; resoldRate: number;
  bonus: number;
  /** Lines before the cap. */
  beforeCap: number;
  /** How much the cap took off (0 when it did not bite). */
  capApplied: number;
  payout: number;
  /** Won deals with a payout line in the period. */
  deals: number;
}

/** A partner over all periods (seed 000's partner lifetime value). */
export interface PartnerLifetime {
  partner: string;
  /** Won credited revenue over all periods. */
  creditedRevenue: number;
  payout: number;
  /** Won deals it has credit on. */
  deals: number;
  /** Close dates (ISO) of its first and latest credited won deal. */
  firstDeal: string | null;
  latestDeal: string | null;
}

export interface Payouts {
  currency: string;
  total: number;
  partners: PartnerPayout[];
  lifetime: PartnerLifetime[];
  lines: PayoutLine[];
}

/** The JSON summary contract (`shared/summary.schema.json`). */
export interface Summary {
  version: 1;
  reportingCurrency: string;
  totals: Totals;
  partners: PartnerRow[];
  periods: PeriodRow[];
  /** Pipeline created per quarter by created date (absent in summaries written before it existed). */
  pipelineCreated?: PipelineCreatedRow[];
  segments: Segments;
  deals: DealRow[];
  issues: DataIssue[];
  /** Partner payouts, present only when the policy has an incentive plan (docs/rules.md, section 11). */
  payouts?: Payouts;
}

/**
 * The summary an analysis carries: every field of the JSON contract but `deals`, which stay in the
 * analysis's column-wise DealResults until toSummaryJson makes them DealRow objects.
 */
export type AnalysisSummary = Omit<Summary, 'deals'>;

/** Which day serial 0 is: 1900 (Windows Excel, Sheets) or 1904 (workbooks made by Mac Excel with `date1904`). */
export type DateSystem = 1900 | 1904;

/**
 * Number format codes of cells ("[$€-407] #,##0.00"), aligned with a grid's rows and columns; a
 * missing row or cell has none. Hosts that can read formats pass them so a currency shown only by
 * a cell's format counts (SPEC 5).
 */
export type NumberFormats = ReadonlyArray<ReadonlyArray<string | null | undefined> | null | undefined>;

/** The optional tables of SPEC 2.2 and the deals themselves, as grids. */
export interface AnalysisInput {
  deals: Grid;
  /** The deals grid's number formats, when the host can read them (the CLI's XLSX reader does). */
  numberFormats?: NumberFormats | null;
  touches?: Grid | null;
  partners?: Grid | null;
  fx?: Grid | null;
  /** The "Attribution Overrides" table (Deal ID, Motion, Partner, Note): hand-set attributions that win over every rule. */
  overrides?: Grid | null;
  /** Sheet row number of `deals[0]` (default 1), so issues and the Deal Attribution tab name real rows. */
  firstRow?: number;
  /** The date system plain serial numbers in the tables count from (default 1900). */
  dateSystem?: DateSystem;
  /** The delimiter the deals came with, when they were read from a CSV: ';' is European Excel's, with comma decimals. */
  delimiter?: string;
  /** The delimiters the Touches and FX Rates tables came with, when each was read from its own CSV (';' means comma decimals there too). */
  delimiters?: { touches?: string; fx?: string };
}
