/** Reads a --config settings file: JSON policy settings plus an optional "mapping", checked by the core (which names any bad key). */
import { isAttributionError, resolveConfigFile } from '../core';
import type { MappingInput } from '../core';
import { CliError } from './CliError';
import { readJsonFile } from './readJsonFile';

/**
 * The policy overrides and the column mapping the file holds, checked first; any problem is one
 * CliError naming the file (and, for a bad setting, the key).
 */
export function readPolicyFile(file: string): { policy: Record<string, unknown>; mapping: MappingInput } {
  const json = readJsonFile(file, 'The policy file',
    (detail) => `The policy file "${file}" is not valid JSON (${detail}). Fix it, e.g. {"influenceModel": "position"}.`);
  try {
    const { mapping } = resolveConfigFile(json);
    const { mapping: _mapping, ...policy } = json as Record<string, unknown>;
    return { policy, mapping };
  } catch (error) {
    if (isAttributionError(error)) throw new CliError(`The policy file "${file}": ${error.message}`);
    throw error;
  }
}
