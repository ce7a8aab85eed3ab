/** Refuses a column mapping that puts two fields in one column (SPEC 2.1: one column holds one field). */
import type { Field, MappingInput } from '../types';
import { AttributionError } from '../AttributionError';
import { headerKey } from './fieldSynonyms';

/**
 * Throws AttributionError BAD_MAPPING when two fields of `mapping` name the same header (as headers
 * compare: case, spaces and punctuation ignored) or the same column number. Text against a number is
 * checked once the table is known (detectTable).
 */
export function checkMappingTargets(mapping: MappingInput): void {
  const byTarget = new Map<string, Field>();
  for (const [field, value] of Object.entries(mapping) as [Field, string | number | null | undefined][]) {
    if (value === null || value === undefined) continue;
    const target = typeof value === 'number' ? `#${value}` : `"${headerKey(value)}`;
    const other = byTarget.get(target);
    if (other !== undefined) {
      const column = typeof value === 'number' ? `column ${value + 1}` : `the column "${value}"`;
      throw new AttributionError('BAD_MAPPING', `The column mapping puts both "${other}" and "${field}" in ${column}; one column holds one field.`);
    }
    byTarget.set(target, field);
  }
}
