import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  reportBuild,
  reportObservations,
  type CandidateReport,
  type ReportAudience,
  type ReportEvidence,
} from '../../../core/report/reportBuild';
import type { CalibrationPoolStats } from '../../../core/calibration/calibrationTypes';
import type { AppDb } from '../../db/appDb';
import { appDb } from '../../db/dbContext';
import { reportCandidateRead } from '../../db/reportEvidenceRead';
import { rowsReadOf } from '../../db/rowsRead';
import { usePacks, type LoadedPack } from '../../hooks/usePacks';
import { calibrationFromPoolStats } from '../../../core/calibration/calibrationFromPoolStats';
import { usePoolStats } from './usePoolStats';

/** The pack a candidate is assessed with (by id and content hash): the one their loops pin, else their role's pack. */
async function candidatePackPinned(
  db: AppDb,
  candidateId: string,
): Promise<{ packId: string | null; packHash: string | null }> {
  const [loop, candidate] = await Promise.all([
    db.loops.where('candidateId').equals(candidateId).last(),
    db.candidates.get(candidateId),
  ]);
  return { packId: loop?.packId ?? candidate?.packId ?? null, packHash: loop?.packHash ?? null };
}

/** The pack a candidate is assessed with: the one their loops pin, else their role's pack. */
export function useCandidatePack(candidateId: string): {
  pack: LoadedPack | undefined;
  /** The pack's id as the candidate's loops pin it, known before the packs are loaded. */
  packId: string | null | undefined;
  isLoading: boolean;
} {
  const packs = usePacks();
  const pinned = useLiveQuery(() => candidatePackPinned(appDb(), candidateId), [candidateId]);
  if (!pinned) return { pack: undefined, packId: undefined, isLoading: true };
  const pack =
    packs.find((p) => p.manifest.id === pinned.packId && p.hash === pinned.packHash) ??
    packs.find((p) => p.manifest.id === pinned.packId);
  return { pack, packId: pinned.packId, isLoading: packs.length === 0 };
}

/** Each candidate calibrated from their own ratings and the pool statistics; undefined until all are in. */
export function reportsBuilt(
  pack: LoadedPack | undefined,
  evidence: ReportEvidence | undefined,
  stats: CalibrationPoolStats | undefined,
  candidateIds: readonly string[],
  audience: ReportAudience,
): CandidateReport[] | undefined {
  if (!pack || !evidence || !stats) return undefined;
  const calibration = calibrationFromPoolStats(stats, reportObservations(evidence.interviews, evidence.ratings));
  return candidateIds
    .filter((id) => evidence.candidates.some((c) => c.id === id))
    .map((candidateId) => reportBuild({ pack, candidateId, evidence, calibration, audience }));
}

export function useCandidateReport(
  candidateId: string,
  audience: ReportAudience,
): {
  report: CandidateReport | undefined;
  pack: LoadedPack | undefined;
  evidence: ReportEvidence | undefined;
  isLoading: boolean;
  isRecalculating: boolean;
} {
  const { pack, isLoading } = useCandidatePack(candidateId);
  const ids = useMemo(() => [candidateId], [candidateId]);
  // The evidence is read side by side with the pack's resolution (the candidate's loops, read
  // once, give both), and the pool statistics as soon as the pack is known.
  const read = useLiveQuery(() => reportCandidateRead(rowsReadOf(appDb()), candidateId), [candidateId]);
  const evidence = pack && read?.packId === pack.manifest.id ? read.evidence : undefined;
  const { stats, isRecalculating } = usePoolStats(pack);
  const reports = useMemo(
    () => reportsBuilt(pack, evidence, stats, ids, audience),
    [pack, evidence, stats, ids, audience],
  );
  return { report: reports?.[0], pack, evidence, isLoading: isLoading || (!!pack && !evidence), isRecalculating };
}
