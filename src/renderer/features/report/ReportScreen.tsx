import { interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import type { ReportAudience } from '../../../core/report/reportBuild';
import { useMe } from '../../db/hooks';
import { useAppStore } from '../../stores/appStore';
import { desktopApi } from '../../platform/desktopApi';
import { href } from '../../app/router';
import { ReportView } from './ReportView';
import { DecisionPanel } from './DecisionPanel';
import { useCandidateReport } from './useReportData';
import { blindLabel } from './blindLabel';

/** One candidate's calibrated report, the committee's decision, and the PDF exports. */
export function ReportScreen({ candidateId, audience }: { candidateId: string; audience: ReportAudience }) {
  const me = useMe();
  const isBlind = useAppStore((s) => s.isBlindMode);
  const noticeShow = useAppStore((s) => s.noticeShow);
  const { report, evidence, pack, isLoading } = useCandidateReport(candidateId, audience);

  if (isLoading || me === undefined) return <p className="page muted">Loading…</p>;
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
  if (!report || !evidence) {
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
  if (!interviewPeersVisible(me?.id ?? null, candidateInterviews)) {
    return (
      <div className="page">
        <section className="empty-state">
          <h1>Submit your own scorecard first</h1>
          <p>
            You are on this candidate's panel and have not sealed your interview yet. The report shows colleagues' ratings,
            so it stays hidden until you have scored independently.
          </p>
          <a href="#/today">Back to Today</a>
        </section>
      </div>
    );
  }
  const loopId = evidence.loops.filter((l) => l.candidateId === candidateId).at(-1)?.id ?? null;
  const name = isBlind ? blindLabel(candidateId) : report.candidate.name;
  const exportPdf = async (which: ReportAudience) => {
    const result = await (await desktopApi()).exportPdf({
      route: `#/print/report/${candidateId}?audience=${which}`,
      fileName: `${name.replace(/[^\p{L}\p{N} .-]/gu, '')} - ${which === 'committee' ? 'committee packet' : 'recruiter summary'}.pdf`,
    });
    if (result.ok) noticeShow('info', `PDF sent to ${result.savedTo}.`);
    else if (result.reason !== 'cancelled') noticeShow('error', result.message);
  };

  return (
    <div className="page">
      <div className="page-header no-print">
        <span className="muted">
          {report.pack.title} {report.pack.version} · inputs <span data-testid="inputs-hash">{report.inputsHash.slice(0, 16)}</span>
        </span>
        <div className="actions">
          <a
            className="button"
            href={`${href('reports', candidateId)}?audience=${audience === 'committee' ? 'recruiter' : 'committee'}`}
          >
            {audience === 'committee' ? 'View recruiter summary' : 'View committee packet'}
          </a>
          <button type="button" onClick={() => void exportPdf('committee')}>
            Export committee packet (PDF)
          </button>
          <button type="button" onClick={() => void exportPdf('recruiter')}>
            Export recruiter summary (PDF)
          </button>
        </div>
      </div>
      <ReportView report={report} isBlind={isBlind} />
      <DecisionPanel report={report} loopId={loopId} />
    </div>
  );
}
