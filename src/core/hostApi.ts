/**
 * The sidebar's server API, shared by both hosts: what the sidebar asks for and what it gets back.
 * Pure types; the Apps Script server functions and the Excel task pane bridge implement them.
 */
import type { Field, MappingInput, Motion, Totals } from './types';
import type { Policy } from './policy';
import type { OverrideRequest } from './overrides/overrideRow';

export type { OverrideRequest };

/** Saved settings (document properties in Sheets, workbook settings in Excel), versioned. */
export interface Settings {
  version: 1;
  /** The data tab's name; null = auto-detect. */
  tab: string | null;
  /** Explicit column mapping; fields left out are auto-detected. */
  mapping: MappingInput;
  /** Policy overrides over the defaults (only keys that differ). */
  policy: Partial<Policy>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ version: 1, tab: null, mapping: {}, policy: {} });

/** One field of the detected mapping, for the sidebar's dropdowns. */
export interface MappedField {
  field: Field;
  label: string;
  required: boolean;
  /** 0-based column within the data range, or null when unmapped. */
  column: number | null;
  /** How it was found. */
  source: 'detected' | 'explicit' | 'none';
}

export interface DetectResult {
  tabs: string[];
  tab: string;
  /** A1 notation of the data range used. */
  range: string;
  /** Sheet row number of the header row. */
  headerRow: number;
  headers: string[];
  fields: MappedField[];
  /** Distinct stage texts found, for the won/lost lists. */
  stages: string[];
  /** Distinct currencies found. */
  currencies: string[];
  /** Deals counted (a repeated Deal ID counts once), as the preview's deal count. */
  dealRows: number;
  settings: Settings;
  /** Set when the saved settings could not be read and the defaults are used instead. */
  settingsWarning?: string | null;
}

export interface PreviewResult {
  reportingCurrency: string;
  totals: Totals;
  topPartners: { partner: string; creditedRevenue: number; shareOfPartnerLed: number | null }[];
  issueCount: { error: number; warning: number; info: number };
  /** Money the totals leave out, in numbers (the same sentences as the console and the Partner Summary tab); empty when none. */
  headline: string[];
  /** The partners that have a statement (credit on a won or open deal), in Partner Summary's order, for "Create a statement for…". */
  statementPartners?: string[];
  /** The deals that need a human decision (the review queue), most money first; the first REVIEW_LIMIT of them. */
  review?: ReviewList;
}

/** One deal of the sidebar's review list: what the rules decided and why. */
export interface ReviewDeal {
  id: string;
  name: string;
  /** In the reporting currency; null when missing or not convertible. */
  amount: number | null;
  motion: Motion;
  /** The partners of that motion, as "Keep" writes them. */
  partners: string[];
  /** Every partner the rules named, as "Acme; Globex". */
  named: string;
  /** Why it needs a decision, in words. */
  labels: string[];
  /** The rules' reason. */
  reason: string;
}

/** The review queue as the sidebar shows it. */
export interface ReviewList {
  deals: ReviewDeal[];
  /** Deals in the queue in all (deals[] may hold fewer) and their money, in the reporting currency. */
  count: number;
  amount: number;
}

/** "Keep" or "Set…" in the review list: one override row to append to the Attribution Overrides tab. */
export interface AppendOverrideRequest extends PreviewRequest { override: OverrideRequest }

export interface WriteResult {
  /** What was written, e.g. ["Partner Summary", "Partner Trend (2)"] or ["Deals!L1:N501"]. */
  written: string[];
  /** Plain-language summary of what happened. */
  message: string;
}

/** A progress report for long runs. */
export interface Progress { step: string; done: number; total: number }

export interface PreviewRequest { tab: string | null; settings: Settings }

/** "Compare definitions": the definitions to run on the tab (shipped names, or "Your own rules" for the settings as they are). */
export interface CompareRequest extends PreviewRequest { definitions: string[] }

/** One line of a comparison in the sidebar: a total under each definition and its difference from the first. */
export interface ComparedLine { label: string; share: boolean; values: number[]; differences: number[] }

/** What "Compare definitions" wrote (the Definitions Compared tab) and what the sidebar shows of it. */
export interface CompareResult extends WriteResult {
  definitions: string[];
  reportingCurrency: string;
  lines: ComparedLine[];
  /** The deals that change motion, most money first (the first few), and how many change in all. */
  changedDeals: { id: string; name: string; amount: number | null; motions: Motion[] }[];
  changedCount: number;
}

/** "Create a statement for…": the partner, by the name the preview lists. */
export interface StatementRequest extends PreviewRequest { partner: string }

/**
 * The Apps Script server functions the sidebar calls through google.script.run (top-level globals in
 * Code.js). Synchronous on the server; the sidebar's GAS bridge wraps each in a Promise.
 */
export interface SidebarServerApi {
  paDetect(tab: string | null): DetectResult;
  paPreview(request: PreviewRequest): PreviewResult;
  paClassify(request: PreviewRequest): WriteResult;
  paWriteSummary(request: PreviewRequest): WriteResult;
  paLoadSettings(): Settings;
  paSaveSettings(settings: Settings): void;
  paCompareDefinitions(request: CompareRequest): CompareResult;
  paWriteStatement(request: StatementRequest): WriteResult;
  paAppendOverride(request: AppendOverrideRequest): WriteResult;
}
