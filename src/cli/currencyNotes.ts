/** The console lines that say which currency the run assumed where the data did not say (issue 13). */
import type { AnalysisSummary } from '../core';

/** Issues whose words the console repeats under the deal counts: each is a guess about money. */
const ASSUMPTIONS: ReadonlySet<string> = new Set(['CURRENCY_ASSUMED', 'CURRENCY_UNMARKED', 'AMOUNT_CONVERTED']);

/** One indented line per currency assumption of the run, in the issue's own words; none when nothing was assumed. */
export function currencyNotes(summary: AnalysisSummary): string[] {
  const lines: string[] = [];
  for (const issue of summary.issues) {
    if (!ASSUMPTIONS.has(issue.code)) continue;
    lines.push(`  currency: ${issue.message}${issue.effect ? ` ${issue.effect}` : ''}`);
  }
  return lines;
}
