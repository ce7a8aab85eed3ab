/** Test data: SPEC section 7's worked example as Excel hands it over (serial-number dates, "" for blanks). */

/** 2024-01-01 is serial 45292 in Excel's 1900 date system. */
export const serial = (iso: string): number => 45292 + Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(2024, 0, 1)) / 86_400_000);

export const HEADER = ['Deal ID', 'Deal Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Partner', 'Partner Role',
  'Sourcing Partner', 'Influencing Partners', 'Reseller', 'Registered By', 'Registration Date', 'Other Amount'];

type Row = (string | number)[];
const row = (id: string, stage: string, amount: number, fields: Partial<Record<string, string | number>>, other = 1): Row =>
  HEADER.map((h) => (h === 'Deal ID' ? id : h === 'Deal Name' ? `Deal ${id}` : h === 'Stage' ? stage : h === 'Amount' ? amount
    : h === 'Created Date' ? serial('2024-03-04') : h === 'Close Date' ? serial('2024-04-15') : h === 'Other Amount' ? other : fields[h] ?? ''));

/** Rows 1-8 of a sheet: the header and the seven deals of SPEC 7, dates as Excel serials. */
export const EXCEL_DEALS: Row[] = [
  HEADER,
  row('D-2', 'Closed Won', 10000, { 'Lead Source': 'Partner Referral', Partner: 'Acme Inc.' }, 100),
  row('D-3', 'Closed Won', 9000.01, { 'Lead Source': 'Web', 'Influencing Partners': 'Globex; Initech' }),
  row('D-4', 'Closed Won', 5000, { 'Registered By': 'Umbrella', 'Registration Date': serial('2024-03-01'), 'Sourcing Partner': 'Acme' }, 200),
  row('D-5', 'Closed Won', 2000, { Reseller: 'Hooli Distribution', 'Lead Source': 'Web' }),
  row('D-6', 'Closed Lost', 7000, { Partner: 'Globex', 'Partner Role': 'VAR/Reseller', 'Lead Source': 'Trade Show' }),
  row('D-7', 'Closed Won', 3000, {}),
  row('D-8', 'Negotiation', 8000, { Partner: 'Initech', 'Lead Source': 'Web' }),
];

/** The same table with dates as JS Date objects (as Google Sheets passes them) instead of serials. */
export const DATE_DEALS: (string | number | Date)[][] = EXCEL_DEALS.map((r, i) => (i === 0 ? r : r.map((cell, c) => {
  const header = HEADER[c]!;
  if (typeof cell === 'number' && /Date/.test(header)) {
    const d = new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000);
    return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  }
  return cell;
})));
