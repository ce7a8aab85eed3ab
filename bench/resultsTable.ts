/** The benchmark's results as a plain-text table (console) and as a Markdown table (README). */
import type { BenchResults } from './benchResults';

const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);
const count = (n: number): string => n.toLocaleString('en-US');

/** Rows of cells: header first. */
export function resultRows(results: BenchResults): string[][] {
  const rows = [['Deals', 'Touches', 'Pipeline (median)', 'Peak heap', 'PARTNER_ROLLUP', 'PARTNER_ROLLUP (Sheets grid)', 'DuckDB CSV rollup', 'Sheets / CSV rollup', 'DuckDB CSV rules', 'vs CSV rules', 'DuckDB load+SQL', 'vs DuckDB', 'SUMIFS (HyperFormula)', 'vs SUMIFS']];
  for (const s of results.sizes) {
    const sumifs = s.sumifs;
    rows.push([
      count(s.deals), count(s.touches), ms(s.pipeline.medianMs), `${Math.round(s.pipeline.peakHeapMB)} MB`, ms(s.function.medianMs),
      ms(s.sheetsFunction.medianMs), ms(s.duckdbCsv.medianMs), `${s.ratios.sheetsFunctionVsCsvRollup.toFixed(2)}x`,
      ms(s.duckdbCsvRules.medianMs), `${s.ratios.csvRules.toFixed(2)}x`,
      `${ms(s.duckdb.medianMs)} (${ms(Number(s.duckdb.detail.loadMedianMs))} + ${ms(Number(s.duckdb.detail.queryMedianMs))})`,
      `${s.ratios.duckdb.toFixed(2)}x`,
      sumifs ? `${ms(sumifs.medianMs)}${sumifs.detail.extrapolated ? ` (${sumifs.detail.partnersEvaluated} of ${sumifs.partners} partners, scaled)` : ''}` : 'not run',
      s.ratios.sumifs === null ? '' : `${Math.round(s.ratios.sumifs)}x`,
    ]);
  }
  return rows;
}

/** Columns padded to their widest cell. */
export function textTable(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')).join('\n');
}

/** A GitHub Markdown table. */
export function markdownTable(rows: readonly string[][]): string {
  const [header, ...body] = rows;
  return [`| ${header!.join(' | ')} |`, `|${header!.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
