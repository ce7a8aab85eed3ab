/** The streaming JSON writer: the same text as JSON.stringify(value, null, 2), written in pieces, with lists made lazily. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { analyze, stripControlChars, toSummaryJson } from '../../src/core';
import { LazyList, summaryForJson, writeJson, writeJsonFile } from '../../src/cli/jsonWriter';
import { repoRoot, tempDir } from './cliHarness';

async function written(value: unknown): Promise<{ text: string; chunks: number }> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  await writeJson(value, out);
  out.end();
  return { text: chunks.join(''), chunks: chunks.length };
}

const deals = [
  ['Opportunity ID', 'Opportunity Name', 'Stage', 'Amount', 'Close Date', 'Sourcing Partner', 'Influencing Partners'],
  ['006A1', 'Globex - Renewal', 'Closed Won', '12,500.00', '2025-03-14', 'Acme Consulting', 'Initech; Hooli'],
  ['006A2', 'Umbrella - New Logo', 'Closed Lost', '8,000', '2025-04-02', '', 'Initech'],
  ['006A3', 'Soylent - Expansion', 'Negotiation', '', '2025-06-30', 'Acme Consulting', ''],
  ['006A3', 'Soylent - Expansion (dup)', 'Negotiation', '100', '2025-06-30', '', ''],
];

describe('writeJson', () => {
  it('writes exactly JSON.stringify(summary, null, 2) for a real summary, and the schema accepts it', async () => {
    const summary = toSummaryJson(analyze({ deals }));
    const { text } = await written(summary);
    expect(text).toBe(`${JSON.stringify(summary, null, 2)}\n`);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'docs', 'summary.schema.json'), 'utf8')) as object);
    expect(validate(JSON.parse(text))).toBe(true);
  });

  it('writes a summary\'s deals straight from the engine\'s columns, the same text as the deals array would give', async () => {
    const analysis = analyze({ deals });
    const shape = summaryForJson(analysis);
    // No deals array is made for the writing: the deals are a lazy list over the engine's columns.
    expect(shape.deals).toBeInstanceOf(LazyList);
    const { text } = await written(shape);
    expect(text).toBe(`${JSON.stringify(toSummaryJson(analysis), null, 2)}\n`);
    expect(JSON.parse(text).deals).toHaveLength(4);
  });

  it('matches JSON.stringify on the odd cases: empty lists and objects, undefined, null, dates, nested lists', async () => {
    const values: unknown[] = [
      {}, [], { a: [] , b: {} }, { a: undefined, b: null, c: 1 }, [undefined, () => 1, 'x'],
      { when: new Date(Date.UTC(2025, 0, 15)), nested: [[1, [2]], { k: ['v'] }] }, 'text', 3, null,
      { 'quote"key': 'line\nbreak', emoji: 'Zürich 🚀' },
    ];
    for (const value of values) expect((await written(value)).text).toBe(`${JSON.stringify(value, null, 2)}\n`);
  });

  it('makes a lazy list\'s items only as it writes them, in chunks', async () => {
    const made: number[] = [];
    const list = new LazyList(20000, (i) => { made.push(i); return { id: `D${i}`, credits: { Acme: i } }; });
    const text: string[] = [];
    let madeAtFirstWrite = -1;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done): void {
        if (madeAtFirstWrite < 0) madeAtFirstWrite = made.length;
        text.push(chunk.toString('utf8'));
        done();
      },
    });
    await writeJson({ version: 1, deals: list }, out);
    const plain = { version: 1, deals: Array.from({ length: 20000 }, (_, i) => ({ id: `D${i}`, credits: { Acme: i } })) };
    expect(text.join('')).toBe(`${JSON.stringify(plain, null, 2)}\n`);
    expect(text.length).toBeGreaterThan(10);
    expect(madeAtFirstWrite).toBeGreaterThan(0);
    expect(madeAtFirstWrite).toBeLessThan(2000);
  });

  it('keeps control characters out of what it writes', async () => {
    const { text } = await written({ partner: 'Acme\u001b[31m\u0007 Corp', note: 'tab\tand\nline' });
    expect(JSON.parse(text)).toEqual({ partner: 'Acme[31m Corp', note: 'tab\tand\nline' });
  });

  it('writes a file through writeJsonFile', async () => {
    const file = path.join(tempDir('pa-json-'), 'summary.json');
    await writeJsonFile({ a: [1, 2] }, file);
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}\n');
  });
});

describe('writeJson on any text', () => {
  // Strings built from the characters the control guard looks for and their look-alikes: C0 controls
  // (written as \u00XX, \b, \f), DEL and C1 (written raw), backslashes and the letters after them, £ (also 0xC2 in UTF-8).
  const chars = fc.constantFrom('a', ' ', '\\', 'b', 'f', 'u', '0', '1', '7', 'F', 'n', '"', '\n', '\t', '\r', '\u0000', '\u0007', '\b', '\f',
    '\u000b', '\u001b', '\u001f', '\u007f', '\u0080', '\u009b', '\u009f', '\u00a0', '£', 'ü', '€', '🚀');
  const text = fc.string({ unit: chars, maxLength: 12 });
  const deal = fc.record({ id: text, name: text, amount: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.constant(null)), partners: fc.array(text, { maxLength: 3 }), note: fc.dictionary(text, text, { maxKeys: 2 }) });
  const summary = fc.record({ version: fc.constant(1), name: text, deals: fc.array(deal, { maxLength: 2500, size: 'max' }), partners: fc.array(deal, { maxLength: 5 }) });
  const clean = (_key: string, value: unknown): unknown => (typeof value === 'string' ? stripControlChars(value) : value);

  it('writes JSON.stringify(value, stripping control characters from every string value, 2), also for lists written in batches', async () => {
    await fc.assert(fc.asyncProperty(summary, async (value) => {
      expect((await written(value)).text).toBe(`${JSON.stringify(value, clean, 2)}\n`);
    }), { numRuns: 25 });
  });
});
