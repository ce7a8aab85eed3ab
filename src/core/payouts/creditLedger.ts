/**
 * Every credit line of every counted won or open deal, held column-wise (deal index, partner, kind, cents, close
 * day, status): what payouts and partner statements are computed from, line by line, without keeping
 * a record per deal alive. The deal index points into the run's DealResults (for ids, names, reasons).
 */
import type { Status } from '../types';
import type { AttributedDeal, CreditKind } from '../credit/creditDeal';

const KINDS: readonly CreditKind[] = ['sourced', 'influenced', 'resold'];
const KIND_CODE: Readonly<Record<CreditKind, number>> = { sourced: 0, influenced: 1, resold: 2 };
const STATUSES: readonly Status[] = ['won', 'lost', 'open'];
const STATUS_CODE: Readonly<Record<Status, number>> = { won: 0, lost: 1, open: 2 };

/** One credit line as read back from the ledger. */
export interface LedgerLine {
  readonly deal: number;
  readonly partner: number;
  readonly kind: CreditKind;
  readonly cents: number;
  /** The deal's whole amount, in reporting-currency cents. */
  readonly dealCents: number;
  readonly closeDay: number | null;
  readonly status: Status;
}

export class CreditLedger {
  private n = 0;
  private dealOf = new Int32Array(1024);
  private partnerOf = new Int32Array(1024);
  private kindOf = new Uint8Array(1024);
  private statusOf = new Uint8Array(1024);
  private centsOf = new Float64Array(1024);
  private dealCentsOf = new Float64Array(1024);
  /** NaN when the deal has no close date. */
  private closeOf = new Float64Array(1024);

  /** `nameOf` gives a partner id's display name (the run's registry). */
  constructor(readonly nameOf: (partner: number) => string) {}

  get length(): number { return this.n; }

  /** Records the credit lines of one counted deal, `deal` being its index in the run's results. */
  add(d: AttributedDeal, deal: number): void {
    // Lost deals carry no money: neither revenue nor pipeline, so no credit line.
    if (!d.deal.counted || d.cents === null || d.deal.status === 'lost') return;
    for (let k = 0; k < d.credits.length; k++) {
      const line = d.credits[k]!;
      if (this.n === this.dealOf.length) this.grow();
      const i = this.n++;
      this.dealOf[i] = deal;
      this.partnerOf[i] = line.partner;
      this.kindOf[i] = KIND_CODE[line.kind];
      this.statusOf[i] = STATUS_CODE[d.deal.status];
      this.centsOf[i] = line.cents;
      this.dealCentsOf[i] = d.cents;
      this.closeOf[i] = d.deal.closeDate ?? NaN;
    }
  }

  /** Line i. */
  line(i: number): LedgerLine {
    const close = this.closeOf[i]!;
    return { deal: this.dealOf[i]!, partner: this.partnerOf[i]!, kind: KINDS[this.kindOf[i]!]!, cents: this.centsOf[i]!,
      dealCents: this.dealCentsOf[i]!, closeDay: Number.isNaN(close) ? null : close, status: STATUSES[this.statusOf[i]!]! };
  }

  private grow(): void {
    const size = this.dealOf.length * 2;
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
      const next = new (a.constructor as new (n: number) => T)(size);
      next.set(a);
      return next;
    };
    this.dealOf = copy(this.dealOf); this.partnerOf = copy(this.partnerOf); this.kindOf = copy(this.kindOf);
    this.statusOf = copy(this.statusOf); this.centsOf = copy(this.centsOf); this.dealCentsOf = copy(this.dealCentsOf);
    this.closeOf = copy(this.closeOf);
  }
}
