/**
 * The Apps Script globals Code.js uses (SpreadsheetApp, PropertiesService, HtmlService, Utilities,
 * Session), built over in-memory fakes that share one call counter.
 */
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CallCounter, counted } from './CallCounter';
import { FakeSpreadsheet } from './FakeSpreadsheet';
import { FakeProperties } from './FakeProperties';
import { FakeUi } from './FakeUi';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

class FakeHtmlOutput implements Pick<HtmlOutput, 'setTitle' | 'getTitle' | 'getContent'> {
  readonly api: HtmlOutput;
  private title = '';

  constructor(private readonly content: string, counter: CallCounter) {
    this.api = counted(this, 'HtmlOutput', counter) as unknown as HtmlOutput;
  }

  setTitle(title: string): HtmlOutput {
    this.title = title;
    return this.api;
  }

  getTitle(): string { return this.title; }
  getContent(): string { return this.content; }
}

/** Everything a test needs: the globals to put in the vm context and the fakes behind them. */
export interface AppsScriptFakes {
  globals: Record<string, unknown>;
  counter: CallCounter;
  spreadsheet: FakeSpreadsheet;
  properties: FakeProperties;
  ui: FakeUi;
}

/**
 * Builds the fakes. `projectDir` is the built dist/gas folder: HtmlService reads its .html files
 * there, as Apps Script reads the project's files.
 */
export function createAppsScriptFakes(projectDir: string, options: { timeZone?: string } = {}): AppsScriptFakes {
  const counter = new CallCounter();
  const spreadsheet = new FakeSpreadsheet(counter, options.timeZone ?? 'Etc/UTC');
  const properties = new FakeProperties(counter);
  const ui = new FakeUi(counter);

  const spreadsheetApp: Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'getActive' | 'getActiveSpreadsheet' | 'getUi' | 'flush'> = {
    flush: () => undefined,
    getActive: () => spreadsheet.api,
    getActiveSpreadsheet: () => spreadsheet.api,
    getUi: () => ui.api,
  };
  const propertiesService: Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties'> = {
    getDocumentProperties: () => properties.api,
  };
  const htmlService: Pick<GoogleAppsScript.HTML.HtmlService, 'createHtmlOutputFromFile'> = {
    createHtmlOutputFromFile: (name: string) => {
      const file = path.join(projectDir, `${name}.html`);
      if (!existsSync(file)) throw new Error(`No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(readFileSync(file, 'utf8'), counter).api;
    },
  };
  const utilities: Pick<GoogleAppsScript.Utilities.Utilities, 'formatDate'> = {
    formatDate: (date: GoogleAppsScript.Base.Date, timeZone: string, format: string) => {
      if (format !== 'yyyy-MM-dd') throw new Error(`test fake: format ${format} not supported`);
      const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date as unknown as Date);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `${part('year')}-${part('month')}-${part('day')}`;
    },
  };
  const session: Pick<GoogleAppsScript.Base.Session, 'getScriptTimeZone'> = { getScriptTimeZone: () => 'Etc/UTC' };

  return {
    globals: {
      SpreadsheetApp: counted(spreadsheetApp, 'SpreadsheetApp', counter),
      PropertiesService: counted(propertiesService, 'PropertiesService', counter),
      HtmlService: counted(htmlService, 'HtmlService', counter),
      Utilities: utilities,
      Session: session,
    },
    counter,
    spreadsheet,
    properties,
    ui,
  };
}
