/**
 * The three definitions of "partner sourced" the product ships (issue 18), as policies: the same as
 * examples/registered-only.json, examples/standard.json and examples/any-partner-involvement.json
 * (a test keeps them equal). The sidebar offers them beside the user's own policy.
 */
import type { Definition } from './compareDefinitions';
import { DEFAULT_POLICY } from '../policy';

/** A shipped definition: its name, its example file, one line on what it counts, and its policy. */
export interface ShippedDefinition extends Definition { file: string; summary: string; policy: { sourcingEvidence: string[] } }

export const SHIPPED_DEFINITIONS: readonly ShippedDefinition[] = Object.freeze([
  { name: 'Registered only', file: 'examples/registered-only.json', summary: 'Sourced only from an approved deal registration in its windows; every other claim is influence.',
    policy: { sourcingEvidence: ['registration'] } },
  { name: 'Standard', file: 'examples/standard.json', summary: 'The default: registration, Sourcing Partner column, sourcing touch, partner lead source, sourcing role.',
    policy: { sourcingEvidence: [...DEFAULT_POLICY.sourcingEvidence] } },
  { name: 'Any partner involvement', file: 'examples/any-partner-involvement.json', summary: 'Any partner lead source, partner column or touch counts as sourcing.',
    policy: { sourcingEvidence: ['registration', 'sourcing partner column', 'sourcing touch', 'partner lead source', 'sourcing role',
      'partner column', 'influencing partners column', 'any touch'] } },
]);
