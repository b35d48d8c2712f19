import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Calibration } from '../../../core/calibration/calibrateRatings';
import { reportBuild, reportPoolCalibration, type CandidateReport, type ReportAudience, type ReportEvidence } from '../../../core/report/reportBuild';
import { appDb } from '../../db/dbContext';
import { usePacks, type LoadedPack } from '../../hooks/usePacks';

/**
 * Everything reports of one pack are computed from: the pack's loops and their interviews, and
 * the evidence of the sealed ones. Read live, so a newly sealed scorecard updates the report.
 */
export function usePackEvidence(packId: string | undefined): ReportEvidence | undefined {
  return useLiveQuery(async () => {
    if (!packId) return undefined;
    const db = appDb();
    const loops = await db.loops.where('packId').equals(packId).toArray();
    const loopIds = loops.map((l) => l.id);
    const interviews = await db.interviews.where('loopId').anyOf(loopIds).toArray();
    const sealedIds = interviews.filter((i) => i.status === 'submitted' || i.status === 'amended').map((i) => i.id);
    const [candidates, interviewers, ratings, notes, signalTags, defectFindings, incidentRuns] = await Promise.all([
      db.candidates.bulkGet([...new Set(loops.map((l) => l.candidateId))]),
      db.interviewers.toArray(),
      db.ratings.where('interviewId').anyOf(sealedIds).toArray(),
      db.notes.where('interviewId').anyOf(sealedIds).toArray(),
      db.signalTags.where('interviewId').anyOf(sealedIds).toArray(),
      db.defectFindings.where('interviewId').anyOf(sealedIds).toArray(),
      db.incidentRuns.where('interviewId').anyOf(sealedIds).toArray(),
    ]);
    return {
      candidates: candidates.filter((c): c is NonNullable<typeof c> => !!c),
      loops,
      interviews,
      interviewers,
      ratings,
      notes,
      signalTags,
      defectFindings,
      incidentRuns,
    };
  }, [packId]);
}

export function usePoolCalibration(pack: LoadedPack | undefined, evidence: ReportEvidence | undefined): Calibration | undefined {
  return useMemo(() => (pack && evidence ? reportPoolCalibration(pack, evidence) : undefined), [pack, evidence]);
}

/** The pack a candidate is assessed with: the one their loops pin, else their role's pack. */
export function useCandidatePack(candidateId: string): { pack: LoadedPack | undefined; isLoading: boolean } {
  const packs = usePacks();
  const pinned = useLiveQuery(async () => {
    const db = appDb();
    const loop = await db.loops.where('candidateId').equals(candidateId).last();
    const candidate = await db.candidates.get(candidateId);
    return { packId: loop?.packId ?? candidate?.packId ?? null, packHash: loop?.packHash ?? null };
  }, [candidateId]);
  if (!pinned) return { pack: undefined, isLoading: true };
  const pack =
    packs.find((p) => p.manifest.id === pinned.packId && p.hash === pinned.packHash) ??
    packs.find((p) => p.manifest.id === pinned.packId);
  return { pack, isLoading: packs.length === 0 };
}

export function useCandidateReport(
  candidateId: string,
  audience: ReportAudience,
): { report: CandidateReport | undefined; pack: LoadedPack | undefined; evidence: ReportEvidence | undefined; isLoading: boolean } {
  const { pack, isLoading } = useCandidatePack(candidateId);
  const evidence = usePackEvidence(pack?.manifest.id);
  const calibration = usePoolCalibration(pack, evidence);
  const report = useMemo(() => {
    if (!pack || !evidence || !calibration) return undefined;
    if (!evidence.candidates.some((c) => c.id === candidateId)) return undefined;
    return reportBuild({ pack, candidateId, evidence, calibration, audience });
  }, [pack, evidence, calibration, candidateId, audience]);
  return { report, pack, evidence, isLoading: isLoading || (!!pack && !evidence) };
}
