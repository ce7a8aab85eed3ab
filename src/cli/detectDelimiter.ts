/**
 * Which character separates a CSV's fields, decided by the header and the rows' shape, not by a
 * character count: a comma CSV whose partner lists say "Globex; Initech" stays a comma CSV, and a
 * German Excel CSV (';' with "1.234,56" amounts) stays a semicolon one.
 */
import { isKnownHeader } from '../core';

const CANDIDATES = [',', ';', '\t', '|'] as const;
/** Records looked at: enough to see a title block, the header and the rows' shape. */
const SAMPLE_RECORDS = 60;

/**
 * The first records of a text split by `delimiter`, honouring double quotes (a quoted field may span
 * lines), fed in chunks: the records are the same wherever the chunks are cut.
 */
class RecordSample {
  readonly records: string[][] = [];
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** The last chunk ended on a character whose meaning depends on the next one: a quote inside quotes, or a CR. */
  private pending: '"' | '\r' | null = null;

  constructor(private readonly delimiter: string) {}

  /** True once SAMPLE_RECORDS records are in. */
  get full(): boolean {
    return this.records.length >= SAMPLE_RECORDS;
  }

  write(text: string): void {
    let i = 0;
    if (this.pending !== null && text.length > 0) {
      const pending = this.pending;
      this.pending = null;
      if (pending === '"') {
        if (text[0] === '"') { this.field += '"'; i = 1; } else this.inQuotes = false;
      } else {
        this.endRecord();
        if (text[0] === '\n') i = 1;
      }
    }
    const { delimiter } = this;
    for (; i < text.length && !this.full; i++) {
      const ch = text[i]!;
      if (this.inQuotes) {
        if (ch === '"') {
          if (i + 1 === text.length) { this.pending = '"'; return; }
          if (text[i + 1] === '"') { this.field += '"'; i++; } else this.inQuotes = false;
        } else this.field += ch;
      } else if (ch === '"' && this.field.trim() === '') {
        this.inQuotes = true;
      } else if (ch === delimiter) {
        this.fields.push(this.field); this.field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r') {
          if (i + 1 === text.length) { this.pending = '\r'; return; }
          if (text[i + 1] === '\n') i++;
        }
        this.endRecord();
      } else this.field += ch;
    }
  }

  /** The end of the text: an unfinished last record counts. */
  end(): string[][] {
    if (this.pending === '"') this.inQuotes = false;
    else if (this.pending === '\r') this.endRecord();
    this.pending = null;
    if (!this.full && (this.field !== '' || this.fields.length > 0)) { this.fields.push(this.field); this.records.push(this.fields); }
    return this.records;
  }

  private endRecord(): void {
    this.fields.push(this.field); this.records.push(this.fields);
    this.fields = []; this.field = '';
  }
}

/** The first records of `text` split by `delimiter`, honouring double quotes (a quoted field may span lines). */
function sampleRecords(text: string, delimiter: string): string[][] {
  const sample = new RecordSample(delimiter);
  sample.write(text);
  return sample.end();
}

interface Score { delimiter: string; knownNames: number; width: number; sameShape: number }

/** How well `delimiter` explains the text (its first records): known column names in its header, and rows as wide as that header. */
function score(sampled: string[][], delimiter: string): Score {
  const records = sampled.filter((r) => r.some((f) => f.trim() !== ''));
  // The header: the first record (within the first ten) with the most known column names, else the widest.
  let header = -1;
  let knownNames = 0;
  for (let r = 0; r < Math.min(records.length, 10); r++) {
    const known = records[r]!.filter((f) => isKnownHeader(f)).length;
    if (known > knownNames) { knownNames = known; header = r; }
  }
  if (header < 0) {
    let widest = 0;
    records.slice(0, 10).forEach((rec, r) => { if (rec.length > widest) { widest = rec.length; header = r; } });
  }
  const width = header >= 0 ? records[header]!.length : 0;
  // Without known names the widest record may be the last one ("USD;1,085" split at its decimal comma):
  // then every record counts, so a delimiter that splits only that row does not win.
  const below = knownNames > 0 ? records.slice(header + 1) : records.filter((_, r) => r !== header);
  const sameShape = below.length === 0 ? 1 : below.filter((rec) => rec.length === width).length / below.length;
  return { delimiter, knownNames: width > 1 ? knownNames : 0, width, sameShape };
}

/** The delimiter from each candidate's first records. */
function choose(samples: readonly string[][][]): string {
  const scores = CANDIDATES.map((d, i) => score(samples[i]!, d)).filter((s) => s.width > 1);
  if (scores.length === 0) return ',';
  const rank = (s: Score): number => CANDIDATES.indexOf(s.delimiter as typeof CANDIDATES[number]);
  const known = (s: Score): number => (s.knownNames >= 2 ? s.knownNames : 0);
  scores.sort((a, b) => known(b) - known(a) || b.sameShape - a.sameShape || rank(a) - rank(b));
  return scores[0]!.delimiter;
}

/**
 * The delimiter of a CSV text: the one whose header row holds the most known column names (two at
 * least), then the one whose rows keep the header's field count; comma when nothing tells them apart.
 */
export function detectDelimiter(text: string): string {
  return choose(CANDIDATES.map((d) => sampleRecords(text, d)));
}

/**
 * detectDelimiter for a text that arrives in chunks (no BOM): `write` answers as soon as every
 * candidate has its records (usually within the first chunk), `end` at the end of the text; the
 * answer is detectDelimiter's for the whole text.
 */
export class DelimiterDetector {
  private readonly samples = CANDIDATES.map((d) => new RecordSample(d));

  /** The delimiter once the text so far decides it, else null. */
  write(text: string): string | null {
    for (const sample of this.samples) if (!sample.full) sample.write(text);
    return this.samples.every((s) => s.full) ? choose(this.samples.map((s) => s.end())) : null;
  }

  end(): string {
    return choose(this.samples.map((s) => s.end()));
  }
}
