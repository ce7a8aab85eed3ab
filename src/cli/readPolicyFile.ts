/** Reads a --config settings file: JSON policy settings plus an optional "mapping", checked by the core (which names any bad key). */
import { readFileSync } from 'node:fs';
import { isAttributionError, resolveConfigFile } from '../core';
import type { MappingInput } from '../core';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';

/**
 * The policy overrides and the column mapping the file holds, checked first; any problem is one
 * CliError naming the file (and, for a bad setting, the key).
 */
export function readPolicyFile(file: string): { policy: Record<string, unknown>; mapping: MappingInput } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fileProblem('The policy file', file, error);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`The policy file "${file}" is not valid JSON (${(error as Error).message}). Fix it, e.g. {"influenceModel": "position"}.`);
  }
  try {
    const { mapping } = resolveConfigFile(json);
    const { mapping: _mapping, ...policy } = json as Record<string, unknown>;
    return { policy, mapping };
  } catch (error) {
    if (isAttributionError(error)) throw new CliError(`The policy file "${file}": ${error.message}`);
    throw error;
  }
}
