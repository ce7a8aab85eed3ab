/** `report --compare A.json B.json [C.json]`: the policy files to compare, named after their files, and the comparison as console lines. */
import path from 'node:path';
import type { Comparison, MappingInput } from '../core';
import { CliError } from './CliError';
import { readPolicyFile } from './readPolicyFile';
import { textTable } from './textTable';

/** One policy file to compare. */
export interface DefinitionFile { name: string; file: string; policy: Record<string, unknown>; mapping: MappingInput }

/** "registered-only.json" -> "Registered only"; "my_policy.json" -> "My policy". */
export const definitionName = (file: string): string => {
  const base = path.basename(file).replace(/\.json$/i, '').replace(/[-_]+/g, ' ').trim();
  return base === '' ? file : base.charAt(0).toUpperCase() + base.slice(1);
};

/** Reads and checks the files; two or three of them, not together with --config. */
export function readDefinitionFiles(files: readonly string[], config: string | undefined): DefinitionFile[] {
  if (config !== undefined) throw new CliError('--compare takes the policy files to compare; leave --config out (put its file among the ones compared).');
  if (files.length < 2 || files.length > 3) {
    throw new CliError(`--compare needs two or three policy files (e.g. --compare examples/registered-only.json examples/standard.json), got ${files.length}.`);
  }
  const seen = new Map<string, number>();
  return files.map((file) => {
    const { policy, mapping } = readPolicyFile(file);
    let name = definitionName(file);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    if (n > 1) name = `${name} (${n})`;
    return { name, file, policy, mapping };
  });
}

const money = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (n: number): string => (n > 0 ? `+${money(n)}` : money(n));

/** The comparison's headline figures for the console. */
export function comparisonLines(c: Comparison, top = 5): string[] {
  const diffs = c.definitions.slice(1).map((d) => `${d} − ${c.definitions[0]}`);
  const columns = [{ header: `Definitions compared (${c.reportingCurrency})` }, ...c.definitions.map((d) => ({ header: d, right: true })),
    ...diffs.map((d) => ({ header: d, right: true }))];
  const row = (label: string, v: { values: number[]; differences: number[] }): string[] => [label, ...v.values.map(money), ...v.differences.map(signed)];
  const lines = textTable(columns, [
    row('Sourced revenue', c.totals.sourcedRevenue),
    row('Influenced revenue', c.totals.influencedRevenue),
    row('Resold revenue', c.totals.resoldRevenue),
    row('Partner-led revenue', c.totals.partnerLedRevenue),
    row('Direct revenue', c.totals.directRevenue),
    ...c.partners.slice(0, top).map((p) => row(`  ${p.partner}: sourced`, p.sourcedRevenue)),
  ]);
  lines.push(`  ${c.changedDeals.length.toLocaleString('en-US')} deal${c.changedDeals.length === 1 ? '' : 's'} change motion between the definitions.`);
  return lines;
}
