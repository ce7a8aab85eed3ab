/**
 * Which warehouse column holds each field: the deals table (SPEC 2.1 fields plus a row-order
 * column) and the optional touches table. Columns are already typed (DATE, NUMERIC, BOOLEAN, STRING).
 */
import { refuseObjectInternalName } from '../settingsShape';
import type { Field } from '../types';
import { AttributionError } from '../AttributionError';

/** Deals-table fields the SQL reads: the SPEC 2.1 fields plus `order`, the column that gives rows their sheet order. */
export type SqlDealField = Field | 'order';

/** Field -> column name; `null` (or leaving a field out of the defaults) means the table has no such column. */
export type SqlDealsMapping = Partial<Record<SqlDealField, string | null>>;

export type SqlTouchField = 'dealId' | 'partner' | 'activity' | 'date' | 'weight' | 'order';
export type SqlTouchesMapping = Partial<Record<SqlTouchField, string | null>>;

/** Column names assumed when no mapping is given: the SPEC 2.1 headers in snake_case. */
export const DEFAULT_SQL_DEALS_MAPPING: Readonly<SqlDealsMapping> = Object.freeze({
  id: 'deal_id', name: 'deal_name', amount: 'amount', currency: 'currency', stage: 'stage',
  created: 'created_date', closeDate: 'close_date', leadSource: 'lead_source',
  sourcingPartner: 'sourcing_partner', partner: 'partner', partnerRole: 'partner_role',
  influencers: 'influencing_partners', reseller: 'reseller', deployer: 'implementation_partner',
  registrationPartner: 'registered_by', registrationDate: 'registration_date', registrationStatus: 'registration_status',
  partnerTier: 'partner_tier', partnerType: 'partner_type', region: 'region',
});

/** Touches columns assumed when no mapping is given. */
export const DEFAULT_SQL_TOUCHES_MAPPING: Readonly<SqlTouchesMapping> = Object.freeze({
  dealId: 'deal_id', partner: 'partner', activity: 'activity', date: 'activity_date', weight: 'weight',
});

const DEAL_FIELDS: readonly SqlDealField[] = ['id', 'name', 'amount', 'currency', 'stage', 'won', 'closed', 'created', 'closeDate',
  'leadSource', 'sourcingPartner', 'partner', 'partnerRole', 'influencers', 'reseller', 'deployer', 'registrationPartner',
  'registrationDate', 'registrationStatus', 'partnerTier', 'partnerType', 'region', 'order'];
const TOUCH_FIELDS: readonly SqlTouchField[] = ['dealId', 'partner', 'activity', 'date', 'weight', 'order'];

function merge<K extends string>(what: string, known: readonly K[], defaults: Readonly<Partial<Record<K, string | null>>>,
  given: unknown): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(defaults)) if (typeof v === 'string') out[k as K] = v;
  if (given === undefined || given === null) return out;
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new AttributionError('BAD_MAPPING', `The ${what} column mapping must be an object of field: column name, e.g. {"amount": "amount_usd"}.`);
  }
  const givenColumns = new Map<string, string>();
  for (const [field, column] of Object.entries(given as Record<string, unknown>)) {
    refuseObjectInternalName(field, `field in the ${what} column mapping`);
    if (!known.includes(field as K)) {
      throw new AttributionError('BAD_MAPPING', `Unknown field "${field}" in the ${what} column mapping. Known fields: ${known.join(', ')}.`);
    }
    if (column === null) { delete out[field as K]; continue; }
    if (typeof column !== 'string' || column.trim() === '') {
      throw new AttributionError('BAD_MAPPING', `The ${what} column mapping must name a column for "${field}" (SQL reads columns by name, not position); got ${JSON.stringify(column)}.`);
    }
    const other = givenColumns.get(column.trim());
    if (other !== undefined) {
      throw new AttributionError('BAD_MAPPING', `The ${what} column mapping puts both "${other}" and "${field}" in the column "${column.trim()}"; one column holds one field.`);
    }
    givenColumns.set(column.trim(), field);
    out[field as K] = column.trim();
  }
  return out;
}

/** The deals mapping over the defaults; throws for unknown fields, positions instead of names, or no amount/order. */
export function resolveSqlDealsMapping(given?: unknown): Partial<Record<SqlDealField, string>> {
  const out = merge('deals', DEAL_FIELDS, DEFAULT_SQL_DEALS_MAPPING, given);
  if (!out.amount) throw new AttributionError('BAD_MAPPING', 'The deals column mapping needs "amount" (the deal amount column).');
  if (!out.order && !out.id) {
    throw new AttributionError('BAD_MAPPING', 'The deals column mapping needs "order" (a row number or timestamp giving the sheet order) or "id" (Deal ID): rules such as "the first occurrence of a Deal ID counts" need an order.');
  }
  return out;
}

/** The touches mapping over the defaults; Deal ID, partner, activity and date are required. */
export function resolveSqlTouchesMapping(given?: unknown): Partial<Record<SqlTouchField, string>> {
  const out = merge('touches', TOUCH_FIELDS, DEFAULT_SQL_TOUCHES_MAPPING, given);
  for (const field of ['dealId', 'partner', 'activity', 'date'] as const) {
    if (!out[field]) throw new AttributionError('BAD_MAPPING', `The touches column mapping needs "${field}".`);
  }
  return out;
}
