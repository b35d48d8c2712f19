/**
 * The committee's rows of a rubric pack (`core/report/committeeRow`), computed when sealed evidence
 * changes — after the pool statistics, from the same audit head — and stored beside them, so the
 * committee screen reads one small entry instead of every rating of the pool.
 */
import { calibrationFromPoolStats } from '../../core/calibration/calibrationFromPoolStats';
import { interviewIsSealed } from '../../core/interview/interviewLifecycle';
import { committeeRowOf } from '../../core/report/committeeRow';
import {
  COMMITTEE_ROWS_FORMAT,
  committeeRowsPack,
  type CommitteeRowsPacked,
} from '../../core/report/committeeRowsPacked';
import { reportBuild, reportObservations } from '../../core/report/reportBuild';
import { reportEvidenceIndexOf } from '../../core/report/reportEvidenceIndex';
import type { RubricPack } from '../../core/rubric/schema';
import type { AppDb } from './appDb';
import {
  committeeRowsDataKey,
  committeeRowsHead,
  committeeRowsHeadKey,
  type CommitteeRowsEntry,
  type CommitteeRowsHead,
} from './committeeScreenRead';
import { poolStatsKey, poolStatsPackOf, poolStatsStored } from './poolStats';
import { reportEvidenceReadInSlices } from './reportEvidenceRead';

/**
 * Builds the rows of every candidate with a sealed scorecard from the evidence at the current
 * head and the pool statistics of that head, and stores them. Returns undefined (storing nothing)
 * when the stored statistics are not of that head: the statistics come first.
 */
export async function committeeRowsCompute(
  db: AppDb,
  pack: RubricPack,
  now: number,
): Promise<CommitteeRowsEntry | undefined> {
  const headNow = () =>
    db.transaction('r', db.audit, async () => ({
      key: await poolStatsKey(db, poolStatsPackOf(pack)),
      audit: await db.audit.orderBy('seq').last(),
    }));
  const { key, audit } = await headNow();
  const evidence = await reportEvidenceReadInSlices(db, pack.manifest.id);
  // Read in slices, so not one snapshot: rows of a head that moved meanwhile are not stored (the
  // change that moved it brings its own refresh).
  if ((await headNow()).key !== key) return undefined;
  const stats = await poolStatsStored(db, pack.manifest.id);
  if (stats?.key !== key) return undefined;
  const calibration = calibrationFromPoolStats(stats.stats, reportObservations(evidence.interviews, evidence.ratings));
  const panels = reportEvidenceIndexOf(evidence).interviewsByCandidate;
  const rows = evidence.candidates.flatMap((c) => {
    if (!(panels.get(c.id) ?? []).some(interviewIsSealed)) return [];
    return [committeeRowOf(reportBuild({ pack, candidateId: c.id, evidence, calibration, audience: 'committee' }))];
  });
  const head: CommitteeRowsHead = {
    key,
    computedAt: now,
    format: COMMITTEE_ROWS_FORMAT,
    auditSeq: audit?.seq ?? 0,
    auditHash: audit?.hash ?? '',
  };
  const packed: CommitteeRowsPacked = committeeRowsPack(rows, pack.dimensions.length);
  // Written only if nothing newer was stored meanwhile (another window may have finished first).
  await db.transaction('rw', db.settings, async () => {
    const stored = await committeeRowsHead(db, pack.manifest.id);
    if (stored && stored.computedAt > now) return;
    await db.settings.bulkPut([
      { key: committeeRowsHeadKey(pack.manifest.id), value: head },
      { key: committeeRowsDataKey(pack.manifest.id), value: { ...head, packed } },
    ]);
  });
  return { ...head, rows };
}
