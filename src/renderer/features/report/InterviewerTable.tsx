import type { CandidateReport } from '../../../core/report/reportBuild';
import { href } from '../../app/router';
import { evidenceAnchorId, evidenceShow } from './evidenceAnchor';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));
const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/**
 * One row per sealed scorecard: the interviewer's overall recommendation and key takeaways (flagged
 * when far from their own ratings), leniency, and each rating as a link to the notes behind it.
 */
export function InterviewerTable({ report }: { report: CandidateReport }) {
  const titleOf = (id: string) => report.profile.find((p) => p.dimensionId === id)?.title ?? id;
  return (
    <section aria-labelledby="panel-title" className="report-section">
      <h2 id="panel-title">Per interviewer</h2>
      <table aria-label="Ratings per interviewer">
        <thead>
          <tr>
            <th>Interviewer</th>
            <th>Overall and key takeaways</th>
            <th className="num">Leniency offset</th>
            <th>Ratings (raw → calibrated; each opens its notes)</th>
          </tr>
        </thead>
        <tbody>
          {report.interviewers.map((r) => (
            <tr key={r.interviewId} data-testid="interviewer-row">
              <td>
                <strong>{r.name}</strong>
                <div className="muted small">
                  {r.kitTitle}
                  {r.version > 1 && ` · amended v${r.version}: ${r.amendReason}`}
                </div>
                <a className="no-print small" href={href('scorecards', r.interviewId)}>
                  Open scorecard
                </a>
              </td>
              <td data-testid="overall">
                {r.overall ? (
                  <>
                    <strong>{r.overall.label}</strong>
                    {r.overall.takeaways && <div className="rationale">{r.overall.takeaways}</div>}
                    {r.overall.disagreement && (
                      <span className="overall-flag" data-testid="overall-disagreement">
                        ⚠ {r.overall.disagreement}
                      </span>
                    )}
                  </>
                ) : (
                  <span className="muted">Not given (sealed before it was asked)</span>
                )}
              </td>
              <td className="num">
                {signed(r.offset)} <span className="muted">(n={r.offsetRestsOn})</span>
              </td>
              <td>
                <ul className="rating-list">
                  {r.ratings.map((x) => (
                    <li key={x.dimensionId}>
                      <button
                        type="button"
                        className="rating-link"
                        aria-controls={evidenceAnchorId(x.dimensionId, r.interviewId)}
                        title={x.anchor ?? undefined}
                        aria-label={`${titleOf(x.dimensionId)} rated ${x.raw === 'no-evidence' ? 'no evidence' : x.raw} by ${r.name}: show the notes`}
                        onClick={() => evidenceShow(x.dimensionId, r.interviewId)}
                      >
                        {titleOf(x.dimensionId)}: {x.raw === 'no-evidence' ? 'no evidence' : `${x.raw} → ${fmt(x.calibrated)}`}
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
