/**
 * Strings in UTF-16 code-unit order — the order IndexedDB gives string keys and `<` compares in —
 * with no locale collator: a process's first `localeCompare` sets up the locale's collation data
 * (about 20 ms), which a fresh print window would pay before its report. For the identifiers the
 * records carry (lower-case UUIDs, rubric ids in lower-case kebab-case) this is the order
 * `localeCompare` gives too, so what was sorted either way (a report's inputs, whose hash a
 * decision records) keeps its order.
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
