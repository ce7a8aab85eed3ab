/** The Sheets host hands dates to the engine as the calendar day the sheet shows, without turning them into text. */
import { analyze } from '../../../src/core';
import { spreadsheetDays, toCalendarCells, toCalendarCellsInPlace } from '../../../src/hosts/gas/toCalendarCells';

// Sheets gives a date cell as the instant of midnight in the spreadsheet's zone; Kiritimati is UTC+14.
const atMidnightInKiritimati = (iso: string): Date => new Date(new Date(`${iso}T00:00:00Z`).getTime() - 14 * 3_600_000);

beforeAll(() => {
  (globalThis as { Utilities?: unknown }).Utilities = {
    formatDate: (date: Date, timeZone: string, format: string) => {
      if (format !== 'yyyy-MM-dd') throw new Error(`test fake: format ${format} not supported`);
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
    },
  };
});
afterAll(() => { delete (globalThis as { Utilities?: unknown }).Utilities; });

describe('Sheets dates reach the engine as calendar days', () => {
  const header = ['Opportunity ID', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner'];

  it('reads a close date in the spreadsheet\'s zone as that day, the same Date for the same instant, and leaves the range alone', () => {
    const values = [header, ['OPP-1', 'Closed Won', 1200, atMidnightInKiritimati('2024-03-31'), 'Acme'],
      ['OPP-2', 'Closed Won', 800, atMidnightInKiritimati('2024-03-31'), 'Acme'], ['OPP-3', 'Closed Won', 500, '', 'Globex']];
    const cells = toCalendarCells(values, spreadsheetDays('Pacific/Kiritimati'));
    expect(cells[1]![3]).toEqual(new Date('2024-03-31T00:00:00Z'));
    expect(cells[2]![3]).toBe(cells[1]![3]);
    expect(values[1]![3]).toEqual(atMidnightInKiritimati('2024-03-31')); // the input is not changed
    expect(cells[3]).toBe(values[3]); // a row without a date is handed on, not copied
    const summary = analyze({ deals: cells }).summary;
    expect(summary.periods.map((p) => p.period)).toContain('2024 Q1');
    expect(summary.totals.revenue).toBe(2500);
  });

  it('turns an invalid date into a blank and keeps text dates as they were typed', () => {
    const values = [header, ['OPP-1', 'Closed Won', 100, new Date(Number.NaN), 'Acme'], ['OPP-2', 'Closed Won', 100, '2024-04-01', 'Acme']];
    const cells = toCalendarCellsInPlace(values, spreadsheetDays(null));
    expect(cells[1]![3]).toBe('');
    expect(cells[2]![3]).toBe('2024-04-01');
    expect(cells).toBe(values);
  });

  it('reads a Kiritimati date on the first of a quarter as that quarter, not the one before', () => {
    const values = [header, ['OPP-1', 'Closed Won', 1000, atMidnightInKiritimati('2024-04-01'), 'Acme']];
    const summary = analyze({ deals: toCalendarCells(values, spreadsheetDays('Pacific/Kiritimati')) }).summary;
    expect(summary.periods.map((p) => p.period)).toEqual(['2024 Q2']);
  });
});
