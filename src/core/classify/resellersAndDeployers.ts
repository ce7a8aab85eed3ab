/**
 * Resale and deployment (SPEC 3): the Reseller and Deployment Partner columns, partners whose role
 * is a resale or deployment role, and deployment touches after the close date.
 */
import type { Deal } from '../deals/readDeals';
import type { Touch } from '../touches/readTouches';
import type { PolicySets } from './ClassifyContext';

/** A deal's resellers and deployers. The deal's own lists are returned as they are when nothing is added (never mutated). */
export interface ResaleAndDeployment {
  resellers: number[];
  deployers: number[];
}

/** The deal's resellers and deployers, copying the deal's own lists only when a partner is added. */
export function resellersAndDeployers(deal: Deal, touches: readonly Touch[], sets: PolicySets, roleIsResale: boolean,
  roleIsDeployment: boolean): ResaleAndDeployment {
  let resellers = deal.resellers;
  let deployers = deal.deployers;
  const partners = deal.partners;
  if (roleIsResale) {
    for (let k = 0; k < partners.length; k++) {
      if (!resellers.includes(partners[k]!)) { if (resellers === deal.resellers) resellers = [...resellers]; resellers.push(partners[k]!); }
    }
  }
  if (roleIsDeployment) {
    for (let k = 0; k < partners.length; k++) {
      if (!deployers.includes(partners[k]!)) { if (deployers === deal.deployers) deployers = [...deployers]; deployers.push(partners[k]!); }
    }
  }
  if (deal.closeDate !== null) {
    for (let i = 0; i < touches.length; i++) {
      const t = touches[i]!;
      if (t.day > deal.closeDate && sets.deploymentActivities.has(t.activity) && !deployers.includes(t.partner)) {
        if (deployers === deal.deployers) deployers = [...deployers];
        deployers.push(t.partner);
      }
    }
  }
  return { resellers, deployers };
}
