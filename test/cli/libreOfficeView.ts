/** What LibreOffice shows of an .xlsx once it has opened it with a view: per sheet, frozen panes and print setup (test/cli/libreOfficeView.py). */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';

/** One sheet as LibreOffice opened it. */
export interface LibreOfficeSheet {
  name: string;
  frozen: boolean;
  frozenRows: number;
  frozenColumns: number;
  landscape: boolean;
  /** Fit to this many pages wide (0: no limit), and tall. */
  pagesWide: number;
  pagesTall: number;
  /** The 1-based first and last sheet rows printed on every page, or null. */
  repeatedRows: [number, number] | null;
}

/** Opens `xlsx` in LibreOffice through its own Python (UNO) and reads each sheet's view and page setup. */
export function libreOfficeSheets(xlsx: string): LibreOfficeSheet[] {
  // LibreOffice's Python modules sit beside the soffice binary.
  const program = path.dirname(realpathSync(execFileSync('which', ['soffice']).toString('utf8').trim()));
  const out = execFileSync('/usr/bin/python3', [path.join(__dirname, 'libreOfficeView.py'), xlsx],
    { env: { ...process.env, PYTHONPATH: program }, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out.toString('utf8')) as LibreOfficeSheet[];
}
