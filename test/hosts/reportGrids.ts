/** Test helper: reads figures off written tabs as a reader would (by their labels), for the host tests of statements and comparisons. */

type Grid = readonly (readonly unknown[] | undefined)[];

/** Rows as arrays, holes (a sparse grid, as the Excel fake keeps) as empty rows. */
const rowsOf = (grid: Grid): (readonly unknown[])[] => Array.from(grid, (row) => (row ? Array.from(row) : []));

const rowIndex = (grid: Grid, test: (row: readonly unknown[]) => boolean): number => rowsOf(grid).findIndex(test);

/** The value right of a label in column A (a statement's "Credited revenue (won deals)", "Payouts"). */
export function figure(grid: Grid, label: string): unknown {
  return rowsOf(grid).find((row) => row[0] === label)?.[1];
}

/** The rows of the table whose header row starts with `first` (and has `also` in it), down to the first empty row. */
export function tableRows(grid: Grid, first: string, also?: string): Record<string, unknown>[] {
  const at = rowIndex(grid, (row) => row[0] === first && (also === undefined || row.includes(also)));
  if (at < 0) throw new Error(`test: no table headed "${first}"`);
  const all = rowsOf(grid);
  const header = all[at]!.map(String);
  const rows: Record<string, unknown>[] = [];
  for (let r = at + 1; r < all.length; r++) {
    const row = all[r]!;
    if (row.every((v) => v === '' || v === null || v === undefined)) break;
    rows.push(Object.fromEntries(header.map((h, c) => [h, row[c]])));
  }
  return rows;
}

/** A partner's row on Partner Summary, and its payout over all periods on Partner Payouts. */
export function partnerTotals(summary: Grid, payouts: Grid, partner: string): { creditedRevenue: unknown; creditedPipeline: unknown; payout: number } {
  const row = tableRows(summary, 'Partner', 'Credited Revenue').find((r) => r.Partner === partner);
  if (!row) throw new Error(`test: ${partner} is not on Partner Summary`);
  const cents = tableRows(payouts, 'Partner', 'Period').filter((r) => r.Partner === partner).reduce((a, r) => a + Math.round((r.Payout as number) * 100), 0);
  return { creditedRevenue: row['Credited Revenue'], creditedPipeline: row['Credited Pipeline'], payout: cents / 100 };
}

/** The deal IDs a statement lists with credit. */
export const statementDeals = (grid: Grid): string[] => tableRows(grid, 'Deal ID', 'Role').map((r) => String(r['Deal ID']));
