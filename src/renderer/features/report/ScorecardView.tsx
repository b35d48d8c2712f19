import type { ReportScorecard } from '../../../core/report/reportScorecard';
import { clockText } from '../../../core/text/clockText';
import { dateTimeText } from '../../../core/text/dateTimeText';
import { SignalBadge } from '../../components/SignalBadge';
import { NoteList } from './NoteList';
import './report.css';

const when = (ms: number | null) => (ms === null ? '–' : dateTimeText(ms));

/** One sealed scorecard as plain, read-only content (no controls, so it prints as it reads). */
export function ScorecardView({
  scorecard,
  amendments,
}: {
  scorecard: ReportScorecard;
  amendments: Array<{ version: number; sealedAt: number; reason: string }>;
}) {
  const { interviewer, candidate } = scorecard;
  const titleOf = (id: string | null) => scorecard.ratings.find((r) => r.dimensionId === id)?.title ?? null;
  return (
    <article className="report scorecard" aria-label={`Scorecard of ${interviewer.name} for ${candidate.name}`} data-testid="scorecard">
      <header className="report-head">
        <h1>
          {interviewer.name} · {interviewer.kitTitle}
        </h1>
        <p className="muted scorecard-meta">
          <span>Candidate {candidate.name}</span>
          <span>Sealed {when(interviewer.submittedAt)}</span>
          <span>Version {interviewer.version}</span>
          <span>Read-only</span>
        </p>
      </header>

      <section className="report-section panel" aria-labelledby="sc-overall">
        <h2 id="sc-overall">Overall recommendation</h2>
        {interviewer.overall ? (
          <>
            <p className="rec-level">{interviewer.overall.label}</p>
            <p className="rationale">{interviewer.overall.takeaways}</p>
            {interviewer.overall.disagreement && <p className="overall-flag">⚠ {interviewer.overall.disagreement}</p>}
          </>
        ) : (
          <p className="muted">Not given: this scorecard was sealed before the overall recommendation was asked.</p>
        )}
      </section>

      <section className="report-section" aria-labelledby="sc-ratings">
        <h2 id="sc-ratings">Ratings</h2>
        <table aria-label="Ratings with their anchors">
          <thead>
            <tr>
              <th>Dimension</th>
              <th className="num">Rating</th>
              <th>Anchor that applied</th>
            </tr>
          </thead>
          <tbody>
            {scorecard.ratings.map((r) => (
              <tr key={r.dimensionId}>
                <th scope="row">{r.title}</th>
                <td className="num">{r.raw === 'no-evidence' ? 'no evidence' : r.raw}</td>
                <td>{r.anchor ?? <span className="muted">– (no evidence is not a low score)</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section" aria-labelledby="sc-notes">
        <h2 id="sc-notes">Notes ({scorecard.notes.length})</h2>
        {scorecard.notes.length === 0 ? <p className="muted">No notes.</p> : <NoteList notes={scorecard.notes} dimensionTitle={titleOf} />}
      </section>

      <section className="report-section" aria-labelledby="sc-signals">
        <h2 id="sc-signals">Signals</h2>
        {scorecard.signals.length === 0 ? (
          <p className="muted">None tagged.</p>
        ) : (
          <ul className="report-signals">
            {scorecard.signals.map((s) => (
              <li key={s.signalId} className="report-signal">
                <SignalBadge polarity={s.polarity} /> <strong>{s.title}</strong>
                {s.sources.includes('incident') && <span className="muted"> · derived by the incident simulation</span>}
                <ul className="evidence">
                  {s.evidence.map((e, i) => (
                    <li key={i}>
                      <span className="mono muted">{clockText(e.at)}</span> {e.text}
                      {e.isPrivate && <span className="badge">private note</span>}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      {scorecard.exercise && (
        <section className="report-section" aria-labelledby="sc-defects">
          <h2 id="sc-defects">Defect findings: {scorecard.exercise.title}</h2>
          <p>
            Found {scorecard.exercise.found} of {scorecard.exercise.total} planted defects.
          </p>
          <ul>
            {scorecard.exercise.foundDefects.map((d) => (
              <li key={d.title}>
                <span className="mono muted">{clockText(d.foundAt)}</span> {d.title} ({d.severity})
              </li>
            ))}
          </ul>
          {scorecard.exercise.missedDefects.length > 0 && (
            <p className="muted">Missed: {scorecard.exercise.missedDefects.map((d) => `${d.title} (${d.severity})`).join('; ')}</p>
          )}
        </section>
      )}

      {scorecard.incident && (
        <section className="report-section" aria-labelledby="sc-incident">
          <h2 id="sc-incident">Incident outcome: {scorecard.incident.title}</h2>
          <p>
            Acknowledge / mitigate / resolve:{' '}
            {[scorecard.incident.outcome.timeToAcknowledgeMs, scorecard.incident.outcome.timeToMitigateMs, scorecard.incident.outcome.timeToResolveMs]
              .map((v) => (v === null ? 'never' : clockText(v)))
              .join(' / ')}{' '}
            · {scorecard.incident.outcome.communicationCount} communications · {scorecard.incident.outcome.userImpactMinutes.toFixed(1)} min of user
            impact
          </p>
          <p>
            {scorecard.incident.outcome.milestones
              .map((m) => `${m.met ? '✓' : '✗'} ${m.title}${m.hitAt === null ? ' (not hit)' : ` (${clockText(m.hitAt)})`}`)
              .join(' · ')}
          </p>
        </section>
      )}

      <section className="report-section" aria-labelledby="sc-versions">
        <h2 id="sc-versions">Sealed versions and amendments</h2>
        {amendments.length === 0 ? (
          <p className="muted">No version record.</p>
        ) : (
          <ol>
            {amendments.map((v) => (
              <li key={v.version}>
                Version {v.version}, sealed {when(v.sealedAt)}
                {v.version > 1 ? ` — amended: ${v.reason || 'no reason recorded'}` : ' — first submission'}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
