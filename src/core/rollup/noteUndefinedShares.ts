/** Says why a share of money is empty (null) when credit notes made it meaningless (issue 13). */
import type { PartnerRow, Totals } from '../types';
import type { IssueLog } from '../messages';

const SHARES = [['partnerLedShare', 'partnerLedRevenue', 'Partner-led'], ['sourcedShare', 'sourcedRevenue', 'Sourced'],
  ['influencedShare', 'influencedRevenue', 'Influenced'], ['resoldShare', 'resoldRevenue', 'Resold'],
  ['directShare', 'directRevenue', 'Direct']] as const;

/** One info issue for the totals' shares and one for partners' shares of partner-led revenue, when any is null for a money reason. */
export function noteUndefinedShares(totals: Totals, partners: readonly PartnerRow[], currency: string, issues: IssueLog): void {
  const money = (n: number): string => `${n.toFixed(2)} ${currency}`;
  if (totals.wonDeals > 0 && totals.revenue <= 0) {
    issues.add('SHARE_UNDEFINED', null, '', money(totals.revenue), {
      why: `Revenue is ${money(totals.revenue)} after credit notes, so no share of it means anything.`, what: 'Every share of revenue is',
    });
  } else if (totals.revenue > 0) {
    const odd = SHARES.filter(([, part]) => totals[part] < 0 || totals[part] > totals.revenue);
    if (odd.length > 0) {
      issues.add('SHARE_UNDEFINED', null, '', odd.map(([, part, label]) => `${label} ${money(totals[part])}`).join('; '), {
        why: `${odd.map(([, part, label]) => `${label} revenue (${money(totals[part])})`).join(', ')} is below zero or larger than revenue (${money(totals.revenue)}) because of credit notes.`,
        what: `${odd.map(([, , label]) => label).join(', ')} share${odd.length > 1 ? 's are' : ' is'}`,
      });
    }
  }
  const led = totals.partnerLedRevenue;
  const oddPartners = partners.filter((p) => p.shareOfPartnerLed === null && p.creditedRevenue !== 0);
  if (oddPartners.length > 0 && (led <= 0 || oddPartners.some((p) => p.creditedRevenue < 0 || p.creditedRevenue > led))) {
    issues.add('SHARE_UNDEFINED', null, '', oddPartners.slice(0, 5).map((p) => p.partner).join('; '), {
      why: led <= 0 ? `Partner-led revenue is ${money(led)} after credit notes.`
        : `${oddPartners.length} partners' credited revenue is below zero or larger than all partner-led revenue (${money(led)}) because of credit notes.`,
      what: "Those partners' share of partner-led revenue is",
    });
  }
}
