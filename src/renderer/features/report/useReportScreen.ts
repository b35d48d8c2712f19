import { use, useMemo, useState } from 'react';
import { useObservable } from 'dexie-react-hooks';
import type { Interviewer } from '../../../core/model/records';
import type { CandidateReport, ReportAudience, ReportEvidence } from '../../../core/report/reportBuild';
import { appDb } from '../../db/dbContext';
import { poolStatsKeyOf, poolStatsPackOf } from '../../db/poolStatsKey';
import { reportScreenLive } from '../../db/reportScreenLive';
import { usePacks, type LoadedPack } from '../../hooks/usePacks';
import { reportsBuilt } from './useReportData';
import { useStaleRefresh } from './useStaleRefresh';

export interface ReportScreenState {
  me: Interviewer | null;
  isBlind: boolean;
  pack: LoadedPack | undefined;
  evidence: ReportEvidence | undefined;
  /** Built once the evidence and some pool statistics are in, in the order asked (candidates with none left out). */
  reports: CandidateReport[] | undefined;
  /** The audit log's last entry's hash (null: an empty log). */
  auditHeadHash: string | null;
  /** The rubric packs have not loaded yet. */
  isLoading: boolean;
  /** No pool statistics were ever computed for the pack (a new database): the first are on their way. */
  isCalibrating: boolean;
  /** Evidence changed since the statistics shown were computed; newer ones are on their way. */
  isRecalculating: boolean;
}

/**
 * Everything the report screen (or the print route) shows of some candidates, from one live read
 * (`reportScreenLive`) that the route may have started already. Until its first result the screen
 * suspends, so the screen before stays on view and the report's first frame is the whole report,
 * not "Loading…". `candidateIds` must keep its identity while the ids are the same.
 */
export function useReportScreen(candidateIds: readonly string[], audience: ReportAudience): ReportScreenState {
  const packs = usePacks();
  const [generation, setGeneration] = useState(0);
  const live = useMemo(() => reportScreenLive(appDb(), candidateIds, generation), [candidateIds, generation]);
  // Suspends until the read's first result (at once when it is in: the promise is marked settled).
  // Called on every render, before the hooks below, so a render replayed after the suspension
  // calls the same hooks in the same order.
  const firstResult = use(live.first());
  const data = useObservable(() => live, [live]) ?? live.getValue() ?? firstResult;

  const pack =
    packs.find((p) => p.manifest.id === data.packId && p.hash === data.packHash) ??
    packs.find((p) => p.manifest.id === data.packId);
  // Evidence read for a pinned id the loaded pack turned out not to be is not this pack's.
  const evidence = pack && data.packId === pack.manifest.id ? data.evidence : undefined;
  const stored = pack ? data.poolStats.get(pack.manifest.id) : undefined;
  const key = pack ? poolStatsKeyOf(poolStatsPackOf(pack), data.auditHead) : null;
  const isStale = !!pack && stored?.key !== key;
  // The worker's write usually reaches the live read itself (Dexie tells other contexts of a
  // change): when the latest result already holds the statistics of that state, no second read
  // and no second render of the whole report.
  const isShownCurrent = () => !!pack && live.getValue()?.poolStats.get(pack.manifest.id)?.key === key;
  useStaleRefresh(
    isStale ? key : null,
    // A worker computes and stores the statistics; the next read is started before it is shown, so
    // the report stays on view meanwhile — only while it is on view (a report already left would
    // read its evidence again for nothing, beside the next screen's read).
    (isCurrent) =>
      import('../../db/poolStatsRefresh')
        .then((m) => m.poolStatsRefresh(appDb(), poolStatsPackOf(pack!)))
        .then(() =>
          isCurrent() && !isShownCurrent() ? reportScreenLive(appDb(), candidateIds, generation + 1).first() : undefined,
        )
        .then(() => undefined),
    () => {
      if (!isShownCurrent()) setGeneration((n) => n + 1);
    },
  );
  const stats = stored?.stats;
  const reports = useMemo(
    () => reportsBuilt(pack, evidence, stats, candidateIds, audience),
    [pack, evidence, stats, candidateIds, audience],
  );
  return {
    me: data.me,
    isBlind: data.isBlind,
    pack,
    evidence,
    reports,
    auditHeadHash: data.auditHead?.hash ?? null,
    isLoading: packs.length === 0,
    isCalibrating: !!pack && !stats,
    isRecalculating: isStale && !!stats,
  };
}
