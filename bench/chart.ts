/** The results as a hand-built SVG bar chart: median wall time per size and contender, log scale. */
import type { BenchResults } from './benchResults';

const SERIES = [
  { key: 'pipeline', label: 'Engine: full pipeline', color: '#1a73e8' },
  { key: 'function', label: 'Engine: PARTNER_ROLLUP', color: '#34a853' },
  { key: 'sheetsFunction', label: 'Engine: ROLLUP, Sheets grid', color: '#0f9d58' },
  { key: 'duckdb', label: 'DuckDB: load + SQL', color: '#fbbc04' },
  { key: 'duckdbCsv', label: 'DuckDB: CSV GROUP BY', color: '#9e9e9e' },
  { key: 'duckdbCsvRules', label: 'DuckDB: CSV + rules', color: '#f29900' },
  { key: 'sumifs', label: 'SUMIFS in HyperFormula', color: '#ea4335' },
] as const;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ms = (n: number): string => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${Math.round(n)} ms`);

/** One horizontal bar per contender, grouped by size; the axis is logarithmic (SUMIFS is far off the scale otherwise). */
export function resultsSvg(results: BenchResults): string {
  const barH = 18;
  const gap = 4;
  const groupGap = 26;
  const left = 190;
  const plotW = 520;
  const top = 50;
  const bars: { group: string; label: string; color: string; value: number; note: string }[][] = results.sizes.map((s) =>
    SERIES.flatMap((series) => {
      const task = s[series.key];
      if (!task) return [];
      const note = series.key === 'sumifs' && task.detail.extrapolated ? ' (scaled from a partner sample)' : '';
      return [{ group: `${s.deals.toLocaleString('en-US')} deals`, label: series.label, color: series.color, value: task.medianMs, note }];
    }));
  const values = bars.flat().map((b) => b.value).filter((v) => v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values, 10))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values, 100))));
  const x = (v: number): number => (Math.log10(Math.max(v, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * plotW;
  const parts: string[] = [];
  let y = top;
  for (const group of bars) {
    if (group.length === 0) continue;
    parts.push(`<text x="10" y="${y + barH - 4}" font-weight="bold">${escape(group[0]!.group)}</text>`);
    y += barH + gap;
    for (const bar of group) {
      const w = Math.max(1, x(bar.value));
      parts.push(`<text x="${left - 8}" y="${y + barH - 5}" text-anchor="end">${escape(bar.label)}</text>`);
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${bar.color}"/>`);
      parts.push(`<text x="${left + w + 6}" y="${y + barH - 5}">${escape(ms(bar.value) + bar.note)}</text>`);
      y += barH + gap;
    }
    y += groupGap;
  }
  const ticks: string[] = [];
  for (let v = lo; v <= hi; v *= 10) {
    const tx = left + x(v);
    ticks.push(`<line x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${y - groupGap}" stroke="#ddd"/>`);
    ticks.push(`<text x="${tx}" y="${top - 10}" text-anchor="middle" fill="#666">${v >= 1000 ? `${v / 1000} s` : `${v} ms`}</text>`);
  }
  const width = left + plotW + 260;
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="Arial, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="10" y="20" font-size="15" font-weight="bold">Partner Attribution benchmark: median wall time (log scale, shorter is faster)</text>`,
    ...ticks, ...parts,
    '</svg>', '',
  ].join('\n');
}
