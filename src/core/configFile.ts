/**
 * A settings file (the CLI's --config): the policy settings of SPEC 3-5 plus, optionally, an explicit
 * column mapping under "mapping" (SPEC 2.1: a mapping always wins over detection).
 */
import type { Field, MappingInput } from './types';
import type { Policy } from './policy';
import { resolvePolicy } from './policy';
import { AttributionError } from './AttributionError';
import { FIELDS } from './table/fieldSynonyms';
import { checkSettingsDepth, refuseObjectInternalName } from './settingsShape';
import { checkMappingTargets } from './table/checkMappingTargets';

export interface ConfigFile { policy: Policy; mapping: MappingInput }

/** Checks a parsed settings file; throws AttributionError naming the first bad key. */
export function resolveConfigFile(input: unknown): ConfigFile {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new AttributionError('BAD_POLICY', 'The settings file must be a JSON object, e.g. {"influenceModel": "position", "mapping": {"amount": "Amount (USD)"}}.');
  }
  checkSettingsDepth(input);
  for (const key of Object.keys(input)) refuseObjectInternalName(key, 'setting');
  const { mapping: rawMapping, ...policyPart } = input as Record<string, unknown>;
  return { policy: resolvePolicy(policyPart), mapping: resolveMapping(rawMapping) };
}

/**
 * Checks a settings file's or saved settings' "mapping" (absent is no mapping): known fields only,
 * header texts, column numbers or null, and no two fields in one column. Throws AttributionError.
 */
export function resolveMapping(rawMapping: unknown): MappingInput {
  const mapping: MappingInput = {};
  if (rawMapping !== undefined) {
    if (rawMapping === null || typeof rawMapping !== 'object' || Array.isArray(rawMapping)) {
      throw new AttributionError('BAD_MAPPING', '"mapping" must be an object of field: header, e.g. {"amount": "Amount (USD)"}.');
    }
    for (const [field, value] of Object.entries(rawMapping as Record<string, unknown>)) {
      refuseObjectInternalName(field, 'field in "mapping"');
      if (!FIELDS.includes(field as Field)) throw new AttributionError('BAD_MAPPING', `Unknown field "${field}" in "mapping". Known fields: ${FIELDS.join(', ')}.`);
      if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        throw new AttributionError('BAD_MAPPING', `"mapping.${field}" must be a header text, a 0-based column number, or null; got ${JSON.stringify(value)}.`);
      }
      mapping[field as Field] = value as string | number | null;
    }
    checkMappingTargets(mapping);
  }
  return mapping;
}
