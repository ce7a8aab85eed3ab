/** An in-memory TextFinder (the subset the add-on uses): finds cells by their value or, with matchFormulaText, by their formula. */
import { counted } from './CallCounter';
import type { FakeSpreadsheet } from './FakeSpreadsheet';

type TextFinder = GoogleAppsScript.Spreadsheet.TextFinder;
type Used = 'matchFormulaText' | 'matchCase' | 'findAll';

export class FakeTextFinder implements Pick<TextFinder, Used> {
  readonly api: TextFinder;
  private formulas = false;
  private caseSensitive = false;

  constructor(private readonly spreadsheet: FakeSpreadsheet, private readonly text: string) {
    this.api = counted(this, 'TextFinder', spreadsheet.counter) as unknown as TextFinder;
  }

  matchFormulaText(value: boolean): TextFinder { this.formulas = value; return this.api; }
  matchCase(value: boolean): TextFinder { this.caseSensitive = value; return this.api; }

  /** One single-cell range per match, sheet by sheet, row by row. */
  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    const norm = (t: string) => (this.caseSensitive ? t : t.toLowerCase());
    const needle = norm(this.text);
    return this.spreadsheet.sheets.flatMap((sheet) => {
      const found: GoogleAppsScript.Spreadsheet.Range[] = [];
      for (let r = 0; r < sheet.maxRows; r += 1) {
        for (let c = 0; c < sheet.maxColumns; c += 1) {
          const formula = sheet.formulaAt(r, c);
          const text = this.formulas && formula ? formula : String(sheet.valueAt(r, c));
          if (text && norm(text).includes(needle)) found.push(sheet.api.getRange(r + 1, c + 1));
        }
      }
      return found;
    });
  }
}
