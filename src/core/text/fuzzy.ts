/**
 * Fuzzy matching for type-to-find lists (signal catalogue, action palette): every query character
 * must appear in order; consecutive runs and word starts score higher, so "rfsec" finds
 * "Red flag: secrets in repo".
 */
export function fuzzyScore(query: string, text: string): number | null {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (q === '') return 0;
  const t = text.toLowerCase();
  let score = 0;
  let ti = 0;
  let run = 0;
  for (const ch of q) {
    const found = t.indexOf(ch, ti);
    if (found < 0) return null;
    const atWordStart = found === 0 || /[\s\-_/:(]/.test(t[found - 1]!);
    run = found === ti ? run + 1 : 0;
    score += 1 + run * 2 + (atWordStart ? 3 : 0) - Math.min(found - ti, 5) * 0.1;
    ti = found + 1;
  }
  // Prefer shorter texts when the query matches equally well.
  return score - t.length * 0.01;
}

/** Items whose `text(item)` matches `query`, best first (stable for equal scores). */
export function fuzzyFilter<T>(items: readonly T[], query: string, text: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, score: fuzzyScore(query, text(item)) }))
    .filter((x): x is { item: T; index: number; score: number } => x.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.item);
}
