/** The fields of the deals table and their default header synonyms (SPEC 2.1). */
import type { Field } from '../types';

/** Every field, in the order the sidebar lists them. */
export const FIELDS: readonly Field[] = ['id', 'name', 'amount', 'currency', 'stage', 'won', 'closed', 'created', 'closeDate',
  'leadSource', 'sourcingPartner', 'partner', 'partnerRole', 'influencers', 'reseller', 'deployer',
  'registrationPartner', 'registrationDate', 'registrationStatus', 'partnerTier', 'partnerType', 'region'];

/** Fields without which the report means nothing. */
export const REQUIRED_FIELDS: readonly Field[] = ['amount'];

export const FIELD_LABELS: Readonly<Record<Field, string>> = {
  id: 'Deal ID', name: 'Deal Name', amount: 'Amount', currency: 'Currency', stage: 'Stage', won: 'Won', closed: 'Closed',
  created: 'Created Date', closeDate: 'Close Date', leadSource: 'Lead Source', sourcingPartner: 'Sourcing Partner',
  partner: 'Partner', partnerRole: 'Partner Role', influencers: 'Influencing Partners', reseller: 'Reseller',
  deployer: 'Implementation Partner', registrationPartner: 'Registered By', registrationDate: 'Registration Date',
  registrationStatus: 'Registration Status', partnerTier: 'Partner Tier', partnerType: 'Partner Type', region: 'Region',
};

/**
 * Header synonyms per field, most preferred first. "Amount (Converted)" is listed before "Amount"
 * so a converted-amount column wins when both are present.
 */
export const FIELD_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  id: ['Deal ID', 'Opportunity ID', 'Opp ID', 'Record ID', 'Id', 'Order Number', 'Sales Order Number'],
  name: ['Deal Name', 'Opportunity Name', 'Name'],
  amount: ['Amount (Converted)', 'Amount', 'Deal Amount', 'Close Value', 'Revenue', 'Value', 'ACV', 'ARR', 'TCV', 'Sales Amount'],
  currency: ['Currency', 'Amount Currency', 'Opportunity Currency', 'Currency ISO Code', 'CurrencyIsoCode', 'Deal Currency Code', 'Amount (Converted) Currency'],
  stage: ['Stage', 'Stage Name', 'StageName', 'Deal Stage', 'Status'],
  won: ['Won', 'Is Won', 'IsWon'],
  closed: ['Closed', 'Is Closed', 'IsClosed'],
  created: ['Created Date', 'Create Date', 'Created', 'Engage Date', 'Opportunity Created Date'],
  closeDate: ['Close Date', 'Closed Date', 'Expected Close Date', 'Order Date'],
  leadSource: ['Lead Source', 'LeadSource', 'Source', 'Original Source', 'Original Source Type', 'Opportunity Source', 'Deal Source'],
  sourcingPartner: ['Sourcing Partner', 'Source Partner', 'Sourced By', 'Referring Partner', 'Referral Partner', 'Referred By'],
  partner: ['Partner', 'Partner Account', 'Partner Name', 'Channel Partner', 'Primary Partner'],
  partnerRole: ['Partner Role', 'Role'],
  influencers: ['Influencing Partners', 'Influencing Partner', 'Influenced By', 'Influence Partners', 'Partners Involved', 'Co-sell Partners'],
  reseller: ['Reseller', 'Reseller Name', 'Resold By', 'Fulfillment Partner', 'Distributor', 'Billing Partner', 'Transacting Partner'],
  deployer: ['Implementation Partner', 'Deployment Partner', 'Delivery Partner', 'Services Partner'],
  registrationPartner: ['Registered By', 'Registration Partner'],
  registrationDate: ['Registration Date', 'Deal Registration Date', 'Deal Reg Date'],
  registrationStatus: ['Registration Status', 'Deal Registration Status'],
  partnerTier: ['Partner Tier', 'Tier'],
  partnerType: ['Partner Type', 'Business Type', 'Reseller Type'],
  region: ['Region', 'Territory', 'Sales Region', 'Geo'],
};

/** Header matching key: case, spaces, underscores and punctuation ignored. */
export const headerKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
