import { useMemo } from 'react';
import { audienceCandidateText, audienceDocumentTitle, audienceFileName, audienceOf, audienceReport, type Audience } from '../../../core/audience/audiencePolicy';
import { interviewIsSealed, interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import type { ReportAudience } from '../../../core/report/reportBuild';
import { href } from '../../app/router';
import { ReportView } from './ReportView';
import { DecisionPanel } from './DecisionPanel';
import { useReportScreen } from './useReportScreen';
import { audienceRouteQuery, blindModeExplanation } from './useAudience';
import { BlindModeToggle } from './BlindModeToggle';
import { usePdfExport } from './usePdfExport';
import { dateToday } from './dateToday';
import { useAfterFirstPaint } from '../../hooks/useAfterFirstPaint';

/** One candidate's calibrated report, the committee's decision, and the PDF exports. */
export function ReportScreen({ candidateId, audience: kind }: { candidateId: string; audience: ReportAudience }) {
  const { pdfExport, failureAlert, progressStatus } = usePdfExport();
  const ids = useMemo(() => [candidateId], [candidateId]);
  const { me, isBlind, reports, evidence, pack, isLoading, isCalibrating, isRecalculating } = useReportScreen(ids, kind);
  const built = reports?.[0];
  // The first frame shows the report's top; the rest of it and the decision form follow.
  const isWhole = useAfterFirstPaint(true);

  if (isLoading) return <p className="page muted">Loading…</p>;
  if (!pack) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>No report</h1>
          <p>This candidate has no loop with a loaded rubric pack yet. Plan a loop from the candidate's page.</p>
          <a href={href('candidates', candidateId)}>Open the candidate</a>
        </section>
      </div>
    );
  }
  if (isCalibrating && evidence?.interviews.some((i) => i.candidateId === candidateId && interviewIsSealed(i))) {
    return (
      <p className="page muted" role="status">
        Calibrating the pool for the first time… The report opens when it is done.
      </p>
    );
  }
  if (!built || !evidence) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>No report yet</h1>
          <p>Reports are built from sealed scorecards. None has been submitted for this candidate.</p>
        </section>
      </div>
    );
  }
  const candidateInterviews = evidence.interviews.filter((i) => i.candidateId === candidateId);
  const audience: Audience = interviewPeersVisible(me?.id ?? null, candidateInterviews)
    ? audienceOf(kind, isBlind)
    : 'panelist-unsealed';
  const visible = audienceReport(built, audience);
  if (!visible.ok) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>Submit your own scorecard first</h1>
          <p>{visible.reason}</p>
          <a href="#/today">Back to Today</a>
        </section>
      </div>
    );
  }
  const report = visible.report;
  const loopId = evidence.loops.filter((l) => l.candidateId === candidateId).at(-1)?.id ?? null;
  const exportPdf = async (which: ReportAudience) => {
    const title = audienceDocumentTitle([report.candidate], audienceOf(which, isBlind), report.pack.role, dateToday());
    await pdfExport(
      { route: `#/print/report/${candidateId}?${audienceRouteQuery(which, isBlind)}`, fileName: audienceFileName(title) },
      (savedTo) => `PDF sent to ${savedTo}.`,
    );
  };

  return (
    <div className="page">
      <div className="page-header no-print">
        <span className="muted">
          {report.pack.title} {report.pack.version} · inputs <span data-testid="inputs-hash">{report.inputsHash.slice(0, 16)}</span>
          {isRecalculating && (
            <span role="status" data-testid="recalculating">
              {' '}
              · calibration being updated for new evidence
            </span>
          )}
        </span>
        <div className="actions">
          <BlindModeToggle isBlind={isBlind} />
          <a className="button" href={`${href('reports', candidateId)}?audience=${kind === 'committee' ? 'recruiter' : 'committee'}`}>
            {kind === 'committee' ? 'View recruiter summary' : 'View committee packet'}
          </a>
          <button type="button" onClick={() => void exportPdf('committee')}>
            Export committee packet (PDF)
          </button>
          <button type="button" onClick={() => void exportPdf('recruiter')}>
            Export recruiter summary (PDF)
          </button>
        </div>
      </div>
      {failureAlert}
      {progressStatus}
      {isBlind && (
        <p className="muted small no-print" data-testid="blind-mode-note">
          {blindModeExplanation}
        </p>
      )}
      <ReportView report={report} isBlind={isBlind} isTopOnly={!isWhole} />
      {isWhole && (
        <DecisionPanel report={report} loopId={loopId} me={me} audienceText={(text) => audienceCandidateText(text, built.candidate, audience)} />
      )}
    </div>
  );
}
