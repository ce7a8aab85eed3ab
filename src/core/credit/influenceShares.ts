/** The influence models of SPEC 4: how influenced credit is split among significant influencers. */
import type { InfluenceModel } from '../policy';
import type { Influencer } from '../classify/Influencer';

/**
 * Weights per influencer (same order as given: first influence first). Influencers must already be
 * ordered by their first influence, columns ahead of touches on the same day.
 */
export function influenceShares(influencers: readonly Influencer[], model: InfluenceModel, halfLifeDays: number): number[] {
  const n = influencers.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  switch (model) {
    case 'even':
      return influencers.map(() => 1);
    case 'first':
      return influencers.map((_, i) => (i === 0 ? 1 : 0));
    case 'last': {
      let last = 0;
      for (let i = 1; i < n; i++) {
        const a = influencers[i]!.lastDay ?? -Infinity;
        const b = influencers[last]!.lastDay ?? -Infinity;
        if (a >= b) last = i;
      }
      return influencers.map((_, i) => (i === last ? 1 : 0));
    }
    case 'position':
      if (n === 2) return [1, 1];
      return influencers.map((_, i) => (i === 0 || i === n - 1 ? 0.4 : 0.2 / (n - 2)));
    case 'time-decay':
      return influencers.map((inf) => inf.ages.reduce((sum, age) => sum + Math.pow(2, -age / halfLifeDays), 0));
    case 'weighted': {
      const weights = influencers.map((inf) => inf.weight);
      return weights.some((w) => w > 0) ? weights : influencers.map(() => 1);
    }
  }
}
