// Generates examples/deals.xlsx: a realistic, deliberately dirty CRM export (seeded, so every run gives the same data).
// Usage: npm run example   (node scripts/make-example.mjs [output.xlsx])
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const OUT = process.argv[2] ?? 'examples/deals.xlsx';
const DEAL_COUNT = 400;
const EXPORT_DATE = utc(2026, 1, 5);

/** mulberry32: a small seeded PRNG, so the workbook is the same on every machine. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(20240105);
const int = (min, max) => min + Math.floor(random() * (max - min + 1));
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
/** Picks by weight: [[value, weight], ...]. */
const weighted = (pairs) => {
  const total = pairs.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of pairs) {
    r -= w;
    if (r < 0) return value;
  }
  return pairs[pairs.length - 1][0];
};

function utc(y, m, d) { return new Date(Date.UTC(y, m - 1, d)); }
const addDays = (date, days) => new Date(date.getTime() + days * 86400000);
const usDate = (date) => `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}/${date.getUTCFullYear()}`;

// The partner directory: canonical name, spellings seen in the CRM, tier, type, region, and how often it shows up (long tail).
const PARTNERS = [
  { name: 'Acme Inc.', variants: ['Acme Inc.', 'ACME, Inc', 'acme inc', 'Acme'], aliases: ['Acme', 'Acme Incorporated'], tier: 'Platinum', type: 'Reseller', region: 'North America', weight: 20 },
  { name: 'Globex Corporation', variants: ['Globex Corporation', 'Globex', 'Globex Corp'], aliases: ['Globex', 'Globex Corp'], tier: 'Gold', type: 'System Integrator', region: 'EMEA', weight: 15 },
  { name: 'Initech', variants: ['Initech', 'Initech LLC'], aliases: ['Initech LLC'], tier: 'Gold', type: 'Consultant', region: 'North America', weight: 12 },
  { name: 'Smith, Jones & Co.', variants: ['Smith, Jones & Co.', 'Smith, Jones and Co'], aliases: ['Smith Jones'], tier: 'Gold', type: 'Advisory', region: 'EMEA', weight: 10 },
  { name: 'Umbrella Partners', variants: ['Umbrella Partners'], aliases: ['Umbrella'], tier: 'Silver', type: 'Referral', region: 'North America', weight: 8 },
  { name: 'Hooli Distribution', variants: ['Hooli Distribution', 'Hooli Distribution Ltd'], aliases: ['Hooli'], tier: 'Platinum', type: 'Distributor', region: 'APAC', weight: 8 },
  { name: 'Stark Solutions', variants: ['Stark Solutions'], aliases: [], tier: 'Silver', type: 'System Integrator', region: 'EMEA', weight: 6 },
  { name: 'Wayne Consulting Group', variants: ['Wayne Consulting Group', 'Wayne Consulting'], aliases: ['Wayne Consulting'], tier: 'Silver', type: 'Consultant', region: 'North America', weight: 5 },
  { name: 'Cyberdyne Systems', variants: ['Cyberdyne Systems'], aliases: ['Cyberdyne'], tier: 'Registered', type: 'ISV', region: 'APAC', weight: 4 },
  { name: 'Soylent Cloud Services', variants: ['Soylent Cloud Services'], aliases: ['Soylent'], tier: 'Registered', type: 'MSP', region: 'LATAM', weight: 3 },
  { name: 'Vandelay Industries', variants: ['Vandelay Industries', 'Vandelay Industries, Inc.'], aliases: ['Vandelay'], tier: 'Registered', type: 'Reseller', region: 'North America', weight: 3 },
  { name: 'Tyrell Digital', variants: ['Tyrell Digital'], aliases: [], tier: 'Registered', type: 'Agency', region: 'EMEA', weight: 2 },
  { name: 'Pied Piper Labs', variants: ['Pied Piper Labs'], aliases: ['Pied Piper'], tier: 'Registered', type: 'ISV', region: 'North America', weight: 1.5 },
  { name: 'Oscorp Integrations', variants: ['Oscorp Integrations'], aliases: [], tier: 'Registered', type: 'System Integrator', region: 'APAC', weight: 1 },
];
const partnerByType = (types) => PARTNERS.filter((p) => types.includes(p.type));
const pickPartner = (pool = PARTNERS, exclude = []) =>
  weighted(pool.filter((p) => !exclude.includes(p)).map((p) => [p, p.weight]));
const spell = (partner) => (chance(0.7) ? partner.variants[0] : pick(partner.variants));

const ACCOUNTS = ['Contoso', 'Fabrikam', 'Northwind Traders', 'Tailspin Toys', 'Wide World Importers', 'Adventure Works',
  'Litware', 'Proseware', 'Lucerne Publishing', 'Margie Travel', 'Trey Research', 'Woodgrove Bank', 'Coho Winery',
  'Alpine Ski House', 'Blue Yonder Airlines', 'Fourth Coffee', 'Graphic Design Institute', 'Humongous Insurance',
  'City Power & Light', 'Consolidated Messenger', 'Relecloud', 'VanArsdel', 'Bellows College', 'Munson Pickles'];
const PRODUCTS = ['Platform', 'Analytics Add-on', 'Enterprise Renewal', 'Expansion', 'Data Pipeline', 'Security Suite'];
const REGIONS = [['North America', 50], ['EMEA', 30], ['APAC', 14], ['LATAM', 6]];
const DIRECT_SOURCES = ['Web', 'Inbound', 'Outbound', 'Trade Show', 'Webinar', 'Customer Referral', 'Events'];
const OPEN_STAGES = ['Prospecting', 'Qualification', 'Proposal', 'Negotiation'];
const INFLUENCE_ROLES = ['Influencer', 'Consultant', 'System Integrator', 'Advisor', ''];

const HEADERS = ['Opportunity ID', 'Opportunity Name', 'Amount', 'Currency', 'Stage', 'Created Date', 'Close Date',
  'Lead Source', 'Sourcing Partner', 'Partner', 'Partner Role', 'Influencing Partners', 'Reseller',
  'Implementation Partner', 'Registered By', 'Registration Date', 'Registration Status', 'Partner Tier',
  'Partner Type', 'Region'];

/** One deal, as an object keyed by header. */
function makeDeal(index) {
  const created = addDays(utc(2023, 11, 1), int(0, 700));
  let close = addDays(created, int(20, 150));
  // The export covers eight quarters of closes, 2024 Q1 to 2025 Q4 (plus open deals expected in 2026).
  if (close < utc(2024, 1, 3)) close = addDays(utc(2024, 1, 3), int(0, 40));
  const region = weighted(REGIONS);
  const currency = region === 'EMEA' ? weighted([['EUR', 5], ['GBP', 3], ['USD', 4]]) : 'USD';
  const size = weighted([[[4000, 20000], 45], [[20000, 80000], 35], [[80000, 250000], 20]]);
  const amount = Math.round((size[0] + random() * (size[1] - size[0])) * 100) / 100;
  let stage;
  if (close > EXPORT_DATE) stage = pick(OPEN_STAGES);
  else stage = weighted([['Closed Won', 50], ['Closed Lost', 38], ['Negotiation', 6], ['Proposal', 6]]);
  const deal = {
    'Opportunity ID': `OPP-${String(10001 + index)}`,
    'Opportunity Name': `${pick(ACCOUNTS)} - ${pick(PRODUCTS)}`,
    'Amount': amount, 'Currency': currency, 'Stage': stage, 'Created Date': created, 'Close Date': close,
    'Lead Source': pick(DIRECT_SOURCES), 'Region': region,
  };
  let primary = null;
  const motion = weighted([['direct', 36], ['registration', 14], ['sourcingColumn', 10], ['leadSource', 8],
    ['influencers', 14], ['partnerInfluence', 8], ['resold', 10], ['sourcedRole', 4]]);
  switch (motion) {
    case 'registration': {
      primary = pickPartner();
      deal['Registered By'] = spell(primary);
      deal['Registration Date'] = addDays(created, -int(0, 25));
      deal['Registration Status'] = 'Approved';
      deal['Lead Source'] = 'Deal Registration';
      deal['Partner'] = spell(primary);
      break;
    }
    case 'sourcingColumn':
      primary = pickPartner();
      deal['Sourcing Partner'] = spell(primary);
      deal['Lead Source'] = pick(['Partner', 'Partner Referral', 'Web']);
      break;
    case 'leadSource':
      primary = pickPartner();
      deal['Lead Source'] = pick(['Channel', 'Partner Referral', 'Partner Sourced']);
      deal['Partner'] = spell(primary);
      break;
    case 'influencers': {
      primary = pickPartner();
      const names = [spell(primary)];
      if (chance(0.45)) names.push(spell(pickPartner(PARTNERS, [primary])));
      deal['Influencing Partners'] = names.join('; ');
      break;
    }
    case 'partnerInfluence':
      primary = pickPartner(partnerByType(['Consultant', 'System Integrator', 'Advisory', 'Agency', 'ISV']));
      deal['Partner'] = spell(primary);
      deal['Partner Role'] = pick(INFLUENCE_ROLES);
      break;
    case 'resold':
      primary = pickPartner(partnerByType(['Reseller', 'Distributor', 'MSP']));
      if (chance(0.6)) deal['Reseller'] = spell(primary);
      else { deal['Partner'] = spell(primary); deal['Partner Role'] = pick(['VAR/Reseller', 'Reseller', 'Distributor']); }
      if (chance(0.15)) deal['Influencing Partners'] = spell(pickPartner(partnerByType(['Consultant', 'Advisory', 'System Integrator'])));
      break;
    case 'sourcedRole':
      primary = pickPartner(partnerByType(['Referral', 'Consultant', 'Advisory']));
      deal['Partner'] = spell(primary);
      deal['Partner Role'] = 'Referral';
      break;
    default:
      break;
  }
  if (primary) {
    deal['Partner Tier'] = primary.tier;
    deal['Partner Type'] = primary.type;
  }
  if (stage === 'Closed Won' && chance(0.2)) deal['Implementation Partner'] = spell(pickPartner(partnerByType(['System Integrator', 'MSP', 'Consultant'])));
  // Open deals in early stages often have no amount yet.
  if (stage === 'Prospecting' && chance(0.5)) deal['Amount'] = null;
  return { deal, primary, motion, created, close };
}

const made = Array.from({ length: DEAL_COUNT }, (_, i) => makeDeal(i));
const deals = made.map((m) => m.deal);

// The dirty values a real export has, at fixed rows so the example stays explainable.
const at = (i) => deals[i];
at(5)['Amount'] = '$1,200.50';
at(17)['Amount'] = '(1,200)';
at(17)['Opportunity Name'] = 'Contoso - credit note for Platform';
at(17)['Stage'] = 'Closed Won';
at(29)['Amount'] = { error: '#N/A' };
at(41)['Created Date'] = usDate(at(41)['Created Date']);
at(53)['Created Date'] = usDate(at(53)['Created Date']);
at(67)['Close Date'] = usDate(at(67)['Close Date']);
at(80)['Stage'] = null;
at(95)['Amount'] = { formula: 'C2*0+12*1000', result: 12000 };
at(110)['Opportunity Name'] = { richText: [{ text: 'Fabrikam - ' }, { font: { bold: true }, text: 'Security Suite' }] };
at(111)['Opportunity Name'] = { text: 'Woodgrove Bank - Platform', hyperlink: 'https://crm.example.com/opp/OPP-10112' };
at(123)['Currency'] = 'JPY';
at(123)['Amount'] = 4500000;
at(123)['Region'] = 'APAC';
at(123)['Stage'] = 'Closed Won';
// A conflicting claim: Umbrella registered the deal before creation, the Sourcing Partner column names Acme.
Object.assign(at(140), {
  'Stage': 'Closed Won', 'Amount': 5000, 'Lead Source': 'Partner', 'Sourcing Partner': 'Acme',
  'Registered By': 'Umbrella Partners', 'Registration Status': 'Approved', 'Partner': null, 'Partner Role': null,
  'Influencing Partners': null, 'Reseller': null, 'Partner Tier': 'Silver', 'Partner Type': 'Referral',
});
at(140)['Created Date'] = utc(2025, 3, 4);
at(140)['Close Date'] = utc(2025, 5, 20);
at(140)['Registration Date'] = utc(2025, 3, 1);
// A registration filed a month after the deal existed: influence, not sourcing.
Object.assign(at(150), {
  'Stage': 'Closed Won', 'Registered By': 'Stark Solutions', 'Registration Status': 'Approved', 'Lead Source': 'Web',
  'Sourcing Partner': null, 'Partner': null, 'Influencing Partners': null, 'Reseller': null,
});
at(150)['Registration Date'] = addDays(at(150)['Created Date'], 34);
// A rejected registration: a touch only.
Object.assign(at(160), {
  'Registered By': 'Tyrell Digital', 'Registration Status': 'Rejected', 'Lead Source': 'Web',
  'Sourcing Partner': null, 'Partner': null, 'Influencing Partners': null, 'Reseller': null,
});
at(160)['Registration Date'] = addDays(at(160)['Created Date'], -3);
// Multi-partner cells with commas inside names.
at(170)['Influencing Partners'] = 'Smith, Jones & Co.; Stark Solutions';
at(171)['Influencing Partners'] = 'Initech, ACME, Inc.';
at(172)['Influencing Partners'] = 'Globex | Initech';
// A duplicate Opportunity ID (the same deal exported twice).
deals.splice(201, 0, { ...deals[200] });

// Touches: 2-4 for a share of deals, mostly by the deal's partners, some by others.
const ACTIVITIES = [['Demo', 3], ['Meeting', 4], ['Webinar', 2], ['Email', 3], ['Proof of Concept', 1.5],
  ['Workshop', 1], ['Co-sell Call', 1.5], ['Event', 1]];
const touches = [];
// Direct and resold deals mostly get light touches (emails, webinars) that stay below the influence threshold.
const LIGHT_ACTIVITIES = [['Email', 5], ['Webinar', 3], ['Event', 1]];
for (const { deal, primary, motion, created, close } of made) {
  if (!chance(motion === 'direct' ? 0.2 : motion === 'resold' ? 0.2 : 0.55)) continue;
  const light = motion === 'direct' || motion === 'resold';
  const span = Math.max(1, Math.round((close.getTime() - created.getTime()) / 86400000));
  const n = int(2, 4);
  for (let k = 0; k < n; k++) {
    const partner = primary && chance(0.6) ? primary : pickPartner();
    touches.push({ id: deal['Opportunity ID'], partner: spell(partner), activity: weighted(light ? LIGHT_ACTIVITIES : ACTIVITIES),
      date: addDays(created, int(-20, span)), weight: chance(0.05) ? pick([0.75, 1.5, 0.2]) : null });
  }
  // A partner that introduced a direct deal shortly before it was created: touch-sourced.
  if (motion === 'direct' && chance(0.25)) {
    touches.push({ id: deal['Opportunity ID'], partner: spell(pickPartner()), activity: pick(['Referral', 'Introduction']),
      date: addDays(created, -int(1, 20)), weight: null });
  }
  if (deal['Stage'] === 'Closed Won' && deal['Implementation Partner'] && chance(0.7)) {
    touches.push({ id: deal['Opportunity ID'], partner: deal['Implementation Partner'], activity: 'Onboarding',
      date: addDays(close, int(3, 40)), weight: null });
  }
}
touches.sort((a, b) => a.date - b.date || a.id.localeCompare(b.id));

const workbook = new ExcelJS.Workbook();
workbook.creator = 'Partner Attribution example generator';
workbook.created = EXPORT_DATE;
workbook.modified = EXPORT_DATE;

const dealsSheet = workbook.addWorksheet('Deals');
dealsSheet.addRow(['Northwind Cloud - pipeline export']);
dealsSheet.mergeCells('A1:E1');
dealsSheet.getCell('A1').font = { bold: true, size: 14 };
dealsSheet.addRow(['Exported 2026-01-05 from Salesforce (All Opportunities report)']);
dealsSheet.addRow([]);
const header = dealsSheet.addRow(HEADERS);
header.font = { bold: true };
for (const deal of deals) dealsSheet.addRow(HEADERS.map((h) => deal[h] ?? null));
const dealWidths = [14, 36, 14, 9, 14, 13, 13, 18, 22, 22, 14, 34, 22, 24, 22, 16, 18, 12, 18, 14];
dealWidths.forEach((w, i) => { dealsSheet.getColumn(i + 1).width = w; });
for (const col of [6, 7, 16]) dealsSheet.getColumn(col).numFmt = 'yyyy-mm-dd';
dealsSheet.getColumn(3).numFmt = '#,##0.00';
dealsSheet.views = [{ state: 'frozen', ySplit: 4 }];

const touchSheet = workbook.addWorksheet('Touches');
touchSheet.addRow(['Deal ID', 'Partner', 'Activity', 'Date', 'Weight']).font = { bold: true };
for (const t of touches) touchSheet.addRow([t.id, t.partner, t.activity, t.date, t.weight]);
[14, 26, 18, 13, 8].forEach((w, i) => { touchSheet.getColumn(i + 1).width = w; });
touchSheet.getColumn(4).numFmt = 'yyyy-mm-dd';

const partnerSheet = workbook.addWorksheet('Partners');
partnerSheet.addRow(['Partner', 'Aliases', 'Tier', 'Type', 'Region']).font = { bold: true };
for (const p of PARTNERS) {
  const aliases = [...new Set([...p.aliases, ...p.variants.filter((v) => v !== p.name)])];
  partnerSheet.addRow([p.name, aliases.join('; '), p.tier, p.type, p.region]);
}
[26, 50, 12, 18, 16].forEach((w, i) => { partnerSheet.getColumn(i + 1).width = w; });

// Rates are USD per unit of the currency; JPY is deliberately missing.
const fxSheet = workbook.addWorksheet('FX Rates');
fxSheet.addRow(['Currency', 'Rate']).font = { bold: true };
fxSheet.addRow(['EUR', 1.08]);
fxSheet.addRow(['GBP', 1.27]);

// Two deals the channel manager settled by hand (issue 18): the rules had only a Partner Role to go on.
const overridesSheet = workbook.addWorksheet('Attribution Overrides');
overridesSheet.addRow(['Deal ID', 'Motion', 'Partner', 'Note']).font = { bold: true };
overridesSheet.addRow(['OPP-10196', 'Influenced', 'Initech', 'Initech advised on the shortlist; the lead came from our own webinar']);
overridesSheet.addRow(['OPP-10212', 'Sourced', 'Initech 70%; Globex Corporation 30%', 'Joint introduction at the Initech/Globex partner summit (QBR notes)']);
[14, 12, 36, 70].forEach((w, i) => { overridesSheet.getColumn(i + 1).width = w; });

mkdirSync(path.dirname(OUT), { recursive: true });
await workbook.xlsx.writeFile(OUT);
console.log(`example: wrote ${OUT} (${deals.length} deal rows, ${touches.length} touches, ${PARTNERS.length} partners)`);
