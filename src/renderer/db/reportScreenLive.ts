/**
 * The report screen's live read: who is looking, blind mode, the candidate's evidence with the
 * pack their loops pin, the audit head and the pack's stored pool statistics — everything the
 * first frame of a report needs, in two round trips, shared (`sharedLive`) so the route starts it
 * while the screen's code loads and the screen picks it up.
 */
import type { Interviewer } from '../../core/model/records';
import type { ReportEvidence } from '../../core/report/reportBuild';
import { blindModeIsOn } from './actions/audienceActions';
import type { AppDb } from './appDb';
import { poolStatsSettingPrefix, type PoolStatsEntry } from './poolStats';
import { profileCurrent } from './profileRead';
import { reportCandidateRead } from './reportEvidenceRead';
import { sharedLive, sharedLivePrefetch, type SharedLive } from './sharedLive';

export interface ReportScreenData {
  me: Interviewer | null;
  isBlind: boolean;
  /** The pack the candidate's loops pin (the last loop's), else their role's; null: none. */
  packId: string | null;
  packHash: string | null;
  /** The candidate's evidence under that pack; undefined when there is no pack. */
  evidence: ReportEvidence | undefined;
  /** The audit log's last entry (what the statistics' key is of), undefined for an empty log. */
  auditHead: { seq: number; hash: string } | undefined;
  /** Every pack's stored pool statistics (current or not), by pack id: one or two entries. */
  poolStats: ReadonlyMap<string, PoolStatsEntry>;
}

export async function reportScreenRead(db: AppDb, candidateId: string): Promise<ReportScreenData> {
  const [me, isBlind, read, head, stats] = await Promise.all([
    profileCurrent(db),
    blindModeIsOn(db),
    reportCandidateRead(db, candidateId),
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

/** The live read of a candidate's report screen; `generation` makes a new query (after a refresh in a worker). */
export function reportScreenLive(db: AppDb, candidateId: string, generation = 0): SharedLive<ReportScreenData> {
  return sharedLive(`report\u0000${db.name}\u0000${candidateId}\u0000${generation}`, () => reportScreenRead(db, candidateId));
}

/** Starts a report screen's read now, for the screen to take over when its code has loaded. */
export function reportScreenPrefetch(db: AppDb, candidateId: string): void {
  sharedLivePrefetch(reportScreenLive(db, candidateId));
}
