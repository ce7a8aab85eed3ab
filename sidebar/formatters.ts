/** Display formatting for the preview: the engine computes the numbers, this only prints them. */

/** Money in a currency, without cents (e.g. "$1,234,568"); "—" when there is no amount. */
export function formatMoney(amount: number | null, currency: string): string {
  if (amount === null || !Number.isFinite(amount)) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(amount);
  } catch {
    return `${currency} ${Math.round(amount).toLocaleString()}`;
  }
}

/** A 0..1 share as a percentage with one decimal (e.g. "42.5%"); "—" when undefined. */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** "1 deal", "3 deals". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
