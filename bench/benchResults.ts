/** The shape of bench/results.json, and the targets of issue 7 checked against it. */
import type { MeasuredTask } from './runChild';

/** One size's measurements. */
export interface SizeResult {
  deals: number;
  touches: number;
  partners: number;
  pipeline: MeasuredTask;
  function: MeasuredTask;
  /** PARTNER_ROLLUP through the Sheets host, from a grid with Date objects as Sheets hands it. */
  sheetsFunction: MeasuredTask;
  duckdb: MeasuredTask;
  /** DuckDB's plain per-partner rollup from the CSV (read_csv + GROUP BY): the floor. */
  duckdbCsv: MeasuredTask;
  /** The compiled rules (`sql --dialect duckdb`) on DuckDB from the CSVs: the same semantics. */
  duckdbCsvRules: MeasuredTask;
  sumifs: MeasuredTask | null;
  /** Peer time / pipeline time (above 1 means the engine is faster). */
  ratios: {
    duckdb: number; sumifs: number | null;
    /** Sheets PARTNER_ROLLUP time / DuckDB's plain CSV rollup (below 2 meets issue 16's target). */
    sheetsFunctionVsCsvRollup: number;
    /** DuckDB's compiled rules from the CSV / the full pipeline (above 1 means the engine is faster). */
    csvRules: number;
  };
}

export interface Target { name: string; target: string; actual: string; met: boolean }

export interface BenchResults {
  generatedAt: string;
  machine: { node: string; cpus: number; cpuModel: string; loadAverageAtStart: number[]; loadAverageAtEnd: number[] };
  seed: number;
  method: string[];
  sizes: SizeResult[];
  targets: Target[];
}

const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** The targets, for the sizes that were measured. */
export function checkTargets(sizes: readonly SizeResult[]): Target[] {
  const at = (deals: number): SizeResult | undefined => sizes.find((s) => s.deals === deals);
  const targets: Target[] = [];
  const big = at(1_000_000);
  const mid = at(100_000);
  if (big) {
    targets.push({ name: '1M deals full pipeline, median', target: '<= 1.5 s', actual: ms(big.pipeline.medianMs), met: big.pipeline.medianMs <= 1500 });
    targets.push({ name: '1M deals full pipeline, peak heap', target: '<= 1.5 GB', actual: `${Math.round(big.pipeline.peakHeapMB)} MB`, met: big.pipeline.peakHeapMB <= 1536 });
  }
  if (big && mid) {
    const scale = big.pipeline.medianMs / mid.pipeline.medianMs;
    targets.push({ name: '1M time / 100k time', target: '<= 12x', actual: `${scale.toFixed(1)}x`, met: scale <= 12 });
  }
  for (const s of sizes) {
    targets.push({ name: `At least as fast as DuckDB with load, ${s.deals.toLocaleString('en-US')} deals`, target: '>= 1x',
      actual: `${s.ratios.duckdb.toFixed(2)}x`, met: s.ratios.duckdb >= 1 });
  }
  for (const s of sizes) {
    targets.push({ name: `Sheets PARTNER_ROLLUP within 2x DuckDB's plain CSV rollup, ${s.deals.toLocaleString('en-US')} deals`, target: '<= 2x',
      actual: `${s.ratios.sheetsFunctionVsCsvRollup.toFixed(2)}x`, met: s.ratios.sheetsFunctionVsCsvRollup <= 2 });
  }
  if (mid?.ratios.sumifs != null) {
    targets.push({ name: 'Faster than SUMIFS in HyperFormula, 100k deals', target: '>= 100x', actual: `${Math.round(mid.ratios.sumifs)}x`, met: mid.ratios.sumifs >= 100 });
  }
  return targets;
}
