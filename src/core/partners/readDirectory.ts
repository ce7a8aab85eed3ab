/** Reads the Partners directory (SPEC 2.2): canonical names, aliases, tier, type, region. */
import type { Grid } from '../types';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from './PartnerRegistry';
import { locateColumns } from '../table/locateColumns';
import { cellText, isBlank } from '../values/cellText';

const SYNONYMS = {
  partner: ['Partner', 'Partner Name', 'Name'],
  aliases: ['Aliases', 'Alias', 'Also Known As', 'AKA'],
  tier: ['Tier', 'Partner Tier'],
  type: ['Type', 'Partner Type'],
  region: ['Region', 'Territory', 'Geo'],
} as const;

export function readDirectory(grid: Grid, firstRow: number, registry: PartnerRegistry, issues: IssueLog): void {
  const located = locateColumns(grid, SYNONYMS, ['partner']);
  if (!located) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: 'Partners' });
    return;
  }
  const c = located.columns;
  const text = (cells: readonly unknown[], col: number | undefined): string | null => {
    if (col === undefined) return null;
    const value = cellText(cells[col] as never);
    return value === '' ? null : value;
  };
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const name = text(cells, c.partner);
    if (!name) continue;
    const aliases = (text(cells, c.aliases) ?? '').split(/[;|\n]+/).map((a) => a.trim()).filter((a) => a !== '');
    if (!registry.addDirectoryEntry(name, aliases, text(cells, c.tier), text(cells, c.type), text(cells, c.region))) {
      issues.add('DIRECTORY_DUPLICATE', firstRow + r, 'Partner', name);
    }
  }
}
