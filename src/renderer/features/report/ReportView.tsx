import type { CandidateReport, ReportSignal } from '../../../core/report/reportBuild';
import { clockText } from '../../../core/text/clockText';
import { SignalBadge } from '../../components/SignalBadge';
import { ProfileChart } from './ProfileChart';

const fmt = (v: number | null, digits = 2) => (v === null ? '–' : v.toFixed(digits));
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));
const flagText: Record<string, string> = {
  'single-rater': 'single rater',
  'low-agreement': 'low agreement',
  'no-evidence': 'no evidence',
};

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
export function ReportView({ report }: { report: CandidateReport; isBlind?: boolean }) {
  const rec = report.recommendation;
  // The audience policy has already replaced the name with the blind label where it applies.
  const name = report.candidate.name;
  const levelTitle = (id: string) => report.levels.find((l) => l.id === id)?.title ?? id;
  const held = (level: string) => rec.ladder.find((l) => l.level === level)?.held;
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

      <section className="report-rec panel" aria-labelledby="rec-title" data-testid="recommendation">
        <h2 id="rec-title">Level recommendation (mechanical)</h2>
        <p className="rec-level">
          {rec.levelTitle ?? 'Below the lowest level'}
          {rec.cappedFromTitle && <span className="muted"> — capped from {rec.cappedFromTitle} by a red flag</span>}
        </p>
        {rec.committeeReview && (
          <p className="rec-review">
            <SignalBadge polarity="red-flag" label="Committee review required" /> {report.signals.redFlag.length} red flag
            {report.signals.redFlag.length === 1 ? '' : 's'} stand{report.signals.redFlag.length === 1 ? 's' : ''}.
          </p>
        )}
        <p className="muted">
          Score {fmt(report.score.raw)} raw · {fmt(report.score.calibrated)} calibrated (mean over rated dimensions). The
          committee's decision is recorded separately.
        </p>
        <h3>Reasons</h3>
        <ul className="rec-ladder">
          {rec.ladder.map((l) => {
            const failing = rec.reasons.filter((r) => r.level === l.level && !r.held);
            return (
              <li key={l.level}>
                <span aria-hidden="true">{held(l.level) ? '✓' : '✗'}</span> <strong>{levelTitle(l.level)}</strong>:{' '}
                {l.held
                  ? 'every minimum met'
                  : failing.length > 0
                    ? failing
                        .map(
                          (r) =>
                            `${report.profile.find((p) => p.dimensionId === r.dimensionId)?.title ?? r.dimensionId} ${
                              r.actual === null ? 'has no evidence' : `is ${r.actual.toFixed(2)}`
                            } (needs ${r.expected})`,
                        )
                        .join('; ')
                    : 'a lower level is not met'}
              </li>
            );
          })}
        </ul>
        {rec.whatWouldChange.length > 0 && (
          <>
            <h3>What would change this</h3>
            <ul>
              {rec.whatWouldChange.map((w) => (
                <li key={w.dimensionId + w.direction}>{w.detail}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="redflags-title" className="report-section">
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
                  <td>{p.flags.map((f) => flagText[f] ?? f).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="panel-title" className="report-section">
        <h2 id="panel-title">Per interviewer</h2>
        <table aria-label="Ratings per interviewer">
          <thead>
            <tr>
              <th>Interviewer</th>
              <th>Interview</th>
              <th className="num">Leniency offset</th>
              <th>Ratings (raw → calibrated)</th>
            </tr>
          </thead>
          <tbody>
            {report.interviewers.map((r) => (
              <tr key={r.interviewId}>
                <td>{r.name}</td>
                <td>
                  {r.kitTitle}
                  {r.version > 1 && <span className="muted"> · amended v{r.version}: {r.amendReason}</span>}
                </td>
                <td className="num">
                  {signed(r.offset)} <span className="muted">(n={r.offsetRestsOn})</span>
                </td>
                <td>
                  {r.ratings
                    .map((x) => {
                      const title = report.profile.find((p) => p.dimensionId === x.dimensionId)?.title ?? x.dimensionId;
                      return x.raw === 'no-evidence' ? `${title}: no evidence` : `${title}: ${x.raw} → ${fmt(x.calibrated)}`;
                    })
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

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

      <section aria-labelledby="reliability-title" className="report-section">
        <h2 id="reliability-title">Reliability of the numbers</h2>
        <table aria-label="Agreement per dimension">
          <thead>
            <tr>
              <th>Dimension</th>
              <th className="num">Candidates</th>
              <th className="num">Raters</th>
              <th className="num">Krippendorff α (ordinal)</th>
              <th className="num">ICC(2,1)</th>
            </tr>
          </thead>
          <tbody>
            {report.reliability.rows.map((r) => (
              <tr key={r.dimensionId}>
                <th scope="row">{r.title}</th>
                <td className="num">{r.candidates}</td>
                <td className="num">{r.raters}</td>
                <td className="num" title={r.alphaReason ?? undefined}>
                  {r.alphaOrdinal === null ? 'n/a' : `${r.alphaOrdinal.toFixed(3)} ${r.alphaBand ?? ''}`}
                </td>
                <td className="num" title={r.iccReason ?? undefined}>
                  {r.icc2 === null ? 'n/a (not fully crossed)' : `${r.icc2.toFixed(3)} ${r.iccBand ?? ''}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted sources">Bands: {report.reliability.sources.join(' · ')}</p>
      </section>
    </article>
  );
}
