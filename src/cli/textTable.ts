/** Lays rows of text out as an aligned plain-text table for the console. */

/** One column: its header and whether values line up on the right (numbers). */
export interface TextColumn { header: string; right?: boolean }

/** The table as lines: header, a rule, then the rows; columns separated by two spaces. */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent + columns.map((column, i) => {
      const text = cells[i] ?? '';
      const width = widths[i] ?? 0;
      return column.right ? text.padStart(width) : text.padEnd(width);
    }).join('  ').trimEnd();
  return [line(columns.map((c) => c.header)), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
}
