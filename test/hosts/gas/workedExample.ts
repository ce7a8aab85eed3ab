/** Test data: SPEC 7's worked example as Google Sheets hands it over (Date objects, "" for blanks), and bigger tables. */

export const HEADER = ['Deal ID', 'Deal Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Lead Source', 'Partner', 'Partner Role',
  'Sourcing Partner', 'Influencing Partners', 'Reseller', 'Registered By', 'Registration Date'];

/** A date cell as Sheets passes it for a spreadsheet in UTC: the instant of that day's midnight. */
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

type SheetCell = string | number | boolean | Date;

const row = (id: string, stage: string, amount: number, fields: Partial<Record<string, SheetCell>>): SheetCell[] =>
  HEADER.map((h) => (h === 'Deal ID' ? id : h === 'Deal Name' ? `Deal ${id}` : h === 'Stage' ? stage : h === 'Amount' ? amount
    : h === 'Created Date' ? day('2024-03-04') : h === 'Close Date' ? day('2024-04-15') : fields[h] ?? ''));

/** Rows 1-8 of a sheet: the header and the seven deals of SPEC 7. */
export function workedExample(): SheetCell[][] {
  return [
    [...HEADER],
    row('D-2', 'Closed Won', 10000, { 'Lead Source': 'Partner Referral', Partner: 'Acme Inc.' }),
    row('D-3', 'Closed Won', 9000.01, { 'Lead Source': 'Web', 'Influencing Partners': 'Globex; Initech' }),
    row('D-4', 'Closed Won', 5000, { 'Registered By': 'Umbrella', 'Registration Date': day('2024-03-01'), 'Sourcing Partner': 'Acme' }),
    row('D-5', 'Closed Won', 2000, { Reseller: 'Hooli Distribution', 'Lead Source': 'Web' }),
    row('D-6', 'Closed Lost', 7000, { Partner: 'Globex', 'Partner Role': 'VAR/Reseller', 'Lead Source': 'Trade Show' }),
    row('D-7', 'Closed Won', 3000, {}),
    row('D-8', 'Negotiation', 8000, { Partner: 'Initech', 'Lead Source': 'Web' }),
  ];
}

const PARTNERS = ['Acme Inc.', 'Globex', 'Initech', 'Umbrella', 'Hooli Distribution', 'Stark Industries', 'Wayne Enterprises', 'Tyrell Corp'];
const STAGES = ['Closed Won', 'Closed Won', 'Closed Lost', 'Negotiation'];

/**
 * A deals table of `count` rows built by a fixed rule (no randomness), with every partner and every
 * quarter of 2024 present whatever the count, so report tabs have the same shape for 100 or 10,000 rows.
 */
export function generatedDeals(count: number): SheetCell[][] {
  const rows: SheetCell[][] = [[...HEADER]];
  for (let i = 0; i < count; i += 1) {
    const partner = PARTNERS[i % PARTNERS.length]!;
    const other = PARTNERS[(i + 3) % PARTNERS.length]!;
    const month = (i % 12) + 1;
    const created = day(`2024-${String(month).padStart(2, '0')}-02`);
    const close = day(`2024-${String(month).padStart(2, '0')}-25`);
    const kind = i % 5;
    const fields: Partial<Record<string, SheetCell>> = kind === 0 ? { 'Lead Source': 'Partner Referral', Partner: partner }
      : kind === 1 ? { 'Lead Source': 'Web', 'Influencing Partners': `${partner}; ${other}` }
        : kind === 2 ? { Reseller: partner, 'Lead Source': 'Web' }
          : kind === 3 ? { 'Sourcing Partner': partner }
            : {};
    rows.push(HEADER.map((h) => (h === 'Deal ID' ? `D-${i + 1}` : h === 'Deal Name' ? `Deal ${i + 1}` : h === 'Stage' ? STAGES[i % STAGES.length]!
      : h === 'Amount' ? 1000 + (i % 97) * 10.5 : h === 'Created Date' ? created : h === 'Close Date' ? close : fields[h] ?? '')));
  }
  return rows;
}
