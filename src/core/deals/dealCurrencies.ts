/**
 * Each deal's currency (SPEC 5): the currency column, else what the amount itself says (a code or
 * symbol in its text, or its cell's number format). Symbols shared by several currencies ("$",
 * "¥", "kr") are read as the reporting currency when they can mean it, else as the usual one, and
 * the summary says which was assumed.
 */
import type { Cell } from '../types';
import type { IssueLog } from '../messages';
import { cellText } from '../values/cellText';
import type { MarkedCurrency } from '../values/currencyMarks';
import { currencyOfFormat, markAllows, markCandidates, resolveMark } from '../values/currencyMarks';

/** What an amount cell says about its currency, and whether its number format (not its text) says it. */
export interface SaidCurrency extends MarkedCurrency { fromFormat: boolean }

/** Said by neither text nor format; never mutated. */
export const NOTHING_SAID: SaidCurrency = Object.freeze({ code: null, mark: null, fromFormat: false });

/** What the amount cell says about its currency: its text first, else its number format. */
export function amountCurrency(text: { currency: string | null; mark: string | null }, format: string | null | undefined): SaidCurrency {
  if (text.currency !== null || text.mark !== null) return { code: text.currency, mark: text.mark, fromFormat: false };
  if (!format) return NOTHING_SAID;
  const fromFormat = currencyOfFormat(format);
  return fromFormat.code === null && fromFormat.mark === null ? NOTHING_SAID : { ...fromFormat, fromFormat: true };
}

/** Counts currencies over the first pass, then gives each deal its code in the second. */
export class DealCurrencies {
  private readonly codeCounts = new Map<string, number>();
  private readonly markCounts = new Map<string, number>();
  private readonly resolved = new Map<string, string>();
  private unmarked = 0;
  /** The reporting currency: the setting, else the most common currency, else USD. */
  reportingCurrency = 'USD';
  /** Distinct currency codes, most common first (marks counted as the currency they are read as). */
  currencies: string[] = [];

  /** First pass: one readable amount with its currency column text ("" when none) and what the amount says. */
  count(columnText: string, said: MarkedCurrency): void {
    if (columnText !== '') this.codeCounts.set(columnText, (this.codeCounts.get(columnText) ?? 0) + 1);
    else if (said.code !== null) this.codeCounts.set(said.code, (this.codeCounts.get(said.code) ?? 0) + 1);
    else if (said.mark !== null) this.markCounts.set(said.mark, (this.markCounts.get(said.mark) ?? 0) + 1);
    else this.unmarked++;
  }

  /**
   * After the first pass: picks the reporting currency, decides what each mark means and says so
   * (one info issue per mark, and one for amounts that name no currency among ones that do).
   */
  finish(setting: string | null, amountHeader: string, issues: IssueLog): void {
    let top: string | null = null;
    let topCount = 0;
    for (const [key, n] of [...this.codeCounts, ...this.markCounts]) if (n > topCount) { top = key; topCount = n; }
    // Amounts that name no currency outvoting every currency leave the default, as a table without currencies has.
    if (this.unmarked > topCount) top = null;
    this.reportingCurrency = setting ?? (top === null ? 'USD' : this.markCounts.has(top) && !this.codeCounts.has(top) ? resolveMark(top, null) : top);
    const merged = new Map(this.codeCounts);
    for (const [mark, n] of this.markCounts) {
      const code = resolveMark(mark, this.reportingCurrency);
      this.resolved.set(mark, code);
      merged.set(code, (merged.get(code) ?? 0) + n);
      issues.add('CURRENCY_ASSUMED', null, amountHeader, mark, {
        mark, code, count: String(n), candidates: markCandidates(mark).join(', '),
      });
    }
    this.currencies = [...merged.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    if (this.unmarked > 0 && this.currencies.length > 0) {
      issues.add('CURRENCY_UNMARKED', null, amountHeader, '', { count: String(this.unmarked), code: this.reportingCurrency });
    }
  }

  /** The code an ambiguous mark is read as (after finish). */
  codeOfMark(mark: string): string {
    return this.resolved.get(mark) ?? resolveMark(mark, this.reportingCurrency);
  }

  /**
   * Second pass: the deal's currency (null = the reporting currency, nothing says otherwise). A
   * currency column that disagrees with what the amount says is a data issue; the column wins.
   * `amountCell` is turned into text only for that issue.
   */
  of(columnText: string, said: SaidCurrency, log: IssueLog, row: number, amountHeader: string, amountCell: Cell): string | null {
    if (columnText !== '') {
      const agrees = said.code !== null ? said.code === columnText : said.mark === null || markAllows(said.mark, columnText);
      if (!agrees) log.add('CURRENCY_CONFLICT', row, amountHeader, cellText(amountCell), {
        textCurrency: said.code ?? said.mark ?? '', currency: columnText, source: said.fromFormat ? "amount's number format" : 'amount',
      });
      return columnText;
    }
    if (said.code !== null) return said.code;
    if (said.mark !== null) return this.codeOfMark(said.mark);
    return null;
  }
}
