/**
 * Partner payouts from won credit (docs/rules.md, section 11): one line per deal and credited
 * partner (basis x rate, rounded to the cent on the line), a bonus line per sourced deal, and a cap
 * line where a partner's period total passes the cap, so every payout is the sum of its lines.
 */
import type { CreditKind } from '../credit/creditDeal';
import type { PartnerLifetime, PartnerPayout, PayoutLine, Payouts } from '../types';
import { allocateCents } from '../credit/allocateCents';
import { CentsSum, centsToMoney } from '../rollup/centsSum';
import { NO_DATE_PERIOD, periodLabel } from '../rollup/periodsRollup';
import { formatDay } from '../values/parseDate';
import type { DealsView } from '../deals/dealResults';
import type { IncentivePlan } from './incentivePlan';
import { rateFor } from './incentivePlan';

/** What the computation needs besides the deals: the plan, and each partner's tier and type (by display name). */
export interface PayoutContext {
  plan: IncentivePlan;
  currency: string;
  fiscalYearStartMonth: number;
  attributesOf(partner: string): { tier: string | null; type: string | null };
}

/** basis x rate in cents, half away from zero (a credit note's claw-back rounds like the payout it undoes). */
const lineCents = (basisCents: number, rate: number): number => {
  const exact = Math.round(Math.abs(basisCents * rate) * 1e6) / 1e6; // drop binary noise such as 0.07 * 100 = 7.000000000000001
  const cents = Math.floor(exact + 0.5);
  return basisCents < 0 ? -cents : cents;
};

const MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

interface PeriodAcc {
  partner: string; period: string; sort: number;
  basis: Record<CreditKind, CentsSum>; bonus: CentsSum; lines: CentsSum; deals: Set<number>;
}

/** Payouts for every partner and period, from the credit lines of the won, counted deals. */
export function computePayouts(deals: DealsView, ctx: PayoutContext): Payouts {
  const { plan } = ctx;
  const minimumCents = Math.round((plan.minimumDealSize ?? 0) * 100);
  const lines: PayoutLine[] = [];
  /** Each line's period sort key, for the final order: by period, deal lines in table order, the cap line last. */
  const lineSort: number[] = [];
  const accs = new Map<string, PeriodAcc>();
  const lifetime = new Map<string, { credited: CentsSum; payout: CentsSum; deals: Set<number>; first: number; latest: number }>();
  const push = (line: PayoutLine, sort: number): void => { lines.push(line); lineSort.push(sort); };

  for (let i = 0; i < deals.length; i++) {
    const amount = deals.amount(i);
    if (!deals.counted(i) || deals.status(i) !== 'won' || amount === null) continue;
    const credits = deals.creditLines(i);
    if (credits.length === 0) continue;
    const dealCents = Math.round(amount * 100);
    const closeDay = deals.closeDay(i);
    const period = closeDay === null ? { label: NO_DATE_PERIOD, sort: Number.MAX_SAFE_INTEGER } : periodLabel(closeDay, ctx.fiscalYearStartMonth);
    const row = deals.row(i), dealId = deals.id(i);
    // The minimum is for deals; a credit note (negative amount) always claws back what its deal paid.
    const below = dealCents >= 0 && dealCents < minimumCents;
    for (const credit of credits) {
      const { tier, type } = ctx.attributesOf(credit.partner);
      const basis = Math.round(credit.amount * 100);
      const rate = rateFor(plan, credit.role, tier, type);
      const cents = below ? 0 : lineCents(basis, rate);
      const key = `${credit.partner}\u0000${period.label}`;
      let acc = accs.get(key);
      if (!acc) {
        acc = { partner: credit.partner, period: period.label, sort: period.sort, basis: { sourced: new CentsSum(), influenced: new CentsSum(), resold: new CentsSum() },
          bonus: new CentsSum(), lines: new CentsSum(), deals: new Set() };
        accs.set(key, acc);
      }
      acc.basis[credit.role].add(basis);
      acc.lines.add(cents);
      acc.deals.add(i);
      push({ partner: credit.partner, period: period.label, row, dealId, kind: credit.role, basis: basis / 100, rate, payout: cents / 100,
        note: below ? `deal below the minimum deal size (${MONEY.format(minimumCents / 100)} ${ctx.currency})` : '' }, period.sort);
      let life = lifetime.get(credit.partner);
      if (!life) { life = { credited: new CentsSum(), payout: new CentsSum(), deals: new Set(), first: Infinity, latest: -Infinity }; lifetime.set(credit.partner, life); }
      life.credited.add(basis);
      life.payout.add(cents);
      life.deals.add(i);
      if (closeDay !== null) { life.first = Math.min(life.first, closeDay); life.latest = Math.max(life.latest, closeDay); }
    }
    // The bonus of a sourced deal, shared among its sourcers in cents (each at its own tier's bonus).
    const sourcers = credits.filter((c) => c.role === 'sourced');
    if (below || dealCents <= 0) continue;
    sourcers.forEach((credit, k) => {
      const { tier, type } = ctx.attributesOf(credit.partner);
      const bonusCents = Math.round(rateFor(plan, 'sourcedDealBonus', tier, type) * 100);
      if (bonusCents === 0) return;
      const cents = allocateCents(bonusCents, sourcers.map(() => 1))[k]!;
      accs.get(`${credit.partner}\u0000${period.label}`)!.bonus.add(cents);
      lifetime.get(credit.partner)!.payout.add(cents);
      push({ partner: credit.partner, period: period.label, row, dealId, kind: 'bonus', basis: 0, rate: null, payout: cents / 100,
        note: sourcers.length > 1 ? `bonus shared by ${sourcers.length} sourcing partners` : '' }, period.sort);
    });
  }

  const cap = plan.capPerPartnerPerPeriod ?? null;
  const capCents = cap === null ? null : BigInt(Math.round(cap * 100));
  const partners: PartnerPayout[] = [];
  const total = new CentsSum();
  for (const acc of accs.values()) {
    const { tier, type } = ctx.attributesOf(acc.partner);
    const beforeCap = CentsSum.of(acc.lines, acc.bonus).exact();
    const capApplied = capCents !== null && beforeCap > capCents ? beforeCap - capCents : BigInt(0);
    const payout = beforeCap - capApplied;
    if (capApplied > BigInt(0)) {
      lifetime.get(acc.partner)!.payout.addExact(-capApplied);
      push({ partner: acc.partner, period: acc.period, row: null, dealId: '', kind: 'cap', basis: 0, rate: null, payout: centsToMoney(-capApplied),
        note: `cap of ${MONEY.format(Number(capCents) / 100)} ${ctx.currency} per partner per period` }, acc.sort + 0.5);
    }
    total.addExact(payout);
    partners.push({
      partner: acc.partner, tier, type, period: acc.period,
      sourcedBasis: acc.basis.sourced.money(), influencedBasis: acc.basis.influenced.money(), resoldBasis: acc.basis.resold.money(),
      sourcedRate: rateFor(plan, 'sourced', tier, type), influencedRate: rateFor(plan, 'influenced', tier, type), resoldRate: rateFor(plan, 'resold', tier, type),
      bonus: acc.bonus.money(), beforeCap: centsToMoney(beforeCap), capApplied: centsToMoney(capApplied), payout: centsToMoney(payout), deals: acc.deals.size,
    });
  }
  const lifetimeRows: PartnerLifetime[] = [...lifetime.entries()].map(([partner, l]) => ({
    partner, creditedRevenue: l.credited.money(), payout: l.payout.money(), deals: l.deals.size,
    firstDeal: Number.isFinite(l.first) ? formatDay(l.first) : null, latestDeal: Number.isFinite(l.latest) ? formatDay(l.latest) : null,
  })).sort((a, b) => b.payout - a.payout || b.creditedRevenue - a.creditedRevenue || a.partner.localeCompare(b.partner));
  const rank = new Map(lifetimeRows.map((l, i) => [l.partner, i]));
  const periodSort = new Map([...accs.values()].map((a) => [a.period, a.sort]));
  partners.sort((a, b) => rank.get(a.partner)! - rank.get(b.partner)! || periodSort.get(a.period)! - periodSort.get(b.period)!);
  const order = lines.map((_, i) => i).sort((a, b) => lineSort[a]! - lineSort[b]! || a - b);
  return { currency: ctx.currency, total: total.money(), partners, lifetime: lifetimeRows, lines: order.map((i) => lines[i]!) };
}
