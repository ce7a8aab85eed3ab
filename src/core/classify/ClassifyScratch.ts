/**
 * Scratch space for classifying one deal at a time, reused from deal to deal. A deal names a
 * handful of partners; growing fresh arrays for them (16 slots at the first push) was most of what
 * classification allocated, so lists are gathered here and copied out at their exact size.
 */
import type { Touch } from '../touches/readTouches';
import { IdScratch } from '../partners/IdScratch';

/** Lists reused by classifyDeal and its steps; only valid until the next deal is classified. */
export class ClassifyScratch {
  /** Partners that only touched the deal, in first-seen order. */
  readonly touchedOnly = new IdScratch();
  /** Per partner with touches in the influence window: its summed weight, in order of first touch. */
  readonly sumPartners: number[] = [];
  readonly sumWeights: number[] = [];
  /** One partner's touches in the window (see gatherInfluence's touchesOf). */
  readonly touches: Touch[] = [];
  /** Notes on partners whose touches stayed below the threshold. */
  readonly notes: string[] = [];
  noteCount = 0;
}
