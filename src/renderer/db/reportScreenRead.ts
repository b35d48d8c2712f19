/**
 * What the first frame of a report (or a print batch) needs, in one read: who is looking, blind
 * mode, the candidates' evidence with the pack the first one's loops pin, the audit head and the
 * stored pool statistics — two round trips for one candidate (three for a batch). Written over
 * `RowsRead`, so the report screen reads it live through Dexie (`reportScreenLive`) and a print
 * window as a snapshot from its first script (`printPageRead`), the same rows either way.
 */
import type { Interviewer } from '../../core/model/records';
import type { ReportEvidence } from '../../core/report/reportBuild';
import { blindModeIsOnFrom } from './actions/audienceActions';
import type { AuditRow, SettingRow } from './appDb';
import { poolStatsEntryOf, poolStatsSettingPrefix, type PoolStatsEntry } from './poolStatsKey';
import { profileCurrentFrom } from './profileRead';
import { reportCandidateRead, reportEvidenceOfCandidates, reportEvidenceTableNames } from './reportEvidenceRead';
import type { RowsRead, RowsReadTable } from './rowsRead';

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

/** Every table `reportScreenRead` reads. */
export const reportScreenTables: readonly RowsReadTable[] = ['settings', 'audit', ...reportEvidenceTableNames];

export async function reportScreenRead(rows: RowsRead, candidateIds: readonly string[]): Promise<ReportScreenData> {
  const [me, isBlind, read, head, stats] = await Promise.all([
    profileCurrentFrom(rows),
    blindModeIsOnFrom(rows),
    candidatesRead(rows, candidateIds),
    rows.last<AuditRow>('audit'),
    rows.withKeyPrefix<SettingRow>('settings', poolStatsSettingPrefix),
  ]);
  return {
    me,
    isBlind,
    ...read,
    auditHead: head && { seq: head.seq, hash: head.hash },
    poolStats: new Map(
      stats.flatMap((row) => {
        const entry = poolStatsEntryOf(row.value);
        return entry ? [[row.key.slice(poolStatsSettingPrefix.length), entry] as const] : [];
      }),
    ),
  };
}

/** The evidence of one candidate (`reportCandidateRead`) or of a batch, under the first one's pack. */
async function candidatesRead(rows: RowsRead, candidateIds: readonly string[]): ReturnType<typeof reportCandidateRead> {
  const [first, ...others] = candidateIds;
  if (first === undefined) return { packId: null, packHash: null, evidence: undefined };
  const read = await reportCandidateRead(rows, first);
  if (others.length === 0 || !read.packId) return read;
  return { ...read, evidence: await reportEvidenceOfCandidates(rows, read.packId, candidateIds) };
}
