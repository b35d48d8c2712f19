import type { CandidateReport } from '../../../core/report/reportBuild';
import { SignalBadge } from '../../components/SignalBadge';
import { recommendationHeadline } from './RecommendationPanel';
import { DecisionSummary } from './DecisionSummary';
import './report.css';

const unique = (items: string[]) => [...new Set(items)];

/**
 * The recruiter summary: one or two pages — the recommendation, the committee's decision,
 * strengths, concerns and open questions. No note text at all (so no private note can reach it);
 * signals by title, dimensions by their calibrated rating against the target level.
 */
export function RecruiterSummaryView({ report }: { report: CandidateReport }) {
  const rec = report.recommendation;
  const target = report.candidate.targetLevelTitle;
  const above = report.profile.filter((p) => p.calibrated !== null && p.expectedAtTarget !== null && p.calibrated >= p.expectedAtTarget + 0.5);
  const below = report.profile.filter((p) => p.calibrated !== null && p.expectedAtTarget !== null && p.calibrated < p.expectedAtTarget);
  const strengths = [
    ...unique(report.signals.strong.map((s) => s.title)).map((t) => ({ key: `s:${t}`, text: t, polarity: 'strong' as const })),
    ...above.map((p) => ({ key: `d:${p.dimensionId}`, text: `${p.title}: ${p.calibrated!.toFixed(1)} (${target} needs ${p.expectedAtTarget})`, polarity: 'strong' as const })),
  ];
  const concerns = [
    ...unique(report.signals.redFlag.map((s) => s.title)).map((t) => ({ key: `r:${t}`, text: t, polarity: 'red-flag' as const })),
    ...unique(report.signals.weak.map((s) => s.title)).map((t) => ({ key: `w:${t}`, text: t, polarity: 'weak' as const })),
    ...below.map((p) => ({ key: `d:${p.dimensionId}`, text: `${p.title}: ${p.calibrated!.toFixed(1)} (${target} needs ${p.expectedAtTarget})`, polarity: 'weak' as const })),
  ];
  const questions = [
    ...rec.missing.map((m) => `Missing: ${m.detail}.`),
    ...(rec.capNote ? [rec.capNote] : []),
    ...rec.whatWouldChange.filter((w) => w.direction === 'down').map((w) => `${report.profile.find((p) => p.dimensionId === w.dimensionId)?.title}: interviewers differ; more evidence could move it below ${report.levels.find((l) => l.id === w.level)?.title ?? w.level}.`),
    ...report.interviewers.flatMap((i) => (i.overall?.disagreement ? [`${i.name}: ${i.overall.disagreement}`] : [])),
    ...(report.pendingInterviews > 0 ? [`${report.pendingInterviews} planned scorecard${report.pendingInterviews === 1 ? ' is' : 's are'} not in yet.`] : []),
  ];
  return (
    <article className="report recruiter-summary" aria-label={`Recruiter summary for ${report.candidate.name}`} data-testid="recruiter-summary">
      <header className="report-head">
        <h1>{report.candidate.name}</h1>
        <p className="muted">
          {report.pack.role} · target {target} · {report.interviewCount} sealed interview{report.interviewCount === 1 ? '' : 's'} · recruiter summary (no
          notes)
        </p>
      </header>
      <div className="report-top">
        <DecisionSummary decisions={report.decisions} />
        <section className="panel report-rec" aria-labelledby="rs-rec">
          <h2 id="rs-rec">Recommendation (mechanical)</h2>
          <p className="rec-level">{recommendationHeadline(report)}</p>
          {rec.committeeReview && (
            <p>
              <SignalBadge polarity="red-flag" label="Committee review required" />
            </p>
          )}
          <p className="muted small">
            Interviewers overall:{' '}
            {report.interviewers.map((i) => `${i.name} ${i.overall ? i.overall.label : '–'}`).join(' · ')}
          </p>
        </section>
      </div>
      <section className="report-section" aria-labelledby="rs-strengths">
        <h2 id="rs-strengths">Strengths</h2>
        {strengths.length === 0 ? <p className="muted">None stood out.</p> : (
          <ul className="summary-list">
            {strengths.map((s) => (
              <li key={s.key}>
                <SignalBadge polarity={s.polarity} label="" /> {s.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="report-section" aria-labelledby="rs-concerns">
        <h2 id="rs-concerns">Concerns</h2>
        {concerns.length === 0 ? <p className="muted">None recorded.</p> : (
          <ul className="summary-list">
            {concerns.map((c) => (
              <li key={c.key}>
                <SignalBadge polarity={c.polarity} label="" /> {c.text}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="report-section" aria-labelledby="rs-questions">
        <h2 id="rs-questions">Open questions</h2>
        {questions.length === 0 ? <p className="muted">None.</p> : (
          <ul>
            {questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
