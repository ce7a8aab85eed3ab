/** Reads a --config policy file: JSON, checked by the core's resolvePolicy (which names any unknown key or bad value). */
import { readFileSync } from 'node:fs';
import { isAttributionError, resolvePolicy } from '../core';
import { CliError } from './CliError';
import { fileProblem } from './fileProblem';

/**
 * The policy overrides the file holds, checked against the policy schema first; any problem is one
 * CliError naming the file (and, for a bad setting, the key).
 */
export function readPolicyFile(file: string): Record<string, unknown> {
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
    resolvePolicy(json);
    return json as Record<string, unknown>;
  } catch (error) {
    if (isAttributionError(error)) throw new CliError(`The policy file "${file}": ${error.message}`);
    throw error;
  }
}
