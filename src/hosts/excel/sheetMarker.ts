/**
 * How the add-in marks the worksheets it owns: a worksheet-level custom property (ExcelApi 1.12)
 * named "partner-attribution" whose value names the report tab. Users never see it; it travels
 * with the sheet, so a renamed tab stays ours and a user's tab with our name is never ours.
 */

/** The custom property key. */
export const MARKER_KEY = 'partner-attribution';

/** The marker value written on an owned sheet. */
export interface SheetMarker { version: 1; tab: string; kind: 'report' }

/** The marker's text for a report tab. */
export const markerValue = (tab: string): string => JSON.stringify({ version: 1, tab, kind: 'report' } satisfies SheetMarker);

/** Reads a marker value; anything that is not ours gives null. */
export function parseMarker(value: string | null | undefined): SheetMarker | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as Partial<SheetMarker> | null;
    return parsed && parsed.version === 1 && typeof parsed.tab === 'string' && parsed.kind === 'report' ? { version: 1, tab: parsed.tab, kind: 'report' } : null;
  } catch {
    return null;
  }
}

/** The marker value on a backup: a copy of the report sheet `tab` kept while that sheet is refilled (never a report sheet itself). */
export const backupMarkerValue = (tab: string): string => JSON.stringify({ version: 1, tab, kind: 'backup' });

/** The sheet name a backup marker names, or null when the value is not a backup marker. */
export function parseBackupMarker(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { version?: unknown; tab?: unknown; kind?: unknown } | null;
    return parsed && parsed.version === 1 && typeof parsed.tab === 'string' && parsed.kind === 'backup' ? parsed.tab : null;
  } catch {
    return null;
  }
}

/** The custom property on a data sheet that records where the add-in's classification columns are. */
export const COLUMNS_MARKER_KEY = 'partner-attribution-columns';

/** The columns marker's text: the 0-based sheet column of the first of the three columns. */
export const columnsMarkerValue = (col: number): string => JSON.stringify({ version: 1, col });

/** Reads a columns marker; anything unreadable gives null. */
export function parseColumnsMarker(value: string | null | undefined): number | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(value) as { version?: unknown; col?: unknown } | null;
    return parsed && parsed.version === 1 && typeof parsed.col === 'number' && Number.isInteger(parsed.col) && parsed.col >= 0 ? parsed.col : null;
  } catch {
    return null;
  }
}
