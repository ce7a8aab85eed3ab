/** Reads TRUE/FALSE, yes/no, y/n, 1/0 and x (SPEC 2.3). */
import type { Cell } from '../types';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 'won', 'closed']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

/** true / false, null for blank, undefined when the cell is not a boolean at all. */
export function parseBoolean(cell: Cell): boolean | null | undefined {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell === 1 ? true : cell === 0 ? false : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim().toLowerCase();
  if (text === '') return null;
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  return undefined;
}
