/** Generates Excel's functions.json (custom functions metadata) from the shared custom-function list. */
import type { FunctionDef } from '../../core/functions/functionList';

/** One parameter as functions.json describes it. */
export interface MetadataParameter {
  name: string;
  description: string;
  type: 'any' | 'string' | 'number' | 'boolean';
  dimensionality: 'scalar' | 'matrix';
  optional?: boolean;
}

/** One function as functions.json describes it. */
export interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  parameters: MetadataParameter[];
  result: { type: 'any' | 'number'; dimensionality: 'scalar' | 'matrix' };
}

/**
 * The functions.json document. Ranges are `any` matrices (cells hold text, numbers, dates as
 * serials); text arguments are `any` scalars so a cell holding a number still works. The Excel
 * name is the id; the namespace (PARTNER) comes from the manifest.
 */
export function functionsMetadata(list: readonly FunctionDef[]): { functions: MetadataFunction[] } {
  return {
    functions: list.map((def) => ({
      id: def.id,
      name: def.id,
      description: def.description,
      parameters: def.params.map((param) => ({
        name: param.name,
        description: param.description,
        type: 'any' as const,
        // A `names` argument takes one name or a range of names, so Excel must pass it as a matrix.
        dimensionality: param.kind === 'text' ? 'scalar' as const : 'matrix' as const,
        ...(param.optional ? { optional: true } : {}),
      })),
      // `numbers` may be a column (a range of names in): a matrix result; a single number comes back as [[n]].
      result: def.returns !== 'number'
        ? { type: 'any' as const, dimensionality: 'matrix' as const }
        : { type: 'number' as const, dimensionality: 'scalar' as const },
    })),
  };
}
