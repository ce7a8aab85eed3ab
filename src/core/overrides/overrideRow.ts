/**
 * Appending one override from the sidebar's review list (Keep / Set…): checks it exactly as the
 * reader will when it reads it back, and lays it out in the overrides tab's own column order, after
 * its last non-empty row. Pure: the Sheets, Excel and demo hosts only write the cells it returns.
 */
import type { Grid, Motion } from '../types';
import { IssueLog } from '../messages';
import { PartnerRegistry } from '../partners/PartnerRegistry';
import { locateColumns } from '../table/locateColumns';
import { isBlank } from '../values/cellText';
import { AttributionError } from '../AttributionError';
import { OVERRIDES_HEADERS, OVERRIDES_TAB, OVERRIDES_TAB_SYNONYMS, checkOverride, splitOverridePartners } from './readOverrides';
import { MOTION_LABEL, MOTIONS, orList } from '../vocabulary';

/** One override as the sidebar asks for it: a deal, the motion, its partners (share in percent, or null for an even split), a note. */
export interface OverrideRequest {
  dealId: string;
  motion: Motion;
  partners: { name: string; share: number | null }[];
  note: string;
}


const shareText = (share: number): string => String(Math.round(share * 1000) / 1000);

/** The Partner cell of an override: "Acme 60%; Globex 40%", or "Acme; Globex" for an even split. */
export function overridePartnerText(partners: OverrideRequest['partners']): string {
  return partners.map((p) => (p.share === null ? p.name.trim() : `${p.name.trim()} ${shareText(p.share)}%`)).join('; ');
}

/** The texts of the four cells (Deal ID, Motion, Partner, Note), by field. */
export interface OverrideTexts { dealId: string; motion: string; partner: string; note: string }

/**
 * Why this override could not be used, in the words of the Data Issues tab ("a direct deal has no
 * partner; leave Partner empty"), or null when the reader would use it as meant.
 */
export function overrideProblem(request: OverrideRequest): string | null {
  if (typeof request.dealId !== 'string' || request.dealId.trim() === '') return 'An override needs the Deal ID of the deal it sets.';
  if (!(request.motion in MOTION_LABEL)) return `"${String(request.motion)}" is not a motion; choose ${orList(MOTIONS.map((m) => MOTION_LABEL[m]))}.`;
  if (!Array.isArray(request.partners)) return 'The partners of an override must be a list.';
  for (const p of request.partners) {
    if (typeof p?.name !== 'string' || p.name.trim() === '') return 'Give each partner a name, or remove the empty one.';
    if (/[;\r\n]/.test(p.name)) return `"${p.name}" cannot be a partner name in the overrides tab: it holds ";" or a line break, which separate partners there.`;
    if (p.share !== null && (typeof p.share !== 'number' || !Number.isFinite(p.share))) return `The share of "${p.name}" is not a number.`;
  }
  if (typeof request.note !== 'string') return 'The note must be text.';
  const texts = overrideTexts(request);
  // Read back, the Partner cell must name the same partners with the same shares (a name like "Top 10%" would not).
  const back = splitOverridePartners(texts.partner);
  const same = back.length === request.partners.length && back.every((piece, i) => piece.name === request.partners[i]!.name.trim()
    && (piece.share ?? null) === (request.partners[i]!.share === null ? null : Number(shareText(request.partners[i]!.share!))));
  if (!same) return `The partners cannot be written so that they read back as given ("${texts.partner}"); rename the partner or give shares.`;
  const issues = new IssueLog();
  const checked = checkOverride({ where: OVERRIDES_TAB, row: 0, columns: { dealId: 'Deal ID', motion: 'Motion', partner: 'Partner' },
    dealId: texts.dealId, motion: texts.motion, partner: texts.partner, note: texts.note }, new PartnerRegistry(), issues);
  if (checked === null) return issues.issues[0]?.message.replace(/ \(Attribution Overrides\)\.$/, '.') ?? 'This override cannot be used.';
  return null;
}

/** The four cell texts of a valid override. */
export function overrideTexts(request: OverrideRequest): OverrideTexts {
  return { dealId: request.dealId.trim(), motion: MOTION_LABEL[request.motion] ?? String(request.motion), partner: overridePartnerText(request.partners), note: request.note.trim() };
}

/** Where and what a host writes: a header row first when the tab is new or blank, then the cells of one row. */
export interface OverrideAppend {
  /** The header row to write on grid row 0 (a new or blank tab), else null. */
  header: string[] | null;
  /** 0-based grid row of the override: just after the last non-empty row. */
  rowIndex: number;
  /** The cells to write on that row, by 0-based grid column; other columns are left alone. */
  cells: { column: number; text: string }[];
  /** Said to the user: where it went, and a column it could not fill. */
  message: string;
}

/**
 * Plans appending `request` to the overrides tab whose values are `grid` (null when there is no
 * such tab). Throws an AttributionError with the reason when the override is invalid or the tab
 * has rows but no Deal ID / Motion header the reader would find.
 */
export function planOverrideAppend(grid: Grid | null, request: OverrideRequest, firstRow = 1): OverrideAppend {
  const problem = overrideProblem(request);
  if (problem !== null) throw new AttributionError('BAD_OVERRIDE', problem);
  const texts = overrideTexts(request);
  const blank = grid === null || grid.every((row) => row.every(isBlank));
  if (blank) {
    const header = [...OVERRIDES_HEADERS];
    return { header, rowIndex: 1, cells: [texts.dealId, texts.motion, texts.partner, texts.note].map((text, column) => ({ column, text })),
      message: `Added deal "${texts.dealId}" as ${texts.motion} to the new ${OVERRIDES_TAB} tab (row ${firstRow + 1}).` };
  }
  const located = locateColumns(grid, OVERRIDES_TAB_SYNONYMS, ['dealId', 'motion']);
  if (located === null) {
    throw new AttributionError('OVERRIDES_NO_HEADER', `The ${OVERRIDES_TAB} tab has rows but no header row with a Deal ID and a Motion column, so the override was not added. Add that header row (Deal ID, Motion, Partner, Note) above your rows.`);
  }
  const c = located.columns;
  if (texts.partner !== '' && c.partner === undefined) {
    throw new AttributionError('OVERRIDES_NO_PARTNER_COLUMN', `The ${OVERRIDES_TAB} tab has no Partner column, so an override naming a partner cannot be added. Add a "Partner" header to the tab's header row.`);
  }
  let last = grid.length - 1;
  while (last > located.headerIndex && grid[last]!.every(isBlank)) last--;
  const rowIndex = last + 1;
  const cells = [{ column: c.dealId!, text: texts.dealId }, { column: c.motion!, text: texts.motion }];
  if (c.partner !== undefined && texts.partner !== '') cells.push({ column: c.partner, text: texts.partner });
  if (c.note !== undefined && texts.note !== '') cells.push({ column: c.note, text: texts.note });
  const lostNote = c.note === undefined && texts.note !== '' ? ` The tab has no Note column, so the note "${texts.note}" was not written.` : '';
  return { header: null, rowIndex, cells, message: `Added deal "${texts.dealId}" as ${texts.motion} to ${OVERRIDES_TAB} row ${firstRow + rowIndex}.${lostNote}` };
}
