/** Turns any cell into trimmed text, and tells blank cells apart. */
import type { Cell } from '../types';

/** True for null, undefined, "" and whitespace-only text. */
export const isBlank = (cell: Cell): boolean =>
  cell === null || cell === undefined || cell === '' || (typeof cell === 'string' && cell.trim() === '');

/** Trimmed text of a cell ("" for blank); dates as ISO days, numbers as written. */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell);
}
