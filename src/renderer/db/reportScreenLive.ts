/**
 * The live read of the report screen and the print route: who is looking, blind mode, the
 * candidates' evidence with the pack the first one's loops pin, the audit head and the stored pool
 * statistics — everything the first frame of a report needs, in two round trips for one candidate
 * (three for a batch), shared (`sharedLive`) so the route starts it while the screen's code loads
 * (the print route: with the window) and the screen picks it up.
 */
import type { Interviewer } from '../../core/model/records';
import type { ReportEvidence } from '../../core/report/reportBuild';
import { blindModeIsOn } from './actions/audienceActions';
import type { AppDb } from './appDb';
import { poolStatsSettingPrefix, type PoolStatsEntry } from './poolStats';
import { profileCurrent } from './profileRead';
import { reportCandidateRead, reportEvidenceRead } from './reportEvidenceRead';
import { sharedLive, sharedLivePrefetch, type SharedLive } from './sharedLive';

export interface ReportScreenData {
  me: Interviewer | null;
  isBlind: boolean;
  /** The pack the (first) candidate's loops pin (the last loop's), else their role's; null: none. */
  packId: string | null;
  packHash: string | null;
  /** The candidates' evidence under that pack; undefined when there is no pack. */
  evidence: ReportEvidence | undefined;
  /** The audit log's last entry (what the statistics' key is of), undefined for an empty log. */
  auditHead: { seq: number; hash: string } | undefined;
  /** Every pack's stored pool statistics (current or not), by pack id: one or two entries. */
  poolStats: ReadonlyMap<string, PoolStatsEntry>;
}

export async function reportScreenRead(db: AppDb, candidateIds: readonly string[]): Promise<ReportScreenData> {
  const [me, isBlind, read, head, stats] = await Promise.all([
    profileCurrent(db),
    blindModeIsOn(db),
    candidatesRead(db, candidateIds),
    db.audit.orderBy('seq').last(),
    db.settings.where('key').startsWith(poolStatsSettingPrefix).toArray(),
  ]);
  return {
    me,
    isBlind,
    ...read,
    auditHead: head && { seq: head.seq, hash: head.hash },
    poolStats: new Map(stats.map((row) => [row.key.slice(poolStatsSettingPrefix.length), row.value as PoolStatsEntry])),
  };
}

/** The evidence of one candidate (`reportCandidateRead`) or of a batch, under the first one's pack. */
async function candidatesRead(db: AppDb, candidateIds: readonly string[]): ReturnType<typeof reportCandidateRead> {
  const [first, ...others] = candidateIds;
  if (first === undefined) return { packId: null, packHash: null, evidence: undefined };
  const read = await reportCandidateRead(db, first);
  if (others.length === 0 || !read.packId) return read;
  return { ...read, evidence: await reportEvidenceRead(db, read.packId, candidateIds, { withNotes: true }) };
}

/**
 * The live read of the reports of `candidateIds` (one, or a print batch); `generation` makes a new
 * query (after a refresh in a worker).
 */
export function reportScreenLive(db: AppDb, candidateIds: readonly string[], generation = 0): SharedLive<ReportScreenData> {
  return sharedLive(`report\u0000${db.name}\u0000${candidateIds.join(',')}\u0000${generation}`, () =>
    reportScreenRead(db, candidateIds),
  );
}

/** Starts a report screen's read now, for the screen to take over when its code has loaded. */
export function reportScreenPrefetch(db: AppDb, candidateIds: readonly string[]): void {
  sharedLivePrefetch(reportScreenLive(db, candidateIds));
}
