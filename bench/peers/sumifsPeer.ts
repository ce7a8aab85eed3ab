/**
 * The spreadsheet peer: what a channel team builds without the add-on, a per-partner rollup of
 * SUMIFS formulas over the deals tab, computed by HyperFormula (GPL licence key, bench only).
 * Three formulas per partner: sourced (Sourcing Partner column), resold (Reseller column) and
 * influenced (Influencing Partners contains the name), each over won deals.
 */
import { HyperFormula } from 'hyperformula';
import type { Cell, Grid } from '../../src/core';

export interface SumifsRun {
  /** Partners whose row of formulas was evaluated. */
  partnersEvaluated: number;
  /** Partners a full rollup needs. */
  partnersTotal: number;
  /** Wall time to load the deals tab into HyperFormula. */
  loadMs: number;
  /** Wall time to enter and evaluate the evaluated partners' formulas. */
  formulasMs: number;
  /** loadMs plus formulasMs scaled linearly to every partner (no scaling when none were left out). */
  fullMs: number;
  /** Sum of the evaluated sourced column, so the work cannot be skipped. */
  checksum: number;
}

const columnLetter = (index: number): string => {
  let n = index + 1;
  let out = '';
  while (n > 0) { const m = (n - 1) % 26; out = String.fromCharCode(65 + m) + out; n = Math.floor((n - 1) / 26); }
  return out;
};

const hfCell = (cell: Cell): string | number | boolean | null => {
  if (cell === undefined || cell === null || cell === '') return null;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return cell;
};

/**
 * Builds a workbook with the deals tab and `maxPartners` rows of SUMIFS formulas (the most active
 * partners first), and measures the load plus the evaluation.
 */
export function runSumifsRollup(deals: Grid, partnerNames: readonly string[], maxPartners: number): SumifsRun {
  const header = deals[0]!;
  const col = (name: string): string => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`SUMIFS peer: the grid has no "${name}" column`);
    const letter = columnLetter(i);
    return `Deals!$${letter}$2:$${letter}$${deals.length}`;
  };
  const amount = col('Amount');
  const stage = col('Stage');
  const sourcing = col('Sourcing Partner');
  const reseller = col('Reseller');
  const influencers = col('Influencing Partners');
  const evaluated = partnerNames.slice(0, Math.min(maxPartners, partnerNames.length));
  const rollup: (string | number | null)[][] = [['Partner', 'Sourced', 'Resold', 'Influenced']];
  evaluated.forEach((name, i) => {
    const r = i + 2;
    rollup.push([name,
      `=SUMIFS(${amount}, ${sourcing}, A${r}, ${stage}, "Closed Won")`,
      `=SUMIFS(${amount}, ${reseller}, A${r}, ${stage}, "Closed Won")`,
      `=SUMIFS(${amount}, ${influencers}, "*"&A${r}&"*", ${stage}, "Closed Won")`]);
  });
  const started = performance.now();
  const sheet = deals.map((row) => row.map(hfCell));
  const hf = HyperFormula.buildFromSheets({ Deals: sheet }, { licenseKey: 'gpl-v3', maxRows: Math.max(40_000, deals.length + 1) });
  const loaded = performance.now();
  hf.addSheet('Rollup');
  const rollupId = hf.getSheetId('Rollup')!;
  hf.setCellContents({ sheet: rollupId, row: 0, col: 0 }, rollup);
  let checksum = 0;
  for (let i = 0; i < evaluated.length; i++) {
    const value = hf.getCellValue({ sheet: rollupId, row: i + 1, col: 1 });
    if (typeof value === 'number') checksum += value;
  }
  const done = performance.now();
  hf.destroy();
  const scale = evaluated.length === 0 ? 1 : partnerNames.length / evaluated.length;
  const loadMs = loaded - started;
  const formulasMs = done - loaded;
  return { partnersEvaluated: evaluated.length, partnersTotal: partnerNames.length, loadMs, formulasMs, fullMs: loadMs + formulasMs * scale, checksum };
}
