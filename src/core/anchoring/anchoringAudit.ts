/**
 * The anchoring audit of one loop (SPEC §7a): who sealed when and in what order, which scorecards
 * were sealed while their author could already read another panelist's, and every amendment made
 * after other panelists had sealed — with, per changed rating, whether it moved toward or away from
 * the first sealed scores. Stated as facts a committee can read, never as a verdict.
 *
 * Visibility follows the product's rule: a panelist can read other panelists' sealed scorecards
 * once they have sealed one of their own in the loop. So a first seal is independent unless its
 * author had already sealed another interview in the loop while someone else's was sealed; an
 * amendment is made knowing every scorecard other panelists had sealed before it.
 */

/** One sealed version of a scorecard: version 1 is the first seal, each amendment adds one. */
export interface AnchoringSeal {
  interviewId: string;
  interviewerId: string;
  version: number;
  /** ms since the epoch. */
  sealedAt: number;
  /** The amendment's reason; '' for a first seal. */
  reason: string;
  /** dimensionId → rating; `null` = "no evidence". */
  ratings: Readonly<Record<string, number | null>>;
}

export interface AnchoringSealEvent {
  /** 1-based position among all seals of the loop, by time. */
  order: number;
  interviewId: string;
  interviewerId: string;
  version: number;
  sealedAt: number;
  /** For a first seal: could its author read another panelist's sealed scorecard at that moment? */
  sawOthers: boolean;
}

export type AnchoringDirection = 'toward' | 'away' | 'same-distance' | 'no-anchor';

export interface AnchoringChange {
  dimensionId: string;
  from: number | null;
  to: number | null;
  /** The first sealed scorecard's rating on the dimension at the time; `null` = none to compare. */
  anchor: number | null;
  direction: AnchoringDirection;
}

export interface AnchoringAmendment {
  interviewId: string;
  interviewerId: string;
  version: number;
  sealedAt: number;
  reason: string;
  /** Other panelists whose sealed scorecards the author could read when amending, in sealing order. */
  othersSealedBefore: string[];
  /** The first scorecard sealed by another panelist, whose scores the changes are compared with. */
  anchorInterviewId: string | null;
  /** Ratings that differ from the previous version, in dimension id order. */
  changes: AnchoringChange[];
  movedToward: number;
  movedAway: number;
}

export interface AnchoringAudit {
  /** Scorecards (interviews) with at least one seal. */
  scorecards: number;
  panelists: number;
  /** Every seal, first seals and amendments, in time order. */
  seals: AnchoringSealEvent[];
  /** Amendments made after at least one other panelist had sealed. */
  amendmentsAfterOthers: AnchoringAmendment[];
  /** Amendments made before any other panelist had sealed (no one to anchor on). */
  amendmentsBeforeOthers: number;
  /** Whether every first seal was made before its author could read another panelist's scorecard. */
  isIndependent: boolean;
  /** The facts above as sentences, in reading order. */
  facts: string[];
}

const smallNumbers = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number) => smallNumbers[n] ?? String(n);
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;
const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function directionOf(from: number | null, to: number | null, anchor: number | null): AnchoringDirection {
  if (from === null || to === null || anchor === null) return 'no-anchor';
  const before = Math.abs(from - anchor);
  const after = Math.abs(to - anchor);
  return after < before ? 'toward' : after > before ? 'away' : 'same-distance';
}

/** The version of each scorecard current just before `at` (latest sealed at or before it, excluding `at`'s own seal). */
function currentAt(seals: readonly AnchoringSeal[], interviewId: string, before: number): AnchoringSeal | undefined {
  let current: AnchoringSeal | undefined;
  for (const s of seals) {
    if (s.interviewId === interviewId && s.sealedAt < before && (!current || s.version > current.version)) current = s;
  }
  return current;
}

/**
 * Audits one loop's seals. `nameOf` turns an interviewer id into the name the facts use.
 * Seals at the same millisecond are ordered by interview id, then version.
 */
export function anchoringAudit(
  loopSeals: readonly AnchoringSeal[],
  nameOf: (interviewerId: string) => string = (id) => id,
): AnchoringAudit {
  const seals = [...loopSeals].sort(
    (a, b) => a.sealedAt - b.sealedAt || byText(a.interviewId, b.interviewId) || a.version - b.version,
  );
  // A panelist reads others' sealed scorecards from their own first seal in the loop on.
  const readsFrom = new Map<string, number>();
  for (const s of seals) if (!readsFrom.has(s.interviewerId)) readsFrom.set(s.interviewerId, s.sealedAt);
  const othersBefore = (s: AnchoringSeal) => othersSealedBefore(seals, s.interviewerId, s.sealedAt);
  const events: AnchoringSealEvent[] = seals.map((s, i) => ({
    order: i + 1,
    interviewId: s.interviewId,
    interviewerId: s.interviewerId,
    version: s.version,
    sealedAt: s.sealedAt,
    sawOthers: s.version === 1 && readsFrom.get(s.interviewerId)! < s.sealedAt && othersBefore(s).length > 0,
  }));
  const firstSeals = seals.filter((s) => s.version === 1);
  const amendmentsAfterOthers: AnchoringAmendment[] = [];
  let amendmentsBeforeOthers = 0;
  for (const s of seals) {
    if (s.version === 1) continue;
    const others = othersBefore(s);
    if (others.length === 0) {
      amendmentsBeforeOthers++;
      continue;
    }
    amendmentsAfterOthers.push(amendmentOf(seals, firstSeals, s, others));
  }
  const audit = {
    scorecards: new Set(seals.map((s) => s.interviewId)).size,
    panelists: readsFrom.size,
    seals: events,
    amendmentsAfterOthers,
    amendmentsBeforeOthers,
    isIndependent: events.every((e) => !e.sawOthers),
  };
  return { ...audit, facts: anchoringFacts(audit, seals, nameOf) };
}

function amendmentOf(
  seals: readonly AnchoringSeal[],
  firstSeals: readonly AnchoringSeal[],
  s: AnchoringSeal,
  others: string[],
): AnchoringAmendment {
  const previous = seals.find((p) => p.interviewId === s.interviewId && p.version === s.version - 1) ?? null;
  const anchorFirst = firstSeals.find((f) => f.interviewerId !== s.interviewerId && f.sealedAt < s.sealedAt);
  const anchor = anchorFirst ? currentAt(seals, anchorFirst.interviewId, s.sealedAt) : undefined;
  const dimensions = [...new Set([...Object.keys(previous?.ratings ?? {}), ...Object.keys(s.ratings)])].sort(byText);
  const changes: AnchoringChange[] = [];
  for (const dimensionId of dimensions) {
    const from = previous && Object.hasOwn(previous.ratings, dimensionId) ? previous.ratings[dimensionId]! : null;
    const to = Object.hasOwn(s.ratings, dimensionId) ? s.ratings[dimensionId]! : null;
    if (from === to) continue;
    const anchorScore = anchor && Object.hasOwn(anchor.ratings, dimensionId) ? anchor.ratings[dimensionId]! : null;
    changes.push({ dimensionId, from, to, anchor: anchorScore, direction: directionOf(from, to, anchorScore) });
  }
  return {
    interviewId: s.interviewId,
    interviewerId: s.interviewerId,
    version: s.version,
    sealedAt: s.sealedAt,
    reason: s.reason,
    othersSealedBefore: others,
    anchorInterviewId: anchor?.interviewId ?? null,
    changes,
    movedToward: changes.filter((c) => c.direction === 'toward').length,
    movedAway: changes.filter((c) => c.direction === 'away').length,
  };
}

function anchoringFacts(
  audit: Omit<AnchoringAudit, 'facts'>,
  seals: readonly AnchoringSeal[],
  nameOf: (interviewerId: string) => string,
): string[] {
  if (audit.scorecards === 0) return ['No scorecard of this loop has been sealed.'];
  const facts: string[] = [];
  const firsts = audit.seals.filter((e) => e.version === 1);
  facts.push(`Sealing order: ${list(firsts.map((e) => nameOf(e.interviewerId)))}.`);
  const early = firsts.filter((e) => e.sawOthers);
  const scorecards =
    audit.scorecards === 1 ? 'the one scorecard was' : `all ${count(audit.scorecards)} scorecards were`;
  if (early.length === 0) {
    facts.push(
      audit.panelists < 2
        ? `${capitalise(scorecards)} sealed; no other panelist has sealed yet.`
        : `${capitalise(scorecards)} sealed before any was visible to another panelist.`,
    );
  } else {
    facts.push(
      `${capitalise(plural(firsts.length - early.length, 'scorecard was', 'scorecards were'))} sealed before their author could read another panelist's; ` +
        early
          .map(
            (e) =>
              `${nameOf(e.interviewerId)} sealed a later interview after ${list(othersSealedBefore(seals, e.interviewerId, e.sealedAt).map(nameOf))} had sealed`,
          )
          .join('; ') +
        '.',
    );
  }
  if (audit.amendmentsAfterOthers.length === 0) {
    facts.push('No scorecard was amended after another panelist had sealed.');
  }
  for (const a of audit.amendmentsAfterOthers) {
    const moved =
      a.changes.length === 0
        ? 'changed no rating'
        : `changed ${plural(a.changes.length, 'rating', 'ratings')}: ${count(a.movedToward)} toward the first sealed scores, ${count(a.movedAway)} away` +
          (a.changes.length - a.movedToward - a.movedAway > 0
            ? `, ${count(a.changes.length - a.movedToward - a.movedAway)} neither or without a score to compare`
            : '');
    facts.push(
      `${nameOf(a.interviewerId)} amended (version ${a.version}${a.reason ? `, "${a.reason}"` : ''}) after ${list(a.othersSealedBefore.map(nameOf))} had sealed, and ${moved}.`,
    );
  }
  if (audit.amendmentsBeforeOthers > 0) {
    facts.push(
      `${capitalise(plural(audit.amendmentsBeforeOthers, 'amendment was', 'amendments were'))} made before any other panelist had sealed.`,
    );
  }
  return facts;
}

/** Other panelists with a seal strictly before `at`, in sealing order (`seals` sorted by time). */
function othersSealedBefore(seals: readonly AnchoringSeal[], interviewerId: string, at: number): string[] {
  const names: string[] = [];
  for (const s of seals) {
    if (s.sealedAt >= at) break;
    if (s.interviewerId !== interviewerId && !names.includes(s.interviewerId)) names.push(s.interviewerId);
  }
  return names;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
