/**
 * The benchmark's workbook: a seeded, realistic and deliberately dirty CRM export as the 2D arrays a
 * host hands the engine (header + rows; Excel-style serial dates and numbers; some "$1,200.50" text
 * amounts, blanks and "#N/A"), with a Touches grid of two to four touches per deal.
 */
import type { Cell } from '../src/core';
import { createRandom, zipfSampler } from './random';
import type { Random } from './random';

/** How a partner-led deal shows its partner (the generator's plan, before the engine reads it). */
export type PlannedMotion = 'sourcingColumn' | 'leadSource' | 'registration' | 'influencers' | 'partnerInfluence' | 'reseller' | 'referralRole' | 'direct';

export interface WorkbookOptions {
  deals: number;
  /** Number of distinct partners (default 2,000). */
  partners?: number;
  /** Share of deals with partner columns (default 0.4). */
  partnerLedShare?: number;
  seed?: number;
}

export interface Workbook {
  /** Header row + one row per deal, as a host hands it. */
  deals: Cell[][];
  /** Header row + one row per touch. */
  touches: Cell[][];
  /** Canonical partner names, most active (Zipf rank 0) first. */
  partnerNames: string[];
  /** Per deal row (without the header): what the generator put in its partner columns. */
  plan: PlannedMotion[];
}

export const DEAL_HEADERS = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Created Date', 'Close Date',
  'Lead Source', 'Sourcing Partner', 'Partner', 'Partner Role', 'Influencing Partners', 'Reseller', 'Registered By',
  'Registration Date', 'Registration Status', 'Partner Tier', 'Region'] as const;
export const TOUCH_HEADERS = ['Deal ID', 'Partner', 'Activity', 'Date', 'Weight'] as const;

/** Column index of a deals header. */
export const COL = Object.fromEntries(DEAL_HEADERS.map((h, i) => [h, i])) as Record<(typeof DEAL_HEADERS)[number], number>;

/** 2023-01-01 as a 1900-system serial; the close dates cover eight quarters from it. */
const FIRST_CLOSE_SERIAL = 44927;
const CLOSE_SPAN_DAYS = 730;

const PREFIXES = ['North', 'Blue', 'Silver', 'Red', 'Bright', 'Summit', 'Iron', 'Clear', 'Swift', 'Green', 'True', 'Prime',
  'Apex', 'Vector', 'Nova', 'Harbor', 'Cedar', 'Granite', 'Pacific', 'Atlantic', 'Metro', 'Urban', 'Peak', 'Delta',
  'Orbit', 'Pixel', 'Quantum', 'Radiant', 'Stellar', 'Vertex', 'Zenith', 'Alpine', 'Coastal', 'Golden', 'Lunar', 'Maple',
  'Oak', 'Pine', 'River', 'Stone'];
const CORES = ['wind', 'field', 'bridge', 'gate', 'point', 'line', 'path', 'stream', 'wave', 'light', 'forge', 'works',
  'core', 'logic', 'scale', 'shift', 'stack', 'sphere', 'tech', 'ware', 'way', 'mark', 'view', 'base', 'link'];
const KINDS = ['Systems', 'Partners', 'Consulting', 'Solutions', 'Digital', 'Cloud', 'Networks', 'Group'];
const SUFFIXES = [' Inc.', ' LLC', ' Ltd', '', ' GmbH', '', ' Corp.', ''];
const TIERS = ['Platinum', 'Gold', 'Silver', 'Registered'];
const REGIONS = ['North America', 'North America', 'EMEA', 'EMEA', 'APAC', 'LATAM'];
const ACCOUNTS = ['Contoso', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works', 'Litware',
  'Proseware', 'Lucerne Publishing', 'Margie Travel', 'Trey Research', 'Woodgrove Bank', 'Coho Winery', 'Alpine Ski House',
  'Blue Yonder Airlines', 'Fourth Coffee', 'Humongous Insurance', 'City Power & Light', 'Relecloud', 'VanArsdel'];
const PRODUCTS = ['Platform', 'Analytics Add-on', 'Enterprise Renewal', 'Expansion', 'Data Pipeline', 'Security Suite'];
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
const DIRECT_SOURCES = ['Web', 'Inbound', 'Outbound', 'Trade Show', 'Webinar', 'Customer Referral', 'Events', ''];
const PARTNER_SOURCES = ['Partner', 'Partner Referral', 'Channel', 'Reseller', 'Partner Sourced'];
const INFLUENCE_ROLES = ['Influencer', 'Consultant', 'System Integrator', 'Advisor', ''];
const PARTNER_ACTIVITIES = ['Demo', 'Meeting', 'Co-sell Call', 'Workshop', 'Webinar', 'Email', 'Proof of Concept', 'Training',
  'Meeting', 'Demo', 'Event', 'Solution Design'];
const LIGHT_ACTIVITIES = ['Email', 'Newsletter', 'Content'];

/** The partner's canonical name and its other spellings as CRMs hold them ("ACME INC", "Acme"). */
function partnerSpellings(i: number): string[] {
  const name = `${PREFIXES[i % PREFIXES.length]}${CORES[Math.floor(i / PREFIXES.length) % CORES.length]} ${KINDS[Math.floor(i / (PREFIXES.length * CORES.length)) % KINDS.length]}`;
  const suffix = SUFFIXES[i % SUFFIXES.length]!;
  const canonical = `${name}${suffix}`;
  return suffix === '' ? [canonical, canonical.toUpperCase()] : [canonical, canonical.toUpperCase(), name];
}

const usDate = (serial: number): string => {
  const d = new Date((serial - 25569) * 86_400_000);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** "$1,200.50", as a CRM export writes a currency-formatted amount into text. */
const moneyText = (value: number): string => {
  const [whole, cents] = value.toFixed(2).split('.');
  return `$${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
};

/** Picks a planned motion for a partner-led deal. */
function planMotion(random: Random): PlannedMotion {
  const r = random.next();
  if (r < 0.22) return 'sourcingColumn';
  if (r < 0.40) return 'leadSource';
  if (r < 0.55) return 'registration';
  if (r < 0.75) return 'influencers';
  if (r < 0.82) return 'partnerInfluence';
  if (r < 0.97) return 'reseller';
  return 'referralRole';
}

/** Generates the workbook; the same options always give the same cells. */
export function generateWorkbook(options: WorkbookOptions): Workbook {
  const random = createRandom(options.seed ?? 20240105);
  const partnerCount = options.partners ?? 2000;
  const ledShare = options.partnerLedShare ?? 0.4;
  const spellings = Array.from({ length: partnerCount }, (_, i) => partnerSpellings(i));
  const tierOf = spellings.map((_, i) => TIERS[Math.min(TIERS.length - 1, Math.floor(Math.log10(i + 1)))]!);
  const zipf = zipfSampler(partnerCount, 1.07, random);
  const spell = (p: number): string => {
    const list = spellings[p]!;
    return random.chance(0.95) ? list[0]! : random.pick(list);
  };
  const names = ACCOUNTS.flatMap((a) => PRODUCTS.map((p) => `${a} - ${p}`));

  const deals: Cell[][] = new Array(options.deals + 1);
  deals[0] = [...DEAL_HEADERS];
  const touches: Cell[][] = [[...TOUCH_HEADERS]];
  const plan: PlannedMotion[] = new Array(options.deals);
  let lastId = '';

  for (let i = 0; i < options.deals; i++) {
    const close = FIRST_CLOSE_SERIAL + random.int(0, CLOSE_SPAN_DAYS - 1);
    const created = close - random.int(14, 180);
    const s = random.next();
    const stage = s < 0.35 ? 'Closed Won' : s < 0.6 ? 'Closed Lost' : random.pick(OPEN_STAGES);
    const value = Math.round(Math.exp(8 + random.next() * 4.5)) + (random.chance(0.3) ? random.int(1, 99) / 100 : 0);
    const a = random.next();
    const amount: Cell = a < 0.9 ? value : a < 0.98 ? moneyText(value) : a < 0.997 ? '' : '#N/A';
    const id = random.chance(0.0005) && lastId !== '' ? lastId : `OPP-${String(i + 1).padStart(7, '0')}`;
    lastId = id;
    const row: Cell[] = [id, random.pick(names), random.pick(ACCOUNTS), stage, amount,
      random.chance(0.01) ? usDate(created) : created, random.chance(0.001) ? '#N/A' : close,
      '', '', '', '', '', '', '', '', '', '', random.pick(REGIONS)];
    const motion: PlannedMotion = random.chance(ledShare) ? planMotion(random) : 'direct';
    plan[i] = motion;
    const p = zipf();
    const dealPartners = [p];
    switch (motion) {
      case 'sourcingColumn':
        row[COL['Sourcing Partner']] = spell(p);
        row[COL['Lead Source']] = random.chance(0.5) ? 'Partner Referral' : random.pick(DIRECT_SOURCES);
        break;
      case 'leadSource':
        row[COL['Lead Source']] = random.pick(PARTNER_SOURCES);
        row[COL.Partner] = spell(p);
        break;
      case 'registration':
        row[COL['Registered By']] = spell(p);
        row[COL['Registration Date']] = random.chance(0.9) ? created - random.int(0, 60) : created + random.int(10, 40);
        row[COL['Registration Status']] = random.chance(0.05) ? 'Pending' : random.chance(0.7) ? 'Approved' : '';
        row[COL['Lead Source']] = random.pick(DIRECT_SOURCES);
        break;
      case 'influencers': {
        const extra = random.int(0, 2);
        for (let k = 0; k < extra; k++) { const q = zipf(); if (!dealPartners.includes(q)) dealPartners.push(q); }
        row[COL['Influencing Partners']] = dealPartners.map(spell).join('; ');
        row[COL['Lead Source']] = random.pick(DIRECT_SOURCES);
        break;
      }
      case 'partnerInfluence':
        row[COL.Partner] = spell(p);
        row[COL['Partner Role']] = random.pick(INFLUENCE_ROLES);
        row[COL['Lead Source']] = random.pick(DIRECT_SOURCES);
        break;
      case 'reseller':
        if (random.chance(0.7)) row[COL.Reseller] = spell(p);
        else { row[COL.Partner] = spell(p); row[COL['Partner Role']] = 'VAR/Reseller'; }
        row[COL['Lead Source']] = random.pick(DIRECT_SOURCES);
        break;
      case 'referralRole':
        row[COL.Partner] = spell(p);
        row[COL['Partner Role']] = 'Referral';
        break;
      case 'direct':
        row[COL['Lead Source']] = random.pick(DIRECT_SOURCES);
        break;
    }
    if (motion !== 'direct') row[COL['Partner Tier']] = tierOf[p]!;
    deals[i + 1] = row;

    // Two to four touches: partner-led deals get real work from their partners (and sometimes another);
    // direct and resold deals get light marketing touches that stay below the influence threshold.
    const count = random.int(2, 4);
    const windowEnd = stage === 'Closed Won' || stage === 'Closed Lost' ? close : created + 120;
    for (let k = 0; k < count; k++) {
      const day = random.int(created - 30, windowEnd);
      if (motion === 'direct' || motion === 'reseller') {
        touches.push([id, spell(zipf()), random.pick(LIGHT_ACTIVITIES), day, '']);
        continue;
      }
      const partner = random.chance(0.8) ? random.pick(dealPartners) : zipf();
      const activity = k === 0 && random.chance(0.05) ? 'Introduction'
        : stage === 'Closed Won' && k === count - 1 && random.chance(0.05) ? 'Onboarding' : random.pick(PARTNER_ACTIVITIES);
      const touchDay = activity === 'Onboarding' ? close + random.int(1, 30) : day;
      touches.push([id, spell(partner), activity, touchDay, random.chance(0.02) ? 2 : '']);
    }
  }
  return { deals, touches, partnerNames: spellings.map((list) => list[0]!), plan };
}
