/**
 * Short column labels for dimensions ("CIA" for "Cloud & infrastructure architecture"), unique
 * within a pack, so a table of ten dimensions fits a laptop screen; the full name goes beside
 * them in a legend and on hover or focus.
 */
const smallWords = new Set(['&', 'and', 'of', 'the', 'for', 'to', 'in']);

function abbreviation(title: string): string {
  const first = title.split(/\s+/)[0] ?? '';
  // A title led by an acronym ("IaC engineering", "CI/CD & release engineering") is known by it.
  if (/^[A-Z][A-Za-z/]*[A-Z]$/.test(first)) return first;
  const words = title.split(/[\s/-]+/).filter((w) => w && !smallWords.has(w.toLowerCase()));
  if (words.length === 1) return words[0]!.slice(0, 4);
  return words.map((w) => w[0]!.toUpperCase()).join('');
}

/** dimensionId → abbreviation, in pack order; clashes get a digit ("CI", "CI2"). */
export function reportDimensionAbbreviations(dimensions: ReadonlyArray<{ id: string; title: string }>): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const d of dimensions) {
    const base = abbreviation(d.title);
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base}${n}`;
    used.add(label);
    out.set(d.id, label);
  }
  return out;
}
