import type { CandidateReport, ReportSignal } from '../../../core/report/reportBuild';
import { clockText } from '../../../core/text/clockText';
import { SignalBadge } from '../../components/SignalBadge';
import { ProfileChart } from './ProfileChart';
import { RecommendationPanel } from './RecommendationPanel';
import { DecisionSummary } from './DecisionSummary';
import { InterviewerTable } from './InterviewerTable';
import { EvidenceByDimension } from './EvidenceByDimension';
import { ReliabilitySection } from './ReliabilitySection';
import { AnchoringAuditSection } from './AnchoringAuditSection';
import './report.css';

const fmt = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));
/** Flags in words that do not contradict each other ("single rater, low agreement" did). */
function flagsText(p: CandidateReport['profile'][number]): string {
  return p.flags
    .map((f) =>
      f === 'single-rater'
        ? 'one interviewer only'
        : f === 'low-agreement'
          ? p.raters > 1 && p.spread && p.spread.max - p.spread.min >= 2
            ? 'interviewers differ by 2+ points'
            : 'panel agrees poorly on this dimension'
          : f === 'no-evidence'
            ? 'no evidence'
            : f,
    )
    .join('; ');
}

function SignalItem({ signal, levelTitle }: { signal: ReportSignal; levelTitle: (id: string) => string }) {
  return (
    <li className="report-signal">
      <div>
        <SignalBadge polarity={signal.polarity} /> <strong>{signal.title}</strong>{' '}
        <span className="muted">
          · {signal.kitTitle} · {signal.interviewerName}
          {signal.sources.includes('incident') ? (signal.sources.length > 1 ? ' · tagged, and derived by the incident simulation' : ' · derived by the incident simulation') : ''}
          {signal.levelCap ? ` · caps the level at ${levelTitle(signal.levelCap)}` : ''}
        </span>
      </div>
      {signal.evidence.length === 0 ? (
        <p className="muted">No evidence visible to this audience.</p>
      ) : (
        <ul className="evidence">
          {signal.evidence.map((e, i) => (
            <li key={i}>
              <span className="mono muted">{clockText(e.at)}</span> {e.text}
              {e.isPrivate && <span className="badge">private note</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The candidate report body, shared by the screen and the print route. Red flags first; raw and
 * calibrated numbers always side by side; every signal with the notes that evidence it.
 */
export function ReportView({
  report,
  hasReliability = true,
  isTopOnly = false,
}: {
  report: CandidateReport;
  isBlind?: boolean;
  /** False in a batch packet, whose comparison page holds the (pool-wide) reliability once. */
  hasReliability?: boolean;
  /**
   * Only the top (header, decision, recommendation and scores, red flags): the report screen's
   * first frame, the sections from the dimension profile on following in the next task
   * (`useAfterFirstPaint`). The print route renders the whole report at once.
   */
  isTopOnly?: boolean;
}) {
  // The audience policy has already replaced the name with the blind label where it applies.
  const name = report.candidate.name;
  const levelTitle = (id: string) => report.levels.find((l) => l.id === id)?.title ?? id;
  return (
    <article className="report" aria-label={`Report for ${name}`}>
      <header className="report-head">
        <h1>{name}</h1>
        <p className="muted">
          {report.pack.role} · target {report.candidate.targetLevelTitle}
          {report.candidate.email ? ` · ${report.candidate.email}` : ''} · {report.interviewCount} sealed
          interview{report.interviewCount === 1 ? '' : 's'}
          {report.pendingInterviews > 0 ? ` · ${report.pendingInterviews} still missing` : ''} ·{' '}
          {report.audience === 'recruiter' ? 'recruiter summary (no private notes)' : 'committee packet'}
        </p>
      </header>

      <div className="report-top">
        {/* The decision comes first in the document, so a printed packet has it on page one. */}
        <DecisionSummary decisions={report.decisions} />
        <RecommendationPanel report={report} />
      </div>

      <section aria-labelledby="redflags-title" className="report-section report-flags">
        <h2 id="redflags-title">Red flags</h2>
        {report.signals.redFlag.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul className="report-signals">
            {report.signals.redFlag.map((s, i) => (
              <SignalItem key={s.signalId + i} signal={s} levelTitle={levelTitle} />
            ))}
          </ul>
        )}
      </section>

      {!isTopOnly && <ReportRest report={report} hasReliability={hasReliability} levelTitle={levelTitle} />}
    </article>
  );
}

/** The report below its top: the dimension profile, per interviewer, signals, exercises, evidence, reliability. */
function ReportRest({
  report,
  hasReliability,
  levelTitle,
}: {
  report: CandidateReport;
  hasReliability: boolean;
  levelTitle: (id: string) => string;
}) {
  return (
    <>
      <section aria-labelledby="profile-title" className="report-section">
        <h2 id="profile-title">Dimension profile</h2>
        <div className="profile-grid">
          <ProfileChart rows={report.profile} targetLevelTitle={report.candidate.targetLevelTitle} />
          <table aria-label="Dimension profile" className="profile-table">
            <thead>
              <tr>
                <th>Dimension</th>
                <th className="num">Raw</th>
                <th className="num">Calibrated</th>
                <th className="num">Interval</th>
                <th className="num">Raters</th>
                <th className="num">Min. at target</th>
                <th>Flags</th>
              </tr>
            </thead>
            <tbody>
              {report.profile.map((p) => (
                <tr key={p.dimensionId}>
                  <th scope="row">{p.title}</th>
                  <td className="num">{fmt(p.raw)}</td>
                  <td className="num">{fmt(p.calibrated)}</td>
                  <td className="num">{p.interval ? `${p.interval[0].toFixed(2)}–${p.interval[1].toFixed(2)}` : '–'}</td>
                  <td className="num">
                    {p.raters}
                    {p.noEvidence > 0 ? ` (+${p.noEvidence} no ev.)` : ''}
                  </td>
                  <td className="num">{p.expectedAtTarget ?? '–'}</td>
                  <td>{flagsText(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <InterviewerTable report={report} />

      {report.anchoring && <AnchoringAuditSection anchoring={report.anchoring} />}

      <section aria-labelledby="signals-title" className="report-section">
        <h2 id="signals-title">Strong and weak signals</h2>
        {report.signals.strong.length + report.signals.weak.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul className="report-signals">
            {[...report.signals.strong, ...report.signals.weak].map((s, i) => (
              <SignalItem key={s.signalId + i} signal={s} levelTitle={levelTitle} />
            ))}
          </ul>
        )}
      </section>

      {(report.exercises.length > 0 || report.incidents.length > 0) && (
        <section aria-labelledby="exercises-title" className="report-section">
          <h2 id="exercises-title">Exercises and incident simulation</h2>
          {report.exercises.map((e) => (
            <div key={e.interviewId} className="report-exercise">
              <h3>
                {e.title} <span className="muted">· {e.interviewerName}</span>
              </h3>
              <p>
                Found {e.found} of {e.total} planted defects · severity-weighted {Math.round(e.weightedScore * 100)}%.
              </p>
              {e.missedDefects.length > 0 && (
                <p className="muted">
                  Missed: {e.missedDefects.map((d) => `${d.title} (${d.severity})`).join('; ')}
                </p>
              )}
            </div>
          ))}
          {report.incidents.map((inc) => (
            <div key={inc.interviewId} className="report-incident" data-testid="incident-outcome">
              <h3>
                {inc.title} <span className="muted">· {inc.interviewerName}</span>
              </h3>
              <table aria-label={`Incident outcome: ${inc.title}`}>
                <tbody>
                  <tr>
                    <th scope="row">Acknowledge / first communication / mitigate / resolve</th>
                    <td className="mono">
                      {[inc.outcome.timeToAcknowledgeMs, inc.outcome.timeToFirstCommunicationMs, inc.outcome.timeToMitigateMs, inc.outcome.timeToResolveMs]
                        .map((v) => (v === null ? 'never' : clockText(v)))
                        .join(' / ')}
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">Communications (mean / longest gap)</th>
                    <td>
                      {inc.outcome.communicationCount} (
                      {inc.outcome.communicationCadence.meanGapMs === null ? '–' : clockText(inc.outcome.communicationCadence.meanGapMs)} /{' '}
                      {inc.outcome.communicationCadence.maxGapMs === null ? '–' : clockText(inc.outcome.communicationCadence.maxGapMs)})
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">User impact / error budget burned</th>
                    <td>
                      {inc.outcome.userImpactMinutes.toFixed(1)} min / {(inc.outcome.errorBudgetBurned * 100).toFixed(1)}% of{' '}
                      {inc.outcome.errorBudgetMinutes.toFixed(0)} min
                    </td>
                  </tr>
                  <tr>
                    <th scope="row">Milestones</th>
                    <td>
                      {inc.outcome.milestones
                        .map((m) => `${m.met ? '✓' : '✗'} ${m.title} (target ${clockText(m.targetMs)}, ${m.hitAt === null ? 'not hit' : `hit ${clockText(m.hitAt)}`})`)
                        .join(' · ')}
                    </td>
                  </tr>
                </tbody>
              </table>
            </div>
          ))}
        </section>
      )}

      <EvidenceByDimension report={report} />

      {hasReliability && <ReliabilitySection reliability={report.reliability} />}
    </>
  );
}
