/**
 * Reads the user's hand-set attributions (issue 18): the "Attribution Overrides" table (Deal ID,
 * Motion, Partner, Note) and the optional "Override Motion" / "Override Partner" / "Override Note"
 * columns of the deals table. Every bad row becomes a data issue and changes nothing.
 */
import type { Cell, Grid, Motion } from '../types';
import type { IssueLog } from '../messages';
import type { PartnerRegistry } from '../partners/PartnerRegistry';
import { normalizeTerm } from '../policy';
import { locateColumns } from '../table/locateColumns';
import { headerKey, FIELD_SYNONYMS } from '../table/fieldSynonyms';
import { cellText, isBlank } from '../values/cellText';

/** The name of the overrides tab, as the hosts look for it and the add-on appends to it. */
export const OVERRIDES_TAB = 'Attribution Overrides';

/** The overrides table's header row, in the order the add-on writes it into a new tab. */
export const OVERRIDES_HEADERS = ['Deal ID', 'Motion', 'Partner', 'Note'] as const;

/** One valid override: the motion and partners a person set for one deal. */
export interface Override {
  /** Where it was written, for messages: 'Attribution Overrides row 4' or 'deals table row 12'. */
  where: string;
  /** Sheet row of the override (in its own table). */
  row: number;
  dealId: string;
  motion: Motion;
  /** Registry ids, in the order written. */
  partners: number[];
  /** Percent per partner (summing to 100), or null for an even split. */
  shares: number[] | null;
  note: string;
  /** The partners as written ("Acme 60%; Globex 40%"), for the reason. */
  partnerText: string;
}

/** The valid overrides by Deal ID (the last one written for a deal wins), and which were used. */
export class OverrideBook {
  private readonly byId = new Map<string, Override>();
  private readonly used = new Set<string>();

  get size(): number { return this.byId.size; }

  /** Records an override; a later one for the same deal replaces the earlier (the user's latest word). */
  put(override: Override, issues: IssueLog): void {
    const earlier = this.byId.get(override.dealId);
    if (earlier !== undefined) {
      issues.add('OVERRIDE_REPEATED', override.row, 'Deal ID', override.dealId, { where: override.where, earlier: earlier.where });
    }
    this.byId.set(override.dealId, override);
  }

  /** The override for a counted deal's ID, marking it used; undefined when none. */
  take(dealId: string): Override | undefined {
    if (dealId === '' || this.byId.size === 0) return undefined;
    const override = this.byId.get(dealId);
    if (override !== undefined) this.used.add(dealId);
    return override;
  }

  /** Overrides whose Deal ID matched no counted deal. */
  unused(): Override[] {
    return [...this.byId.values()].filter((o) => !this.used.has(o.dealId));
  }
}

const MOTIONS: ReadonlyMap<string, Motion> = new Map<string, Motion>([
  ['sourced', 'sourced'], ['partner sourced', 'sourced'],
  ['influenced', 'influenced'], ['partner influenced', 'influenced'],
  ['resold', 'resold'], ['partner resold', 'resold'],
  ['direct', 'direct'],
]);

/** "Acme 60%", "Acme: 60 %", "Acme (60%)" -> name and share; a piece without a share has share null. */
const SHARE = /^(.*?)[\s:(]*(\d+(?:[.,]\d+)?)\s*%\)?$/;

interface Piece { name: string; share: number | null }

const parsePiece = (text: string): Piece => {
  const m = SHARE.exec(text);
  if (m === null || m[1]!.trim() === '') return { name: text.trim(), share: null };
  return { name: m[1]!.trim(), share: Number(m[2]!.replace(',', '.')) };
};

/**
 * The partners of an override cell: split on ";" and line breaks (names may hold commas:
 * "Contoso, Ltd."); a piece is split on commas too when every part carries a share ("Acme 60%, Globex 40%").
 */
export function splitOverridePartners(text: string): Piece[] {
  const out: Piece[] = [];
  for (const part of text.split(/[;\r\n]+/)) {
    if (part.trim() === '') continue;
    const commaParts = part.split(',').filter((p) => p.trim() !== '');
    const withShares = commaParts.map(parsePiece);
    if (commaParts.length > 1 && withShares.every((p) => p.share !== null)) out.push(...withShares);
    else out.push(parsePiece(part));
  }
  return out;
}

/** One override as written, before checking. */
export interface RawOverride {
  where: string;
  row: number;
  /** Header texts of the cells, for the Data Issues tab's Column. */
  columns: { dealId: string; motion: string; partner: string };
  dealId: Cell;
  motion: Cell;
  partner: Cell;
  note: Cell;
}

const fmtPercent = (n: number): string => String(Math.round(n * 1000) / 1000);

/** Checks one override as written; returns it resolved, or null after logging why it changes nothing. */
export function checkOverride(raw: RawOverride, registry: PartnerRegistry, issues: IssueLog): Override | null {
  const dealId = cellText(raw.dealId);
  const motionText = cellText(raw.motion);
  const partnerText = cellText(raw.partner);
  const vars = { where: raw.where, id: dealId };
  if (dealId === '') {
    issues.add('OVERRIDE_NO_DEAL_ID', raw.row, raw.columns.dealId, '', vars);
    return null;
  }
  const motion = MOTIONS.get(normalizeTerm(motionText));
  if (motion === undefined) {
    issues.add('OVERRIDE_BAD_MOTION', raw.row, raw.columns.motion, motionText, vars);
    return null;
  }
  const pieces = splitOverridePartners(partnerText);
  if (motion === 'direct') {
    if (pieces.length > 0) {
      issues.add('OVERRIDE_BAD_PARTNERS', raw.row, raw.columns.partner, partnerText, { ...vars, problem: 'a direct deal has no partner; leave Partner empty' });
      return null;
    }
    return { where: raw.where, row: raw.row, dealId, motion, partners: [], shares: null, note: cellText(raw.note), partnerText: '' };
  }
  const bad = (problem: string): null => {
    issues.add('OVERRIDE_BAD_PARTNERS', raw.row, raw.columns.partner, partnerText, { ...vars, problem });
    return null;
  };
  if (pieces.length === 0) return bad(`a ${motionText} deal needs a partner`);
  const withShare = pieces.filter((p) => p.share !== null).length;
  if (withShare > 0 && withShare < pieces.length) return bad('give every partner a share, or none for an even split');
  let shares: number[] | null = null;
  if (withShare > 0) {
    shares = pieces.map((p) => p.share!);
    const sum = shares.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 1e-6) return bad(`the shares add up to ${fmtPercent(sum)}%, not 100%`);
    if (shares.some((s) => s <= 0)) return bad('every share must be more than 0%');
  }
  const partners: number[] = [];
  const keys = new Set<string>();
  for (const piece of pieces) {
    const key = headerKey(piece.name);
    if (keys.has(key)) return bad(`"${piece.name}" is named twice`);
    keys.add(key);
  }
  for (const piece of pieces) {
    const known = registry.find(piece.name);
    if (known < 0) issues.add('OVERRIDE_NEW_PARTNER', raw.row, raw.columns.partner, piece.name, vars);
    const id = known >= 0 ? known : registry.ref(piece.name);
    if (id < 0) return bad(`"${piece.name}" is not a partner name`);
    if (partners.includes(id)) return bad(`"${piece.name}" is the same partner as another one named`);
    partners.push(id);
  }
  return { where: raw.where, row: raw.row, dealId, motion, partners, shares, note: cellText(raw.note), partnerText };
}

/** Header synonyms of the overrides tab's columns (the reader and the add-on's appender match by them). */
export const OVERRIDES_TAB_SYNONYMS = {
  dealId: FIELD_SYNONYMS.id,
  motion: ['Motion', 'Override Motion', 'Partner Motion'],
  partner: ['Partner', 'Partners', 'Partner(s)', 'Override Partner'],
  note: ['Note', 'Notes', 'Reason', 'Comment', 'Override Note'],
} as const;

/** The overrides of an "Attribution Overrides" grid (sheet row of grid[0] = firstRow) into the book. */
export function readOverridesTab(grid: Grid, firstRow: number, registry: PartnerRegistry, issues: IssueLog, book: OverrideBook): void {
  const located = locateColumns(grid, OVERRIDES_TAB_SYNONYMS, ['dealId', 'motion']);
  if (located === null) {
    if (grid.some((row) => !row.every(isBlank))) issues.add('TABLE_NO_HEADER', null, '', '', { table: OVERRIDES_TAB });
    return;
  }
  const c = located.columns;
  const header = grid[located.headerIndex]!;
  const name = (i: number | undefined, fallback: string): string => (i === undefined ? fallback : cellText(header[i]) || fallback);
  const columns = { dealId: name(c.dealId, 'Deal ID'), motion: name(c.motion, 'Motion'), partner: name(c.partner, 'Partner') };
  for (let r = located.headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    if (cells.every(isBlank)) continue;
    const row = firstRow + r;
    const at = (i: number | undefined): Cell => (i === undefined ? undefined : cells[i]);
    const override = checkOverride({ where: `${OVERRIDES_TAB} row ${row}`, row, columns, dealId: at(c.dealId), motion: at(c.motion),
      partner: at(c.partner), note: at(c.note) }, registry, issues);
    if (override !== null) book.put(override, issues);
  }
}

const COLUMN_KEYS = { motion: headerKey('Override Motion'), partner: headerKey('Override Partner'), note: headerKey('Override Note') };

/**
 * The "Override Motion" / "Override Partner" / "Override Note" columns of the deals table, when it
 * has an Override Motion column. Rows whose Override Motion is empty are not overridden.
 */
export function readOverrideColumns(grid: Grid, headerIndex: number, headers: readonly string[], idColumn: number | undefined,
  firstRow: number, registry: PartnerRegistry, issues: IssueLog, book: OverrideBook): void {
  const find = (key: string): number => headers.findIndex((h) => headerKey(h) === key);
  const cMotion = find(COLUMN_KEYS.motion);
  if (cMotion < 0) return;
  const cPartner = find(COLUMN_KEYS.partner);
  const cNote = find(COLUMN_KEYS.note);
  const columns = { dealId: idColumn === undefined ? 'Deal ID' : headers[idColumn] ?? 'Deal ID', motion: headers[cMotion] ?? 'Override Motion',
    partner: cPartner < 0 ? 'Override Partner' : headers[cPartner] ?? 'Override Partner' };
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const cells = grid[r]!;
    const motion = cells[cMotion];
    if (isBlank(motion) && (cPartner < 0 || isBlank(cells[cPartner]))) continue;
    const row = firstRow + r;
    const override = checkOverride({ where: `deals table row ${row}`, row, columns, dealId: idColumn === undefined ? undefined : cells[idColumn],
      motion, partner: cPartner < 0 ? undefined : cells[cPartner], note: cNote < 0 ? undefined : cells[cNote] }, registry, issues);
    if (override !== null) book.put(override, issues);
  }
}
