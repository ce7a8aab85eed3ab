/**
 * Date text in SQL reads as the engine reads it: DuckDB runs the script's date step on the texts
 * exports really hold ("10/18/2024" from a US machine, "18.10.2024" from a German one, "18/10/2024",
 * "2024-10-18 09:30", "18-Oct-2024", Excel serials such as "45583") and on random ones, month-first
 * and day-first, and gets parseDate's day for every one (NULL where the engine finds no date).
 */
import fc from 'fast-check';
import { DateSql } from '../../src/core/sql/dateSql';
import type { SqlDateOrder } from '../../src/core/sql/dateSql';
import { sqlDialect } from '../../src/core/sql/sqlDialect';
import { SqlText } from '../../src/core/sql/sqlText';
import { parseDate } from '../../src/core/values/parseDate';
import { openDuckDb } from './duckDbHarness';

const d = sqlDialect('duckdb');
const text = new SqlText(d);
const dates = new DateSql(d);

const engineDay = (value: string, order: SqlDateOrder): number | null => parseDate(value, order) ?? null;

async function sqlDays(connection: Awaited<ReturnType<typeof openDuckDb>>['connection'], values: readonly string[], order: SqlDateOrder): Promise<(number | null)[]> {
  await connection.run('CREATE OR REPLACE TABLE dates (rk INTEGER, v VARCHAR)');
  if (values.length > 0) await connection.run(`INSERT INTO dates VALUES ${values.map((v, i) => `(${i}, ${d.str(v)})`).join(', ')}`);
  const rows = (await connection.runAndReadAll(`${dates.dayQuery(`(SELECT rk, ${text.cellText('v')} AS v_text FROM dates)`, ['rk'], [{ text: 'v_text', day: 'day', order }])} ORDER BY rk`)).getRowObjectsJS();
  return rows.map((r) => (r.day === null ? null : Number(r.day)));
}

const REAL = ['2024-10-18', '2024-10-18 09:30', '2024-10-18T09:30:00Z', '2024-10-18T09:30:00.123+02:00', '2024-1-5',
  '10/18/2024', '18.10.2024', '18/10/2024', '03/04/2025', '3/4/25', '13.01.25', '1/2/2024 3:45 PM', '12/31/1999 23:59', '2024/03/01',
  '29/02/2023', '29.02.2024', '02/29/2024', '31/04/2024', '00/01/2024', '13/13/2024', '1.2.345', '1/2/3', '18-Oct-2024', '18 October 24',
  '1 Sept. 2024', 'October 18, 2024', 'Oct 18th 2024', 'Foo 18, 2024', '18-Foo-2024', '45583', '45583.75', '2025', '20250115', '1', '32874',
  '73415', '0', '', '  ', '#N/A', 'n/a', 'Q3 2024', 'tomorrow', ' 2024-10-18 ', '2024-13-01', '2024-02-30', '0000-01-01', '1899-12-31',
  '9999-12-31', '12345678901234567890', '10/18/2024 ', '10-18-2024', '2024-10-18x', '1e4', '45583,5'];

const PIECES = fc.record({
  a: fc.integer({ min: 0, max: 40 }), b: fc.integer({ min: 0, max: 14 }), year: fc.integer({ min: 0, max: 2105 }),
  pad: fc.boolean(), sep: fc.constantFrom('/', '.', '-'), yearDigits: fc.constantFrom(2, 4, 3, 1),
  time: fc.constantFrom('', ' 10:15', ' 3:45 pm', 'T10:15:00'), iso: fc.boolean(),
});
const randomText = PIECES.map((p) => {
  const two = (n: number): string => (p.pad ? String(n).padStart(2, '0') : String(n));
  const y = p.yearDigits === 4 ? String(p.year).padStart(4, '0') : String(p.year % 10 ** p.yearDigits);
  return p.iso ? `${String(p.year).padStart(4, '0')}-${two(p.b)}-${two(p.a)}${p.time}` : `${two(p.a)}${p.sep}${two(p.b)}${p.sep}${y}${p.time}`;
});

describe('date text in the DuckDB script', () => {
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.close());

  for (const order of ['MDY', 'DMY'] as const) {
    it(`reads what exports hold as parseDate does, ${order}`, async () => {
      const got = await sqlDays(db.connection, REAL, order);
      expect(REAL.map((v, i) => [v, got[i]])).toEqual(REAL.map((v) => [v, engineDay(v, order)]));
    });
  }

  it('reads a two-digit UTC offset ("+00", how a TIMESTAMP WITH TIME ZONE casts to text), which parseDate refuses, as its day', async () => {
    expect(engineDay('2024-10-18 09:30:00+00', 'MDY')).toBeNull();
    expect(await sqlDays(db.connection, ['2024-10-18 09:30:00+00', '2024-10-18 09:30:00+0'], 'MDY')).toEqual([20014, null]);
  });

  it('reads "10/18/2024" month first and "18.10.2024" day first as 2024-10-18, and refuses 29 February 2023', async () => {
    const [us] = await sqlDays(db.connection, ['10/18/2024'], 'MDY');
    const [de, bad] = await sqlDays(db.connection, ['18.10.2024', '29.02.2023'], 'DMY');
    expect(us).toBe(20014);
    expect(de).toBe(20014);
    expect(bad).toBeNull();
  });

  it('reads random day, month and year texts as parseDate does', async () => {
    await fc.assert(fc.asyncProperty(fc.array(randomText, { minLength: 1, maxLength: 40 }), fc.constantFrom<SqlDateOrder>('MDY', 'DMY'), async (values, order) => {
      const got = await sqlDays(db.connection, values, order);
      expect(values.map((v, i) => [v, got[i]])).toEqual(values.map((v) => [v, engineDay(v, order)]));
    }), { numRuns: 40, seed: 20261202 });
  });

  it('reads DATE, TIMESTAMP and DOUBLE columns of a typed load as their day', async () => {
    await db.connection.run(`CREATE OR REPLACE TABLE typed AS SELECT DATE '2024-10-18' AS a, TIMESTAMP '2024-10-18 23:59:00' AS b,
      TIMESTAMPTZ '2024-10-18 12:00:00+00' AS c, CAST(45583 AS DOUBLE) AS e`);
    const cols = ['a', 'b', 'c', 'e'];
    const rows = (await db.connection.runAndReadAll(dates.dayQuery(`(SELECT ${cols.map((c) => `${text.cellText(c)} AS ${c}_text`).join(', ')} FROM typed)`, [],
      cols.map((c) => ({ text: `${c}_text`, day: c, order: 'MDY' as const }))))).getRowObjectsJS();
    expect(Object.values(rows[0]!).map(Number)).toEqual([20014, 20014, 20014, 20014]);
  });
});
