/** How setting terms (stages, activities, roles, tiers) are compared: one normal form for every list. */

/** Lower case, punctuation other than "-" and "/" folded to spaces, whitespace collapsed. */
export const normalizeTerm = (text: string): string =>
  text.toLowerCase().replace(/[_.,;:!?'"()[\]{}]+/g, ' ').replace(/\s+/g, ' ').trim();
