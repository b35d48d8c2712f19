/**
 * The demo's history: closed loops of past candidates over the five quarters before the current
 * one, five candidates a quarter, each met once by every demo interviewer on the pack's four kits
 * without an artifact review or incident run (history has ratings, one note and an overall
 * recommendation per scorecard, nothing that would read as a missed exercise). It gives the
 * interviewer analytics something to show, and one thing to find: Tomás rates like the panel for
 * two quarters, then generously from the third on — a drift. Ngozi stays strict and slow to seal.
 * One past candidate's loop holds an amendment made after the others had sealed, for the
 * anchoring audit. Ratings are drawn from seeded numbers, so the same seed gives the same history.
 */
import type { AuditEvent } from '../audit/auditSchema';
import { canonicalJson } from '../canonical/canonicalJson';
import type { Candidate, Interview, Interviewer, InterviewVersion, Loop, Note, Rating } from '../model/records';
import type { RubricPack } from '../rubric/schema';
import { demoId, demoNumber } from './demoId';
import { demoRecruiter } from './demoScript';

/** Kits history uses: no artifact review and no incident run to leave empty. */
export const DEMO_HISTORY_KITS = ['paved-road-design', 'incident-simulation', 'observability-slo-design', 'influence-leadership'];
/** Quarters of history before the current one, and past candidates per quarter. */
export const DEMO_HISTORY_QUARTERS = 5;
export const DEMO_HISTORY_PER_QUARTER = 5;

const pastFirstNames = ['Lena', 'Marcus', 'Priya', 'Diego', 'Sofia', 'Omar', 'Grace', 'Felix', 'Yuki', 'Nadia', 'Elliot', 'Chloe', 'Ravi', 'Ines', 'Samuel', 'Mei', 'Jonas', 'Aisha', 'Pavel', 'Rosa', 'Kwame', 'Freya', 'Hugo', 'Leila', 'Tariq'];
const pastLastNames = ['Schmidt', 'Okafor', 'Raman', 'Alvarez', 'Rossi', 'Farouk', 'Lindqvist', 'Novak', 'Tanaka', 'Karimi', 'Brooks', 'Dubois', 'Iyer', 'Moreau', 'Osei', 'Chen', 'Berg', 'Bello', 'Ivanov', 'Ortega', 'Mensah', 'Larsen', 'Costa', 'Haddou', 'Quraishi'];

/** Leniency (scale points) each interviewer rates with, by how many quarters ago. */
function historyLeniency(interviewerKey: string, quartersAgo: number): number {
  switch (interviewerKey) {
    case 'tomas':
      return quartersAgo >= 4 ? 0 : 1.2;
    case 'ngozi':
      return -0.5;
    default:
      return 0;
  }
}

/** Typical hours from interview to seal per interviewer. */
const sealHours: Record<string, number> = { tomas: 2, ngozi: 30, hannah: 5, arjun: 18 };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoHistory {
  candidates: Candidate[];
  loops: Loop[];
  interviews: Interview[];
  ratings: Rating[];
  notes: Note[];
  interviewVersions: InterviewVersion[];
  events: AuditEvent[];
}

const DEMO_DEFAULT_SEED_NOISE = 1;
/**
 * Uniform in [0, 1) from a key. The draws ignore the demo's seed (they always use the default
 * seed's), so every seed tells the same story — the same drift — under its own ids.
 */
const uniform = (_seed: number, ...key: string[]) => demoNumber(DEMO_DEFAULT_SEED_NOISE, 'history', ...key) / 2 ** 32;
/** Standard normal from two seeded uniforms (Box–Muller). */
const normal = (seed: number, ...key: string[]) =>
  Math.sqrt(-2 * Math.log(1 - uniform(seed, ...key, 'a'))) * Math.cos(2 * Math.PI * uniform(seed, ...key, 'b'));

/** Start of the UTC quarter `quartersAgo` quarters before the one holding `at`. */
function quarterStartBefore(at: number, quartersAgo: number): number {
  const d = new Date(at);
  const index = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3) - quartersAgo;
  return Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1);
}

/**
 * Past candidates and their closed loops, `DEMO_HISTORY_QUARTERS` quarters back from `dayStart`.
 * `interviewers` are the demo's, keyed by their script key.
 */
export function demoHistory(
  pack: RubricPack,
  seed: number,
  dayStart: number,
  interviewers: ReadonlyArray<{ key: string; interviewer: Interviewer }>,
): DemoHistory {
  const history: DemoHistory = { candidates: [], loops: [], interviews: [], ratings: [], notes: [], interviewVersions: [], events: [] };
  const kits = DEMO_HISTORY_KITS.map((id) => pack.kits.find((k) => k.id === id)!);
  for (let quartersAgo = DEMO_HISTORY_QUARTERS; quartersAgo >= 1; quartersAgo--) {
    const quarterStart = quarterStartBefore(dayStart, quartersAgo);
    for (let j = 0; j < DEMO_HISTORY_PER_QUARTER; j++) {
      const n = (DEMO_HISTORY_QUARTERS - quartersAgo) * DEMO_HISTORY_PER_QUARTER + j;
      const key = `past-${n + 1}`;
      const createdAt = quarterStart + (5 + j * 14) * DAY + 9 * HOUR;
      const candidate: Candidate = {
        id: demoId(seed, 'candidate', key),
        name: `${pastFirstNames[n % pastFirstNames.length]} ${pastLastNames[n % pastLastNames.length]}`,
        email: `${pastFirstNames[n % pastFirstNames.length]!.toLowerCase()}.${pastLastNames[n % pastLastNames.length]!.toLowerCase()}@example.org`,
        phone: `+1 555 02${String(n).padStart(2, '0')}`,
        packId: pack.manifest.id,
        targetLevel: 'staff',
        notes: 'Candidate of an earlier hiring round (demo history).',
        createdAt,
        updatedAt: createdAt,
      };
      const ability = 2.5 + 0.6 * normal(seed, key, 'ability');
      const sealed = interviewers.map(({ key: who, interviewer }, slot) => {
        const kit = kits[(slot + n) % kits.length]!;
        const heldAt = createdAt + (7 + slot) * DAY + (10 - 9) * HOUR;
        const delay = Math.round(Math.max(0.5, sealHours[who]! * (0.6 + 0.8 * uniform(seed, key, who, 'seal'))) * 60) * MINUTE;
        const scores = Object.fromEntries(
          kit.dimensions.map((d) => {
            if (uniform(seed, key, who, d, 'no-evidence') < 0.1) return [d, null];
            const raw = ability + 0.35 * normal(seed, key, d) + historyLeniency(who, quartersAgo) + 0.4 * normal(seed, key, who, d);
            return [d, Math.min(4, Math.max(1, Math.round(raw)))];
          }),
        ) as Record<string, number | null>;
        return historyInterview(pack, seed, `${key}-${kit.id}`, candidate.id, demoId(seed, 'loop', key), interviewer, kit.id, heldAt, heldAt + 60 * MINUTE + delay, scores);
      });
      const closedAt = Math.max(...sealed.map((s) => s.interview.submittedAt!)) + 5 * DAY;
      const loop: Loop = {
        id: demoId(seed, 'loop', key),
        candidateId: candidate.id,
        packId: pack.manifest.id,
        packVersion: pack.manifest.version,
        packHash: pack.hash,
        targetLevel: 'staff',
        status: 'closed',
        createdAt: createdAt + 10 * MINUTE,
        closedAt,
      };
      history.candidates.push(candidate);
      history.loops.push(loop);
      history.events.push(
        { at: candidate.createdAt, actor: demoRecruiter, action: 'candidate.created', subject: candidate.id },
        { at: loop.createdAt, actor: demoRecruiter, action: 'loop.created', subject: loop.id, details: { interviews: sealed.length } },
        { at: closedAt, actor: demoRecruiter, action: 'loop.closed', subject: loop.id },
      );
      // One loop, early in the second quarter of history, where Tomás amends after the others sealed.
      if (n === DEMO_HISTORY_PER_QUARTER) sealed[0] = historyAmend(sealed[0]!, sealed, seed);
      for (const s of sealed) {
        history.interviews.push(s.interview);
        history.ratings.push(...s.ratings);
        history.notes.push(...s.notes);
        history.interviewVersions.push(...s.versions);
        for (const v of s.versions) {
          history.events.push({
            at: v.sealedAt,
            actor: interviewers.find((i) => i.interviewer.id === s.interview.interviewerId)!.interviewer.name,
            action: v.version === 1 ? 'interview.submitted' : 'interview.amended',
            subject: s.interview.id,
            details: { version: v.version },
          });
        }
      }
    }
  }
  return history;
}

interface HistoryInterview {
  interview: Interview;
  ratings: Rating[];
  notes: Note[];
  versions: InterviewVersion[];
}

const overallOf = (scores: Array<number | null>): Interview['overallRecommendation'] => {
  const rated = scores.filter((s): s is number => s !== null);
  const mean = rated.reduce((a, b) => a + b, 0) / Math.max(1, rated.length);
  return mean >= 3.4 ? 'strong-yes' : mean >= 2.75 ? 'yes' : mean >= 2 ? 'no' : 'strong-no';
};

function historyInterview(
  pack: RubricPack,
  seed: number,
  key: string,
  candidateId: string,
  loopId: string,
  interviewer: Interviewer,
  kitId: string,
  heldAt: number,
  submittedAt: number,
  scores: Record<string, number | null>,
): HistoryInterview {
  const kit = pack.kits.find((k) => k.id === kitId)!;
  const id = demoId(seed, 'interview', key);
  const interview: Interview = {
    id,
    loopId,
    candidateId,
    interviewerId: interviewer.id,
    kitId,
    status: 'submitted',
    version: 1,
    scheduledAt: heldAt,
    startedAt: heldAt,
    submittedAt,
    updatedAt: submittedAt,
    amendReason: '',
    overallRecommendation: overallOf(Object.values(scores)),
    keyTakeaways: `Scorecard of an earlier hiring round for the ${kit.title} interview.`,
    sectionId: kit.sections[kit.sections.length - 1]!.id,
    sectionStartedAt: heldAt + 45 * MINUTE,
  };
  const ratings: Rating[] = kit.dimensions.map((dimensionId, i) => {
    const score = scores[dimensionId] ?? null;
    const updatedAt = heldAt + 50 * MINUTE + i * 20_000;
    return score === null
      ? { interviewId: id, dimensionId, state: 'no-evidence', updatedAt }
      : { interviewId: id, dimensionId, state: 'rated', score, updatedAt };
  });
  const first = kit.dimensions[0]!;
  const title = pack.dimensions.find((d) => d.id === first)?.title ?? first;
  const firstScore = scores[first] ?? null;
  const notes: Note[] = [
    {
      id: demoId(seed, 'note', key, 'summary'),
      interviewId: id,
      at: 20 * MINUTE,
      text:
        firstScore === null
          ? `${title}: the conversation never reached it.`
          : firstScore >= 3
            ? `${title}: walked through a concrete example from their last role, with trade-offs.`
            : `${title}: stayed general; no concrete example when probed.`,
      dimensionId: firstScore === null ? null : first,
      simAt: null,
      isPrivate: false,
    },
  ];
  const snapshot = canonicalJson({ interview, ratings, notes, signalTags: [], defectFindings: [], incidentRun: null });
  const version: InterviewVersion = { id: demoId(seed, 'version', key, '1'), interviewId: id, version: 1, sealedAt: submittedAt, reason: '', snapshot };
  return { interview, ratings, notes, versions: [version] };
}

/**
 * `own` amended two days after the last of the loop's seals: each rating more than a point from
 * the first other seal's moves one point toward it (the pattern the anchoring audit names).
 */
function historyAmend(own: HistoryInterview, loop: readonly HistoryInterview[], seed: number): HistoryInterview {
  const others = loop.filter((s) => s !== own).sort((a, b) => a.interview.submittedAt! - b.interview.submittedAt!);
  const first = others[0]!;
  const amendedAt = Math.max(...loop.map((s) => s.interview.submittedAt!)) + 2 * DAY;
  const reason = 'Re-read my notes after the debrief.';
  const anchorScore = (d: string) => {
    const r = first.ratings.find((x) => x.dimensionId === d);
    return r?.state === 'rated' ? r.score : null;
  };
  let changed = 0;
  const ratings: Rating[] = own.ratings.map((r) => {
    const anchor = anchorScore(r.dimensionId);
    if (r.state !== 'rated' || anchor === null || r.score === anchor || changed >= 2) return r;
    changed++;
    return { ...r, score: r.score + Math.sign(anchor - r.score), updatedAt: amendedAt - 5 * MINUTE };
  });
  const interview: Interview = { ...own.interview, status: 'amended', version: 2, submittedAt: amendedAt, updatedAt: amendedAt, amendReason: reason };
  const snapshot = canonicalJson({ interview, ratings, notes: own.notes, signalTags: [], defectFindings: [], incidentRun: null });
  const version: InterviewVersion = {
    id: demoId(seed, 'version', interview.id, '2'),
    interviewId: interview.id,
    version: 2,
    sealedAt: amendedAt,
    reason,
    snapshot,
  };
  return { interview, ratings, notes: own.notes, versions: [...own.versions, version] };
}
