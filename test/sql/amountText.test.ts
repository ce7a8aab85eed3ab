/**
 * Amount text in SQL reads as the engine reads it: DuckDB runs the script's amount step on the texts
 * spreadsheets really hold ("$12,000.00", "€1.234,56", "(500.00)", "USD 1200", "R 1 200") and on
 * random ones, and gets parseAmount's number, currency code and currency mark for every one.
 */
import fc from 'fast-check';
import { amountQuery, MAX_SQL_AMOUNT } from '../../src/core/sql/amountSql';
import type { AmountLocale } from '../../src/core/sql/amountSql';
import { sqlDialect } from '../../src/core/sql/sqlDialect';
import { SqlText } from '../../src/core/sql/sqlText';
import { parseAmount } from '../../src/core/values/parseAmount';
import { isAmbiguousAmount } from '../../src/core/values/columnLocale';
import { openDuckDb } from './duckDbHarness';

const d = sqlDialect('duckdb');
const text = new SqlText(d);

interface Read { text: string; amount: number | null; code: string | null; mark: string | null }

/** What the engine reads (readDeals: too large and ambiguous values are no amount). */
function engineRead(value: string, locale: AmountLocale): Read {
  const parsed = parseAmount(value, locale.decimalSeparator);
  if (parsed.kind !== 'ok' || Math.abs(parsed.value) >= MAX_SQL_AMOUNT || (locale.ambiguous && isAmbiguousAmount(value))) {
    return { text: value, amount: null, code: null, mark: null };
  }
  return { text: value, amount: parsed.value === 0 ? 0 : parsed.value, code: parsed.currency, mark: parsed.mark };
}

async function sqlRead(connection: Awaited<ReturnType<typeof openDuckDb>>['connection'], values: readonly string[], locale: AmountLocale): Promise<Read[]> {
  await connection.run('CREATE OR REPLACE TABLE amounts (rk INTEGER, amount VARCHAR)');
  if (values.length > 0) {
    await connection.run(`INSERT INTO amounts VALUES ${values.map((v, i) => `(${i}, ${d.str(v)})`).join(', ')}`);
  }
  const source = `(SELECT t.rk, ${text.cellText('t.amount')} AS amount_text FROM amounts t)`;
  const rows = (await connection.runAndReadAll(`${amountQuery(d, text, source, locale)} ORDER BY rk`)).getRowObjectsJS();
  return rows.map((r, i) => ({ text: values[i]!, amount: r.amount === null ? null : (r.amount as number) === 0 ? 0 : r.amount as number,
    code: (r.said_code as string | null) ?? null, mark: (r.said_mark as string | null) ?? null }));
}

const REAL = ['$12,000.00', '€1.234,56', '(500.00)', '1.234,56 €', 'USD 1200', '-€5', 'EUR 500', '500 EUR', '€ 1 234,56', '(1,200)',
  'C$1,000', 'US$ 99.95', 'R 1 200', 'R$ 1.500,00', 'kr 1 500', 'kr. 250', '1 500 kr', 'zł 100', '100 zł', 'Fr. 1\'250.50', 'CHF 1\'250.50',
  '¥12,000', '£10', '₹1,00,000', '1200-', '+300', '−45.5', '1e5', '2.5E+3', '12.500', '1.000', '1,000', '$1.000', '0.500', '-', '—', '',
  '   ', 'n/a', 'TBD', '$', '1.2.3', '1,234.56.78', '12,34', '1.234.567', '1.234.567,89', '(€ 99)', '($5)', '$(5)', '( 12 )', '1\u00a0234,50',
  '9999999999999', '99999999999999', '1e400', '#N/A', 'abc123', 'Rp 15.000', '₩1,000', '12 345', "1'000", '.5', ',5', '--5', '(-5)', 'USD', '5 USD.'];

const PIECES = fc.record({
  paren: fc.boolean(), code: fc.constantFrom('', 'USD ', 'EUR', 'chf ', 'GBP'), symbol: fc.constantFrom('', '$', '€', 'US$', 'R ', 'kr', 'zł', 'Fr.', '£', '¥', 'C$'),
  sign: fc.constantFrom('', '-', '−', '+', 'trail'), whole: fc.integer({ min: 0, max: 99999999 }),
  group: fc.constantFrom('', ',', '.', ' ', '\u00a0', "'"), decimals: fc.constantFrom('', '.5', ',5', '.25', ',99', '.125', ',000'),
  after: fc.constantFrom('', ' EUR', 'USD', ' €', ' kr', 'e3'), symbolAfter: fc.boolean(), pad: fc.constantFrom('', ' ', '\t'),
});
const amountText = PIECES.map((p) => {
  const digits = String(p.whole);
  const grouped = p.group === '' ? digits : digits.replace(/\B(?=(\d{3})+(?!\d))/g, p.group);
  let t = `${grouped}${p.decimals}`;
  t = p.symbolAfter ? `${t}${p.symbol}` : `${p.symbol}${t}`;
  t = p.sign === 'trail' ? `${t}-` : `${p.sign}${t}`;
  t = `${p.code}${t}${p.after}`;
  return `${p.pad}${p.paren ? `(${t})` : t}${p.pad}`;
});

const LOCALES: AmountLocale[] = [{ decimalSeparator: '.', ambiguous: false }, { decimalSeparator: ',', ambiguous: false },
  { decimalSeparator: '.', ambiguous: true }];

describe('amount text in the SQL', () => {
  let db: Awaited<ReturnType<typeof openDuckDb>>;
  beforeAll(async () => { db = await openDuckDb(); });
  afterAll(() => db.close());

  for (const locale of LOCALES) {
    const label = `${locale.decimalSeparator === '.' ? 'the decimal point' : 'the decimal comma'}${locale.ambiguous ? ', ambiguous values left out' : ''}`;
    it(`reads the amounts spreadsheets hold as the engine does, with ${label}`, async () => {
      const expected = REAL.map((v) => engineRead(v, locale));
      expect(await sqlRead(db.connection, REAL, locale)).toEqual(expected);
      expect(expected.filter((r) => r.amount !== null).length).toBeGreaterThan(30);
    });

    it(`reads random amount text as the engine does, with ${label}`, async () => {
      await fc.assert(fc.asyncProperty(fc.array(amountText, { minLength: 1, maxLength: 60 }), async (values) => {
        expect(await sqlRead(db.connection, values, locale)).toEqual(values.map((v) => engineRead(v, locale)));
      }), { numRuns: 25, seed: 15 });
    });
  }

  it('reads "$12,000.00" as 12000 in a dollar mark, "€1.234,56" as 1234.56 EUR and "(500.00)" as -500', async () => {
    const dot = await sqlRead(db.connection, ['$12,000.00', '(500.00)'], { decimalSeparator: '.', ambiguous: false });
    expect(dot).toEqual([{ text: '$12,000.00', amount: 12000, code: null, mark: '$' }, { text: '(500.00)', amount: -500, code: null, mark: null }]);
    const comma = await sqlRead(db.connection, ['€1.234,56'], { decimalSeparator: ',', ambiguous: false });
    expect(comma).toEqual([{ text: '€1.234,56', amount: 1234.56, code: 'EUR', mark: null }]);
  });
});
