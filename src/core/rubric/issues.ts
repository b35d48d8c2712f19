/**
 * Problems found in a rubric pack, each pinned to the place an author has to edit.
 */

/** One problem in a rubric pack file. */
export interface RubricIssue {
  /** Path of the file relative to the rubrics root, `/`-separated, e.g. `staff-devops/kits/iac-review.yaml`. */
  file: string;
  /** 1-based line of the offending node (for a missing field: the mapping that lacks it). */
  line: number;
  /** 1-based column of the offending node. */
  column: number;
  /** Field path inside the file, e.g. `dimensions[3].anchors[2].examples`; empty for the whole file. */
  path: string;
  /** What is wrong and what to do, in a rubric author's words. */
  message: string;
}

/** `{ ok: true, value } | { ok: false, issues }`: how every rubric edge reports its outcome. */
export type RubricResult<T> = { ok: true; value: T } | { ok: false; issues: RubricIssue[] };

export type RubricFieldPath = ReadonlyArray<string | number>;

/** Renders a field path the way authors read it: `sections[1].dimensions[0]`, `expectations.staff`. */
export function rubricFieldPathText(path: RubricFieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** `file:line:column path: message`, the line format of `loopdesk validate`. */
export function rubricIssueText(issue: RubricIssue, file = issue.file): string {
  return `${file}:${issue.line}:${issue.column}${issue.path ? ` ${issue.path}` : ''}: ${issue.message}`;
}

/** Orders issues by file, then position, so output reads top to bottom like the files. */
export function rubricIssuesSort(issues: RubricIssue[]): RubricIssue[] {
  return [...issues].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The closest known name to a misspelt one, if it is close enough to be a likely typo. */
export function rubricClosestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(name.length / 4));
  if (bestDistance <= tolerance) return best;
  // A truncated or over-long name ("hot-patches-prod") is a likely typo too.
  return name.length >= 4 ? known.find((k) => k.startsWith(name) || name.startsWith(k)) : undefined;
}

/** `— did you mean "x"? Known: a, b, c` (shortened when the list is long). */
export function rubricKnownNamesHint(name: string, known: readonly string[], noun = 'known'): string {
  if (known.length === 0) return ` — there are none defined in this pack`;
  const closest = rubricClosestName(name, known);
  const shown = known.length > 12 ? `${known.slice(0, 12).join(', ')}, … (${known.length} in all)` : known.join(', ');
  return `${closest ? ` — did you mean "${closest}"?` : ' —'} ${closest ? noun[0]!.toUpperCase() + noun.slice(1) : noun}: ${shown}`;
}
