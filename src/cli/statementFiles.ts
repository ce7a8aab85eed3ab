/** `report --statements DIR`: one workbook (and with --html one page) per credited partner, named after the partner in a file-system-safe way. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Analysis } from '../core';
import { statementPartners, statementTab } from '../core';
import type { OutputFile } from './atomicWrite';
import { CliError } from './CliError';
import { xlsxWriter } from './xlsxWriter';
import { statementPage } from './html/statementPage';
import { writeHtmlFile } from './html/writeHtmlFile';

/** "Acme, Inc." -> "Acme-Inc"; names that make no file name ("..", "CON", emoji only) become "partner". */
export function statementFileStem(partner: string): string {
  const stem = partner.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return stem === '' || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(stem) ? 'partner' : stem;
}

/** Refuses a --statements path that is a file (the folder itself is made when written). */
export function checkStatementsDir(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliError(`--statements "${dir}" is a file; give a folder for the partner statements, e.g. "statements".`);
  }
}

/** The statement files of a run: a workbook per partner, and its HTML page beside it when `html` is set (with --html). */
export function statementFiles(analysis: Analysis, dir: string, html?: { madeAt: string }): OutputFile[] {
  const used = new Map<string, number>();
  return statementPartners(analysis).flatMap((partner): OutputFile[] => {
    const stem = statementFileStem(partner);
    const n = (used.get(stem.toLowerCase()) ?? 0) + 1; // case-insensitive file systems: "ACME" and "Acme" would collide
    used.set(stem.toLowerCase(), n);
    const tab = statementTab(analysis, partner);
    const name = path.join(dir, `${stem}${n > 1 ? `-${n}` : ''}`);
    const workbook: OutputFile = { path: `${name}.xlsx`, flag: '--statements', data: (file: string) => xlsxWriter([tab], file) };
    if (html === undefined) return [workbook];
    return [workbook, { path: `${name}.html`, flag: '--statements', data: (file: string) => writeHtmlFile(file, statementPage(tab, partner, html.madeAt)) }];
  });
}
