/** The "Attribution rules" step: the policy of SPEC 3 to 5 as a form, pre-filled from the data. */
import type { DetectResult } from '../../src/core/hostApi';
import type { ConflictPolicy, InfluenceModel, Policy } from '../../src/core/policy';
import { normalizeTerm, POLICY_KEYS } from '../../src/core/policy';
import { el, replaceChildren, uniqueId } from '../dom';
import { numberField, selectField, textListField } from '../controls';
import { parseTermList, stageStatus, withStageStatus } from '../policyDraft';
import type { StageStatus } from '../policyDraft';
import { choicesOf, CONFLICT_POLICIES, CONFLICT_POLICY_LABEL, INFLUENCE_MODEL_LABEL, INFLUENCE_MODELS, STATUS_LABEL, STATUSES } from '../../src/core/vocabulary';

export interface PolicyHandlers {
  /** A new full policy; the sidebar saves only what differs from the defaults. */
  onChange: (policy: Policy) => void;
  onReset: () => void;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const MODELS = choicesOf(INFLUENCE_MODELS, INFLUENCE_MODEL_LABEL);
const CONFLICTS = choicesOf(CONFLICT_POLICIES, CONFLICT_POLICY_LABEL);
const STAGE_STATUSES = choicesOf(STATUSES, STATUS_LABEL);

const range = (key: keyof Policy): { min: number; max: number; integer: boolean } => {
  const kind = POLICY_KEYS[key];
  return kind.kind === 'number' ? { min: kind.min, max: kind.max, integer: !!kind.integer } : { min: 0, max: 1000, integer: false };
};

/** Fills the rules step. Every change hands a new policy to `onChange`. */
export function renderPolicySection(container: HTMLElement, policy: Policy, detected: DetectResult | null, handlers: PolicyHandlers): void {
  let current = policy;
  const change = (next: Policy): void => {
    current = next;
    handlers.onChange(next);
  };
  const days = (key: 'registrationGraceDays' | 'registrationExpiryDays' | 'influenceLookbackDays', label: string, hint: string): HTMLElement =>
    numberField({ label, hint, name: key, value: current[key], step: 1, ...range(key), onChange: (value) => change({ ...current, [key]: value }) });

  const sourcing = group('Sourcing', [
    textListField({
      label: 'Partner lead sources', name: 'partnerLeadSources', values: current.partnerLeadSources,
      hint: 'One per line. A Lead Source equal to one of these (or starting with "partner") means a partner brought the deal.',
      onChange: (text) => change({ ...current, partnerLeadSources: parseTermList(text).map(normalizeTerm) }),
    }),
    days('registrationGraceDays', 'Registration grace (days after creation)', 'A deal registration dated up to this long after the deal was created still counts as sourcing.'),
    days('registrationExpiryDays', 'Registration expiry (days before creation)', 'An older registration has expired.'),
    selectField({
      label: 'When partners disagree on who sourced', name: 'conflictPolicy', options: CONFLICTS, value: current.conflictPolicy,
      onChange: (value) => change({ ...current, conflictPolicy: value as ConflictPolicy }),
    }),
  ]);

  const influence = group('Influence', [
    days('influenceLookbackDays', 'Influence window (days before creation)', 'Touches count from this long before the deal was created until it closed.'),
    numberField({
      label: 'Influence threshold (summed weight)', name: 'influenceThreshold', value: current.influenceThreshold, step: 0.05, ...range('influenceThreshold'),
      hint: 'A partner whose touches add up to at least this much significantly influenced the deal.',
      onChange: (value) => change({ ...current, influenceThreshold: value }),
    }),
    selectField({
      label: 'Influence model', name: 'influenceModel', options: MODELS, value: current.influenceModel,
      hint: 'How influenced credit is split among the influencing partners.',
      onChange: (value) => change({ ...current, influenceModel: value as InfluenceModel }),
    }),
    weightsFieldset(() => current, change, container.querySelector<HTMLDetailsElement>('details[data-weights]')?.open ?? false),
  ]);

  const stages = detected?.stages ?? [];
  const stageFields = stages.length === 0
    ? [el('p', { className: 'muted', text: 'No stage column found, or it is empty: every deal counts as open unless Won/Closed columns say otherwise.' })]
    : stages.map((stage) => selectField({
      label: stage, name: `stage-${normalizeTerm(stage)}`,
      options: STAGE_STATUSES,
      value: stageStatus(current, stage),
      className: 'inline',
      onChange: (value) => change(withStageStatus(current, stage, value as StageStatus)),
    }));
  const stagesGroup = group('Stages found in your data', stageFields);

  const currencies = [...new Set([...(detected?.currencies ?? []), ...(current.reportingCurrency ? [current.reportingCurrency] : [])])];
  const reporting = group('Reporting', [
    selectField({
      label: 'Reporting currency', name: 'reportingCurrency',
      options: [{ value: '', label: 'Automatic (most common)' }, ...currencies.map((c) => ({ value: c, label: c }))],
      value: current.reportingCurrency ?? '',
      hint: 'Other currencies convert through the FX Rates tab; without a rate they are left out and reported.',
      onChange: (value) => change({ ...current, reportingCurrency: value === '' ? null : value }),
    }),
    selectField({
      label: 'Fiscal year starts in', name: 'fiscalYearStartMonth',
      options: MONTHS.map((m, i) => ({ value: String(i + 1), label: m })), value: String(current.fiscalYearStartMonth),
      onChange: (value) => change({ ...current, fiscalYearStartMonth: Number(value) }),
    }),
  ]);

  replaceChildren(container, [
    sourcing, influence, stagesGroup, reporting,
    el('button', { className: 'secondary', text: 'Reset rules to defaults', attrs: { type: 'button', name: 'reset-policy' }, on: { click: handlers.onReset } }),
  ]);
}

const group = (legend: string, children: ReadonlyArray<Node>): HTMLFieldSetElement =>
  el('fieldset', { className: 'group' }, [el('legend', { text: legend }), ...children]);

// Activity weights: one number per activity, the weight of anything else, and a row to add an activity.
// Folded by default (most users never change them); a re-render keeps it open if the user opened it.
function weightsFieldset(get: () => Policy, change: (p: Policy) => void, open: boolean): HTMLDetailsElement {
  const weight = range('defaultActivityWeight');
  const list = el('div', { className: 'weights' });
  const renderList = (): void => {
    replaceChildren(list, Object.entries(get().activityWeights).map(([activity, value]) => numberField({
      label: activity, name: `weight-${activity}`, value, step: 0.05, min: 0, max: weight.max,
      onChange: (v) => change({ ...get(), activityWeights: { ...get().activityWeights, [activity]: v } }),
    })));
  };
  renderList();
  const addId = uniqueId('add-activity');
  const addInput = el('input', { attrs: { id: addId, type: 'text', name: 'add-activity', autocomplete: 'off' } });
  const add = (): void => {
    const activity = normalizeTerm(addInput.value);
    if (activity === '' || Object.prototype.hasOwnProperty.call(get().activityWeights, activity)) return;
    change({ ...get(), activityWeights: { ...get().activityWeights, [activity]: get().defaultActivityWeight } });
    addInput.value = '';
    renderList();
  };
  addInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); add(); }
  });
  return el('details', { className: 'group nested weights-group', attrs: { open, 'data-weights': '' } }, [
    el('summary', { text: `Activity weights (${Object.keys(get().activityWeights).length} activities)` }),
    el('p', { className: 'hint', text: 'Weight of one touch of each kind; a Weight column in Touches overrides these.' }),
    list,
    numberField({
      label: 'Any other activity', name: 'defaultActivityWeight', value: get().defaultActivityWeight, step: 0.05, ...weight,
      onChange: (v) => change({ ...get(), defaultActivityWeight: v }),
    }),
    el('div', { className: 'field add-row' }, [
      el('label', { attrs: { for: addId }, text: 'Add an activity' }),
      el('div', { className: 'row' }, [addInput, el('button', { className: 'secondary', text: 'Add', attrs: { type: 'button', name: 'add-activity-button' }, on: { click: add } })]),
    ]),
  ]);
}
