/**
 * Which character separates a CSV's fields, decided by the header and the rows' shape, not by a
 * character count: a comma CSV whose partner lists say "Globex; Initech" stays a comma CSV, and a
 * German Excel CSV (';' with "1.234,56" amounts) stays a semicolon one.
 */
import { isKnownHeader } from '../core';

const CANDIDATES = [',', ';', '\t', '|'] as const;
/** Records looked at: enough to see a title block, the header and the rows' shape. */
const SAMPLE_RECORDS = 60;

/** The first records of `text` split by `delimiter`, honouring double quotes (a quoted field may span lines). */
function sampleRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      inQuotes = true;
    } else if (ch === delimiter) {
      fields.push(field); field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field); records.push(fields);
      fields = []; field = '';
    } else field += ch;
  }
  if (records.length < SAMPLE_RECORDS && (field !== '' || fields.length > 0)) { fields.push(field); records.push(fields); }
  return records;
}

interface Score { delimiter: string; knownNames: number; width: number; sameShape: number }

/** How well `delimiter` explains the text: known column names in its header, and rows as wide as that header. */
function score(text: string, delimiter: string): Score {
  const records = sampleRecords(text, delimiter).filter((r) => r.some((f) => f.trim() !== ''));
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

/**
 * The delimiter of a CSV text: the one whose header row holds the most known column names (two at
 * least), then the one whose rows keep the header's field count; comma when nothing tells them apart.
 */
export function detectDelimiter(text: string): string {
  const scores = CANDIDATES.map((d) => score(text, d)).filter((s) => s.width > 1);
  if (scores.length === 0) return ',';
  const rank = (s: Score): number => CANDIDATES.indexOf(s.delimiter as typeof CANDIDATES[number]);
  const known = (s: Score): number => (s.knownNames >= 2 ? s.knownNames : 0);
  scores.sort((a, b) => known(b) - known(a) || b.sameShape - a.sameShape || rank(a) - rank(b));
  return scores[0]!.delimiter;
}
