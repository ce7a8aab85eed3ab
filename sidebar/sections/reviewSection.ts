/**
 * "Deals to review": the deals that need a human decision, most money first, each with what the rules
 * decided and why, and two buttons. Keep appends an override confirming the rules' motion and partners;
 * Set… appends one the user chooses. Both only append a row to the Attribution Overrides tab.
 */
import type { OverrideRequest, PreviewResult, ReviewDeal } from '../../src/core/hostApi';
import type { Motion } from '../../src/core/types';
import { overrideProblem } from '../../src/core/overrides/overrideRow';
import { splitOverridePartners } from '../../src/core/overrides/readOverrides';
import { el, replaceChildren, uniqueId } from '../dom';
import { formatMoney, plural } from '../formatters';
import { createNotice } from '../notice';
import { friendlyError } from '../friendlyError';
import { choicesOf, MOTION_LABEL, MOTIONS } from '../../src/core/vocabulary';

/** How many deals show before "Show more". */
export const REVIEW_PAGE = 10;

const MOTION_WORDS = choicesOf(MOTIONS, MOTION_LABEL);
const motionWord = (motion: Motion): string => MOTION_WORDS.find((m) => m.value === motion)?.label ?? motion;

/** The note Keep writes. */
export const KEEP_NOTE = 'Kept after review';

/** What Keep appends: the rules' own motion and partners, confirmed. */
export const keepOverride = (deal: ReviewDeal): OverrideRequest => ({
  dealId: deal.id, motion: deal.motion, partners: deal.partners.map((name) => ({ name, share: null })), note: KEEP_NOTE,
});

/** The review list; `append` writes one override and refreshes the preview (it throws what the host threw). */
export interface ReviewView { element: HTMLElement; render(result: PreviewResult): void; clear(): void }

export function createReviewView(append: (override: OverrideRequest) => Promise<void>): ReviewView {
  const summary = el('p', { className: 'hint', attrs: { 'data-review-summary': '' } });
  const list = el('ol', { className: 'review-list', attrs: { 'aria-label': 'Deals to review, most money first' } });
  const more = el('button', { className: 'link-button', text: 'Show more', attrs: { type: 'button', name: 'review-more', hidden: true } });
  const notice = createNotice('review');
  const status = el('p', { className: 'hint', attrs: { 'aria-live': 'polite', 'data-review-status': '' } });
  const element = el('section', { className: 'section section-review', attrs: { 'aria-labelledby': 'pa-review-title', 'data-section': 'review' } }, [
    el('h2', { text: 'Deals to review', attrs: { id: 'pa-review-title' } }),
    el('p', { className: 'hint', text: 'Keep or Set… adds one row to your Attribution Overrides tab (created if missing); no other row is changed.' }),
    summary, notice.element, status, list, more,
  ]);
  let result: PreviewResult | null = null;
  let shown = REVIEW_PAGE;
  let busy = false;

  const send = async (override: OverrideRequest, done: string, buttons: HTMLButtonElement[]): Promise<boolean> => {
    if (busy) return false;
    busy = true;
    notice.clear();
    status.textContent = 'Adding the override…';
    for (const b of buttons) b.disabled = true;
    const place = Array.from(list.children).findIndex((li) => li.getAttribute('data-deal') === override.dealId);
    try {
      await append(override);
      status.textContent = done;
      // The list was drawn afresh: keyboard focus goes to the deal that took this one's place.
      const keeps = list.querySelectorAll<HTMLButtonElement>('button[name="review-keep"]');
      (keeps[Math.min(Math.max(place, 0), keeps.length - 1)] ?? more).focus();
      return true;
    } catch (error) {
      status.textContent = '';
      notice.show(friendlyError(error, 'add the override'));
      for (const b of buttons) b.disabled = false;
      return false;
    } finally {
      busy = false;
    }
  };

  const setForm = (deal: ReviewDeal, close: () => void): HTMLElement => {
    const motionId = uniqueId('review-motion');
    const partnerId = uniqueId('review-partners');
    const noteId = uniqueId('review-note');
    const motion = el('select', { attrs: { id: motionId, name: 'review-motion' } },
      MOTION_WORDS.map((m) => el('option', { text: m.label, attrs: { value: m.value, selected: m.value === deal.motion } })));
    const partners = el('input', { attrs: { id: partnerId, name: 'review-partners', type: 'text', value: deal.partners.join('; '), placeholder: 'Acme 60%; Globex 40%', spellcheck: 'false' } });
    const note = el('input', { attrs: { id: noteId, name: 'review-note', type: 'text', value: '', placeholder: 'Why (optional)' } });
    const problem = el('p', { className: 'field-error', attrs: { role: 'alert', 'data-review-problem': '' } });
    const save = el('button', { className: 'primary', text: 'Add override', attrs: { type: 'submit', name: 'review-save' } });
    const cancel = el('button', { className: 'secondary', text: 'Cancel', attrs: { type: 'button', name: 'review-cancel' }, on: { click: close } });
    const form = el('form', { className: 'review-form', attrs: { 'aria-label': `Set the motion of ${deal.name || deal.id}` } }, [
      el('div', { className: 'field' }, [el('label', { attrs: { for: motionId }, text: 'Motion' }), motion]),
      el('div', { className: 'field' }, [el('label', { attrs: { for: partnerId }, text: 'Partner(s), optional shares' }), partners,
        el('span', { className: 'hint', text: 'Separate partners with ";". Leave empty for Direct.' })]),
      el('div', { className: 'field' }, [el('label', { attrs: { for: noteId }, text: 'Note' }), note]),
      problem,
      el('div', { className: 'review-buttons' }, [save, cancel]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const override: OverrideRequest = {
        dealId: deal.id, motion: motion.value as Motion, note: note.value.trim(),
        partners: splitOverridePartners(partners.value).map((p) => ({ name: p.name, share: p.share })),
      };
      const why = overrideProblem(override);
      problem.textContent = why ?? '';
      if (why !== null) return;
      void send(override, `${deal.id} set to ${motionWord(override.motion)}.`, [save, cancel]);
    });
    return form;
  };

  const item = (deal: ReviewDeal, currency: string): HTMLElement => {
    const keep = el('button', { className: 'secondary', text: 'Keep', attrs: { type: 'button', name: 'review-keep', 'aria-label': `Keep ${motionWord(deal.motion)} for ${deal.name || deal.id}` } });
    const set = el('button', { className: 'secondary', text: 'Set…', attrs: { type: 'button', name: 'review-set', 'aria-expanded': 'false' } });
    const formSlot = el('div');
    const close = (): void => { replaceChildren(formSlot, []); set.setAttribute('aria-expanded', 'false'); set.focus(); };
    keep.addEventListener('click', () => void send(keepOverride(deal), `${deal.id} kept as ${motionWord(deal.motion)}.`, [keep, set]));
    set.addEventListener('click', () => {
      if (formSlot.firstChild) { close(); return; }
      replaceChildren(formSlot, [setForm(deal, close)]);
      set.setAttribute('aria-expanded', 'true');
      formSlot.querySelector<HTMLElement>('select')?.focus();
    });
    const decided = deal.partners.length > 0 ? `${motionWord(deal.motion)}: ${deal.partners.join('; ')}` : motionWord(deal.motion);
    return el('li', { attrs: { 'data-deal': deal.id } }, [
      el('div', { className: 'review-head' }, [
        el('span', { className: 'review-name', text: deal.name ? `${deal.name} (${deal.id})` : deal.id }),
        el('span', { className: 'review-money', text: formatMoney(deal.amount, currency), attrs: { 'data-amount': deal.amount ?? '' } }),
      ]),
      el('p', { className: 'review-decided', text: `Rules: ${decided}` }),
      el('p', { className: 'review-why' }, [el('strong', { text: deal.labels.join('; ') }), deal.reason ? ` ${deal.reason}` : '']),
      el('div', { className: 'review-buttons' }, [keep, set]),
      formSlot,
    ]);
  };

  const draw = (): void => {
    if (!result) return;
    const review = result.review;
    const currency = result.reportingCurrency;
    if (!review || review.count === 0) {
      summary.textContent = 'No deal needs a decision.';
      replaceChildren(list, []);
      more.hidden = true;
      return;
    }
    summary.textContent = `${plural(review.count, 'deal')} (${formatMoney(review.amount, currency)}) ${review.count === 1 ? 'needs' : 'need'} a decision, most money first.`;
    replaceChildren(list, review.deals.slice(0, shown).map((d) => item(d, currency)));
    more.hidden = review.deals.length <= shown;
  };

  more.addEventListener('click', () => { shown += REVIEW_PAGE; draw(); });

  return {
    element,
    render(next) { result = next; draw(); },
    clear() { result = null; summary.textContent = ''; replaceChildren(list, []); more.hidden = true; },
  };
}
