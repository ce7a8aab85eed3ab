/** Where the deals table was found in a grid: the header row and the column of each field. */
import type { Field } from '../types';

/** Where the deals table was found in the grid. */
export interface DetectedTable {
  /** Sheet row number of grid row 0. */
  firstRow: number;
  /** Index in the grid of the header row. */
  headerIndex: number;
  headers: string[];
  columns: Partial<Record<Field, number>>;
  sources: Partial<Record<Field, 'detected' | 'explicit'>>;
}
