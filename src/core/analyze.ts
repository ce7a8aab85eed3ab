/** The engine's entry point: a deals grid (and optional tables) in, the summary and detected table out. */
import type { AnalysisInput, Field, MappingInput, Summary } from './types';
import type { Policy } from './policy';
import type { Progress } from './hostApi';

export interface AnalyzeOptions {
  /** Policy overrides (validated; see resolvePolicy). */
  policy?: unknown;
  /** Explicit column mapping; wins over detection. */
  mapping?: MappingInput;
  /** Called between steps of long runs. */
  onProgress?: (progress: Progress) => void;
}

/** Where the deals table was found in the grid. */
export interface DetectedTable {
  /** Sheet row number of grid row 0. */
  firstRow: number;
  /** Index in the grid of the header row. */
  headerIndex: number;
  headers: string[];
  columns: Partial<Record<Field, number>>;
  sources: Partial<Record<Field, 'detected' | 'explicit'>>;
}

export interface Analysis {
  summary: Summary;
  table: DetectedTable;
  policy: Policy;
  /** Distinct stage texts, in first-seen order. */
  stages: string[];
  /** Distinct currency codes, in first-seen order. */
  currencies: string[];
}

export function analyze(_input: AnalysisInput, _options: AnalyzeOptions = {}): Analysis {
  throw new Error('engine under construction');
}
