import { useLiveQuery } from 'dexie-react-hooks';
import { audienceOf, audienceReport } from '../../../core/audience/audiencePolicy';
import { reportScorecard, scorecardAccess } from '../../../core/report/reportScorecard';
import { appDb } from '../../db/dbContext';
import { useMe } from '../../db/hooks';
import { href } from '../../app/router';
import { useCandidateReport } from './useReportData';
import { useBlindMode } from './useAudience';
import { ScorecardView } from './ScorecardView';

/**
 * A sealed scorecard, read-only, for the committee and for panelists who have sealed their own
 * scorecard of the candidate (`scorecardAccess` decides). Amendments are read from the sealed
 * versions, each with its reason.
 */
export function ScorecardScreen({ interviewId }: { interviewId: string }) {
  const me = useMe();
  const isBlind = useBlindMode();
  const found = useLiveQuery(async () => {
    const db = appDb();
    const interview = await db.interviews.get(interviewId);
    if (!interview) return { interview: null, panel: [], versions: [] };
    const [panel, versions] = await Promise.all([
      db.interviews.where('candidateId').equals(interview.candidateId).toArray(),
      db.interviewVersions.where('interviewId').equals(interviewId).sortBy('version'),
    ]);
    return { interview, panel, versions: versions.map((v) => ({ version: v.version, sealedAt: v.sealedAt, reason: v.reason })) };
  }, [interviewId]);
  const { report } = useCandidateReport(found?.interview?.candidateId ?? '', 'committee');

  if (found === undefined || me === undefined || isBlind === undefined) return <p className="page muted">Loading…</p>;
  if (!found.interview) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>No such scorecard</h1>
          <p>It may have been erased with its candidate.</p>
        </section>
      </div>
    );
  }
  const access = scorecardAccess(me?.id ?? null, found.interview, found.panel);
  if (!access.ok) {
    return (
      <div className="page">
        <section className="empty-state" data-testid="scorecard-refused">
          <h1>This scorecard is not open to you yet</h1>
          <p>{access.reason}</p>
          <a href="#/today">Back to Today</a>
        </section>
      </div>
    );
  }
  if (!report) return <p className="page muted">Loading…</p>;
  const visible = audienceReport(report, audienceOf('committee', isBlind));
  const scorecard = visible.ok ? reportScorecard(visible.report, interviewId) : null;
  if (!scorecard) return <p className="page muted">This scorecard has no sealed evidence with a loaded rubric pack.</p>;
  return (
    <div className="page">
      <p className="no-print">
        <a href={href('reports', found.interview.candidateId)}>← Report for {scorecard.candidate.name}</a>
      </p>
      <ScorecardView scorecard={scorecard} amendments={found.versions} />
    </div>
  );
}
