/**
 * The committee screen's side of the stored committee rows (`committeeRows.ts` computes them): the
 * stored entry and its head, and the screen's read joining them with what is live. Nothing here
 * loads the report or calibration code, so the read can start as soon as the route is known.
 */
import { interviewPeersVisible } from '../../core/interview/interviewLifecycle';
import type { Decision, Interview } from '../../core/model/records';
import {
  committeeLevelsOf,
  committeeViewOf,
  type CommitteeDecision,
  type CommitteePackWords,
  type CommitteeRow,
  type CommitteeView,
} from '../../core/report/committeeRow';
import { decisionIsNewer } from '../../core/report/reportDecision';
import {
  COMMITTEE_ROWS_FORMAT,
  committeeRowsIsPacked,
  committeeRowsUnpack,
} from '../../core/report/committeeRowsPacked';
import type { RubricPack } from '../../core/rubric/schema';
import { blindModeIsOn } from './actions/audienceActions';
import { profileCurrent } from './profileRead';
import type { AppDb } from './appDb';
import { committeeRowsSettingPrefix, poolStatsKey, poolStatsPackOf } from './poolStatsKey';

/** Which state the stored rows are of: read alone to decide whether they are current. */
export interface CommitteeRowsHead {
  /** The pack and audit head the rows are of (`poolStatsKey`). */
  key: string;
  computedAt: number;
  /** The stored layout (`committeeRowsPacked`); rows of another layout count as absent and are recomputed. */
  format: typeof COMMITTEE_ROWS_FORMAT;
  /** The audit entry the rows (and the decisions in them) are of: later decisions are read on top. */
  auditSeq: number;
  auditHash: string;
}

export interface CommitteeRowsEntry extends CommitteeRowsHead {
  rows: CommitteeRow[];
}

/**
 * Per pack, the latest: the head, and the rows packed in columns beside it (typed arrays and one
 * string table: IndexedDB copies them out far faster than thousands of objects or one large JSON
 * text, and the head check never reads them).
 */
export const committeeRowsHeadKey = (packId: string) => `${committeeRowsSettingPrefix}head:${packId}`;
export const committeeRowsDataKey = (packId: string) => `${committeeRowsSettingPrefix}data:${packId}`;

export async function committeeRowsHead(db: AppDb, packId: string): Promise<CommitteeRowsHead | undefined> {
  const head = (await db.settings.get(committeeRowsHeadKey(packId)))?.value as CommitteeRowsHead | undefined;
  return head?.format === COMMITTEE_ROWS_FORMAT ? head : undefined;
}

/** The stored rows of a pack, current or not; undefined before the first computation. */
export async function committeeRowsStored(db: AppDb, packId: string): Promise<CommitteeRowsEntry | undefined> {
  const data = (await db.settings.get(committeeRowsDataKey(packId)))?.value as
    (CommitteeRowsHead & { packed: unknown }) | undefined;
  if (data?.format !== COMMITTEE_ROWS_FORMAT || !committeeRowsIsPacked(data.packed)) return undefined;
  const { packed, ...head } = data;
  return { ...head, rows: committeeRowsUnpack(packed) };
}

/** What the committee screen shows of a pack, read in one go (`committeeScreenRead`). */
export interface CommitteeScreenData {
  /** The state of evidence now (`poolStatsKey`). */
  key: string;
  /** The state the stored rows are of; undefined before the first computation. */
  storedKey: string | undefined;
  /** Every candidate with a sealed scorecard the viewer may see; undefined before the first computation. */
  views: CommitteeView[] | undefined;
}

/**
 * The committee screen's read: the stored rows joined with what is live — the candidates (only
 * their ids in blind mode, whole records when names show), the decisions recorded since the rows'
 * audit head (every decision when anything else happened since), and, for a panelist (`viewerId`),
 * their own interviews still open — so a candidate erased since never shows, a new decision shows
 * at once, and a panelist sees a candidate only once their own scorecards for them are sealed.
 */
export async function committeeScreenRead(
  db: AppDb,
  pack: RubricPack,
  /** Who views and whether names show; read here (this profile's "me" and blind mode) when not given. */
  viewer?: { viewerId: string | null; withNames: boolean },
): Promise<CommitteeScreenData> {
  const viewerRead = viewer
    ? Promise.resolve(viewer)
    : Promise.all([profileCurrent(db), blindModeIsOn(db)]).then(([me, isBlind]) => ({
        viewerId: me?.id ?? null,
        withNames: !isBlind,
      }));
  // Every read starts at once; only the candidates and the viewer's interviews wait for the viewer.
  const [key, stored, sinceHead, { withNames, candidates, myOpen, viewerId }] = await Promise.all([
    poolStatsKey(db, poolStatsPackOf(pack)),
    committeeRowsStored(db, pack.manifest.id),
    committeeRowsHead(db, pack.manifest.id).then(
      async (head) => head && { head, decisions: await committeeDecisionsSince(db, head) },
    ),
    viewerRead.then(async ({ viewerId, withNames }) => {
      const [candidates, myOpen] = await Promise.all([
        withNames ? db.candidates.toArray() : (db.candidates.toCollection().primaryKeys() as Promise<string[]>),
        // Only open interviews can hide a candidate (interviewPeersVisible): the viewer's planned and
        // draft ones, each status one keyed range of the [interviewerId+status] index.
        viewerId
          ? Promise.all(
              (['planned', 'draft'] as const).map((status) =>
                db.interviews.where('[interviewerId+status]').equals([viewerId, status]).toArray(),
              ),
            ).then((lists) => lists.flat())
          : Promise.resolve([] as Interview[]),
      ]);
      return { viewerId, withNames, candidates, myOpen };
    }),
  ]);
  if (!stored) return { key, storedKey: undefined, views: undefined };
  // Read beside the rows from their head entry; again from the rows' own head if another window
  // stored newer rows in between.
  const decisions =
    sinceHead && sinceHead.head.key === stored.key && sinceHead.head.computedAt === stored.computedAt
      ? sinceHead.decisions
      : await committeeDecisionsSince(db, stored);
  const live = new Map<string, { name: string; email: string }>(
    withNames
      ? (candidates as Array<{ id: string; name: string; email: string }>).map((c) => [c.id, c])
      : (candidates as string[]).map((id) => [id, { name: '', email: '' }]),
  );
  const openOf = new Map<string, Interview[]>();
  for (const i of myOpen) openOf.set(i.candidateId, [...(openOf.get(i.candidateId) ?? []), i]);
  return {
    key,
    storedKey: stored.key,
    views: committeeViewsOf(stored.rows, pack, live, decisions, (id) =>
      interviewPeersVisible(viewerId, openOf.get(id) ?? []),
    ),
  };
}

/**
 * Joins stored rows with live candidates (a row whose candidate is gone is left out) and the latest
 * decisions (`decisions` replaces the rows' own where it holds the candidate; `'all'` marks it as
 * every decision there is).
 */
export function committeeViewsOf(
  rows: readonly CommitteeRow[],
  pack: CommitteePackWords,
  candidates: ReadonlyMap<string, { name: string; email: string }>,
  decisions: { latest: ReadonlyMap<string, CommitteeDecision>; isAll: boolean },
  isVisible: (candidateId: string) => boolean,
): CommitteeView[] {
  const levels = committeeLevelsOf(pack);
  return rows.flatMap((row) => {
    const candidate = candidates.get(row.candidateId);
    if (!candidate || !isVisible(row.candidateId)) return [];
    const since = decisions.latest.get(row.candidateId) ?? null;
    const decision =
      decisions.isAll || !row.decision ? since : since && decisionIsNewer(since, row.decision) ? since : row.decision;
    return [committeeViewOf(row, pack, candidate, decision, levels)];
  });
}

/**
 * The latest decision per candidate that the stored rows do not hold yet. When every audit entry
 * since the rows' head records a decision, those decisions alone (a few keyed reads); when
 * anything else happened since (an import, a purge, a restored log), every decision, in place of
 * the rows' own.
 */
async function committeeDecisionsSince(
  db: AppDb,
  stored: CommitteeRowsHead,
): Promise<{ latest: Map<string, CommitteeDecision>; isAll: boolean }> {
  const since = await db.audit.where('seq').aboveOrEqual(stored.auditSeq).toArray();
  const isHeadKept =
    stored.auditSeq === 0
      ? since.every((e) => e.seq > 0)
      : since[0]?.seq === stored.auditSeq && since[0].hash === stored.auditHash;
  const after = stored.auditSeq === 0 ? since : since.slice(1);
  const onlyDecisions = isHeadKept && after.every((e) => e.action === 'decision.recorded');
  const decisions: Array<Decision | undefined> = onlyDecisions
    ? await db.decisions.bulkGet(after.map((e) => e.subject))
    : await db.decisions.toArray();
  const latest = new Map<string, CommitteeDecision>();
  for (const d of decisions) {
    if (!d) continue;
    const known = latest.get(d.candidateId);
    if (!known || decisionIsNewer(d, known))
      latest.set(d.candidateId, { id: d.id, outcome: d.outcome, level: d.level, decidedAt: d.decidedAt });
  }
  return { latest, isAll: !onlyDecisions };
}
