/**
 * "Definition of partner sourced": the three shipped definitions (Registered only, Standard, Any
 * partner involvement) as a choice beside the user's own rules. Choosing one sets the policy's
 * sourcing evidence; the preview follows and the choice is saved with the other settings.
 */
import type { Policy, SourcingEvidenceKind } from '../../src/core/policy';
import { SHIPPED_DEFINITIONS } from '../../src/core/compare/shippedDefinitions';
import { OWN_DEFINITION, definitionOf } from '../../src/core/compare/definitionChoice';
import { el, replaceChildren, uniqueId } from '../dom';

export interface DefinitionChoice {
  element: HTMLElement;
  /** Shows which definition the policy follows (and the user's own rules, when it follows none). */
  render(policy: Policy): void;
}

const OWN = 'own';

/** Builds the choice; `onChange` gets the sourcing evidence of the definition the user picked. */
export function createDefinitionChoice(onChange: (evidence: SourcingEvidenceKind[]) => void): DefinitionChoice {
  const list = el('div', { className: 'definition-options', attrs: { role: 'radiogroup', 'aria-labelledby': 'pa-definition-title' } });
  const element = el('section', { className: 'section section-definition', attrs: { 'data-section': 'definition' } }, [
    el('h2', { text: 'Definition of partner sourced', attrs: { id: 'pa-definition-title' } }),
    el('p', { className: 'hint', text: 'Which evidence makes a deal partner sourced. Evidence a definition leaves out still counts as influence.' }),
    list,
  ]);
  // The user's own evidence, remembered while the sidebar is open so it can be chosen again after trying a shipped definition.
  let own: SourcingEvidenceKind[] | null = null;

  const option = (value: string, label: string, summary: string, checked: boolean, evidence: SourcingEvidenceKind[]): HTMLElement => {
    const id = uniqueId(`definition-${value}`);
    const input = el('input', {
      attrs: { type: 'radio', name: 'definition', id, value, checked, 'aria-describedby': `${id}-hint` },
      on: { change: () => { if (input.checked) onChange([...evidence]); } },
    });
    return el('div', { className: 'definition-option' }, [
      input,
      el('label', { attrs: { for: id } }, [el('span', { className: 'definition-name', text: label }),
        el('span', { className: 'hint definition-summary', text: summary, attrs: { id: `${id}-hint` } })]),
    ]);
  };

  return {
    element,
    render(policy) {
      const current = definitionOf(policy);
      if (!current) own = [...policy.sourcingEvidence];
      const options = SHIPPED_DEFINITIONS.map((d) => option(d.name, d.name, d.summary, current?.name === d.name, d.policy.sourcingEvidence as SourcingEvidenceKind[]));
      if (own) {
        options.push(option(OWN, OWN_DEFINITION, own.length === 0 ? 'Nothing counts as sourcing: every partner claim is influence.' : `Sourced from: ${own.join(', ')}.`, !current, own));
      }
      replaceChildren(list, options);
    },
  };
}
