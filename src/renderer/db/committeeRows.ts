/**
 * The committee's rows of a rubric pack (`core/report/committeeRow`), computed when sealed evidence
 * changes — after the pool statistics, from the same audit head — and stored beside them, so the
 * committee screen reads one small entry instead of every rating of the pool.
 *
 * After a seal, an amendment, a decision or a new loop, only the candidates those changed are
 * rebuilt from their evidence; every other row's score, profile and recommendation (which move
 * with the pool statistics) are recomputed from its stored basis (`committeeRowBasis`) without
 * reading the pool's evidence. Anything else (an import, an erasure, a purge, a restore, a log that
 * does not continue the rows' head) rebuilds every row from the whole pack's evidence.
 */
import { calibrationCandidatesOwn } from '../../core/calibration/calibrateRatings';
import type { CandidateOwnRatings } from '../../core/calibration/calibrationCandidate';
import { calibrationColumnsFrom } from '../../core/calibration/calibrationColumns';
import { calibrationFromPoolStats } from '../../core/calibration/calibrationFromPoolStats';
import type { CalibrationPoolStats } from '../../core/calibration/calibrationTypes';
import type { AuditAction } from '../../core/audit/auditSchema';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import { committeeRowOf, type CommitteeRow } from '../../core/report/committeeRow';
import {
  committeeRowBasesIsPacked,
  committeeRowBasesPack,
  committeeRowBasesUnpack,
  committeeRowBasisOf,
  committeeRowRecalibrated,
  type CommitteeRowBasis,
} from '../../core/report/committeeRowBasis';
import {
  COMMITTEE_ROWS_FORMAT,
  committeeRowsPack,
  type CommitteeRowsPacked,
} from '../../core/report/committeeRowsPacked';
import { reportBuild, reportObservations, type ReportEvidence } from '../../core/report/reportBuild';
import { reportEvidenceIndexOf } from '../../core/report/reportEvidenceIndex';
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';
import { auditEntriesSinceHead } from './auditSinceHead';
import {
  committeeRowsDataKey,
  committeeRowsHead,
  committeeRowsHeadKey,
  committeeRowsStored,
  type CommitteeRowsEntry,
  type CommitteeRowsHead,
} from './committeeScreenRead';
import { poolStatsKey, poolStatsPackOf, poolStatsStored } from './poolStats';
import { committeeRowsSettingPrefix, poolStatsKeyOf } from './poolStatsKey';
import { reportEvidenceRead, reportEvidenceReadInSlices, reportEvidenceTables } from './reportEvidenceRead';
import { byCodeUnits } from '../../core/text/codeUnitOrder';

/** Settings key of the rows' bases (read only by the refresh, never by the screen). */
export const committeeRowBasesKey = (packId: string) => `${committeeRowsSettingPrefix}basis:${packId}`;

interface CommitteeRowBasesEntry {
  /** The rows' head (`key` and `computedAt`) the bases belong to. */
  key: string;
  computedAt: number;
  packed: unknown;
}

/** Rows computed at one audit head, with their bases in the same order. */
interface RowsComputed {
  key: string;
  audit: { seq: number; hash: string } | undefined;
  rows: CommitteeRow[];
  bases: CommitteeRowBasis[];
}

/**
 * Brings the pack's rows to the current head — only the changed candidates rebuilt when the
 * stored rows allow, every row otherwise — and stores them. Returns undefined (storing nothing)
 * when the stored statistics are not of that head: the statistics come first.
 */
export async function committeeRowsCompute(
  db: AppDb,
  pack: RubricPack,
  now: number,
): Promise<CommitteeRowsEntry | undefined> {
  const updated = await committeeRowsUpdated(db, pack);
  const computed = updated === 'rebuild' ? await committeeRowsRebuilt(db, pack) : updated;
  if (!computed) return undefined;
  const { key, audit, rows, bases } = computed;
  const head: CommitteeRowsHead = {
    key,
    computedAt: now,
    format: COMMITTEE_ROWS_FORMAT,
    auditSeq: audit?.seq ?? 0,
    auditHash: audit?.hash ?? '',
  };
  const packed: CommitteeRowsPacked = committeeRowsPack(rows, pack.dimensions.length);
  const basesEntry: CommitteeRowBasesEntry = { key, computedAt: now, packed: committeeRowBasesPack(bases) };
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  await db.transaction('rw', db.settings, async () => {
    const stored = await committeeRowsHead(db, pack.manifest.id);
    if (stored && stored.computedAt > now) return;
    await db.settings.bulkPut([
      { key: committeeRowsHeadKey(pack.manifest.id), value: head },
      { key: committeeRowsDataKey(pack.manifest.id), value: { ...head, packed } },
      { key: committeeRowBasesKey(pack.manifest.id), value: basesEntry },
    ]);
  });
  return { ...head, rows };
}

/**
 * Every row rebuilt from the whole pack's evidence, read in slices (so not one snapshot: rows of
 * a head that moved meanwhile are not stored; the change that moved it brings its own refresh).
 */
async function committeeRowsRebuilt(db: AppDb, pack: RubricPack): Promise<RowsComputed | undefined> {
  const headNow = () =>
    db.transaction('r', db.audit, async () => ({
      key: await poolStatsKey(db, poolStatsPackOf(pack)),
      audit: await db.audit.orderBy('seq').last(),
    }));
  const { key, audit } = await headNow();
  const evidence = await reportEvidenceReadInSlices(db, pack.manifest.id);
  if ((await headNow()).key !== key) return undefined;
  const stats = await poolStatsStored(db, pack.manifest.id);
  if (stats?.key !== key) return undefined;
  return { key, audit, ...rowsBuilt(pack, stats.stats, evidence) };
}

/**
 * The stored rows brought to the current head: the candidates changed since rebuilt from their
 * evidence, every other row recalibrated from its basis. Read in one transaction (one state);
 * undefined when the statistics are not of the current head, 'rebuild' when the stored rows
 * cannot be brought up to date.
 */
async function committeeRowsUpdated(db: AppDb, pack: RubricPack): Promise<RowsComputed | undefined | 'rebuild'> {
  const packId = pack.manifest.id;
  const read = await db.transaction('r', [db.settings, db.audit, ...reportEvidenceTables(db)], async () => {
    const [key, audit, stats, stored, basesEntry] = await Promise.all([
      poolStatsKey(db, poolStatsPackOf(pack)),
      db.audit.orderBy('seq').last(),
      poolStatsStored(db, packId),
      committeeRowsStored(db, packId),
      db.settings.get(committeeRowBasesKey(packId)).then((row) => row?.value as CommitteeRowBasesEntry | undefined),
    ]);
    if (stats?.key !== key) return undefined;
    // Rows of another pack version (or none) are rebuilt whole.
    if (
      !stored ||
      stored.key !== poolStatsKeyOf(poolStatsPackOf(pack), { seq: stored.auditSeq, hash: stored.auditHash })
    )
      return 'rebuild' as const;
    if (basesEntry?.key !== stored.key || basesEntry.computedAt !== stored.computedAt) return 'rebuild' as const;
    if (!committeeRowBasesIsPacked(basesEntry.packed)) return 'rebuild' as const;
    const changed = await committeeRowsChangedSince(db, stored, audit?.seq ?? 0);
    if (!changed) return 'rebuild' as const;
    const evidence =
      changed.size > 0 ? await reportEvidenceRead(db, packId, [...changed], { withNotes: false }) : undefined;
    return {
      key,
      audit,
      stats: stats.stats,
      stored,
      bases: committeeRowBasesUnpack(basesEntry.packed),
      changed,
      evidence,
    };
  });
  if (read === undefined || read === 'rebuild') return read;
  const built = read.evidence ? rowsBuilt(pack, read.stats, read.evidence) : { rows: [], bases: [] };
  const byCandidate = new Map<string, { row: CommitteeRow; basis: CommitteeRowBasis }>();
  read.stored.rows.forEach((row, n) => {
    const basis = read.bases[n];
    if (basis?.candidateId !== row.candidateId || read.changed.has(row.candidateId)) return;
    byCandidate.set(row.candidateId, { row: committeeRowRecalibrated(row, basis, pack, read.stats), basis });
  });
  if (byCandidate.size + read.changed.size < read.stored.rows.length) return 'rebuild';
  built.rows.forEach((row, n) => byCandidate.set(row.candidateId, { row, basis: built.bases[n]! }));
  const ordered = [...byCandidate.values()].sort((a, b) => byCodeUnits(a.basis.firstLoopId, b.basis.firstLoopId));
  return { key: read.key, audit: read.audit, rows: ordered.map((o) => o.row), bases: ordered.map((o) => o.basis) };
}

/** The rows (and their bases) of every candidate of `evidence` with a sealed scorecard, in their first loop's order. */
function rowsBuilt(
  pack: RubricPack,
  stats: CalibrationPoolStats,
  evidence: ReportEvidence,
): { rows: CommitteeRow[]; bases: CommitteeRowBasis[] } {
  const observations = reportObservations(evidence.interviews, evidence.ratings);
  const calibration = calibrationFromPoolStats(stats, observations);
  const own = new Map<string, CandidateOwnRatings>();
  for (const o of calibrationCandidatesOwn(calibrationColumnsFrom(observations, stats.explicitDimensionIds)))
    own.set(o.candidateId, o);
  const index = reportEvidenceIndexOf(evidence);
  const built = evidence.candidates.flatMap((c) => {
    if (!(index.interviewsByCandidate.get(c.id) ?? []).some(interviewIsSealed)) return [];
    const report = reportBuild({ pack, candidateId: c.id, evidence, calibration, audience: 'committee' });
    const firstLoopId = (index.loopsByCandidate.get(c.id) ?? [])
      .filter((l) => l.packId === pack.manifest.id)
      .map((l) => l.id)
      .sort(byCodeUnits)[0]!;
    return [{ row: committeeRowOf(report), basis: committeeRowBasisOf(report, own.get(c.id) ?? null, firstLoopId) }];
  });
  built.sort((a, b) => byCodeUnits(a.basis.firstLoopId, b.basis.firstLoopId));
  return { rows: built.map((b) => b.row), bases: built.map((b) => b.basis) };
}

/** Audit actions that change no committee row. */
const rowNeutralActions: ReadonlySet<string> = new Set<AuditAction>([
  'report.exported',
  // The rows are built without notes.
  'note.deleted',
  'note.restored',
  'key.trusted',
  'key.confirmed',
  'key.replaced',
]);
/** Audit actions whose subject is a record of the one candidate whose row they change, by the table it is in. */
const oneCandidateActions: ReadonlyMap<string, 'interviews' | 'loops' | 'decisions' | 'candidates'> = new Map<
  AuditAction,
  'interviews' | 'loops' | 'decisions' | 'candidates'
>([
  ['interview.submitted', 'interviews'],
  ['interview.amended', 'interviews'],
  ['interview.reopened', 'interviews'],
  ['loop.created', 'loops'],
  ['loop.closed', 'loops'],
  ['loop.reopened', 'loops'],
  ['decision.recorded', 'decisions'],
  ['candidate.created', 'candidates'],
]);

/**
 * The candidates whose rows changed after `stored` (null: something else changed, a subject is
 * gone, or the log does not continue the rows' head: rebuild).
 */
async function committeeRowsChangedSince(
  db: AppDb,
  stored: CommitteeRowsHead,
  headSeq: number,
): Promise<Set<string> | null> {
  const entries = await auditEntriesSinceHead(db, stored, headSeq);
  if (!entries) return null;
  const subjects = {
    interviews: [] as string[],
    loops: [] as string[],
    decisions: [] as string[],
    candidates: [] as string[],
  };
  for (const entry of entries) {
    const table = oneCandidateActions.get(entry.action);
    if (table) subjects[table].push(entry.subject);
    else if (!rowNeutralActions.has(entry.action)) return null;
  }
  const records = await Promise.all([
    db.interviews.bulkGet(subjects.interviews),
    db.loops.bulkGet(subjects.loops),
    db.decisions.bulkGet(subjects.decisions),
    db.candidates.bulkGet(subjects.candidates),
  ]);
  const changed = new Set<string>();
  for (const list of records.slice(0, 3) as Array<Array<{ candidateId: string } | undefined>>) {
    for (const record of list) {
      if (!record) return null;
      changed.add(record.candidateId);
    }
  }
  for (const candidate of records[3]) {
    if (!candidate) return null;
    changed.add(candidate.id);
  }
  return changed;
}

