import type { CandidateReport, ReportInterviewerRating } from '../../../core/report/reportBuild';
import { href } from '../../app/router';
import { evidenceAnchorId, evidenceShow } from './evidenceAnchor';
import { offsetIntervalText, offsetSigned } from './offsetText';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/**
 * One row per sealed scorecard: the interviewer's overall recommendation and key takeaways (flagged
 * when far from their own ratings), leniency with its 95 % interval, and each rating as a link to
 * the notes behind it.
 */
export function InterviewerTable({ report }: { report: CandidateReport }) {
  const titleOf = (id: string) => report.profile.find((p) => p.dimensionId === id)?.title ?? id;
  const ratingText = (x: ReportInterviewerRating) =>
    `${titleOf(x.dimensionId)}: ${x.raw === 'no-evidence' ? 'no evidence' : `${x.raw} → ${fmt(x.calibrated)}`}`;
  return (
    <section aria-labelledby="panel-title" className="report-section">
      <h2 id="panel-title">Per interviewer</h2>
      <p className="muted small" data-testid="offset-explanation">
        Leniency offset: how far above (+) or below (−) the panels they sat on this interviewer rates, over every
        candidate of the pool; calibrated rating = raw − offset. The range beside it is a 95% interval: the
        interviewer's true leniency lies in it with about 95% confidence given the ratings so far. A range that
        includes 0 means the data cannot tell this interviewer from the panel; a wide range means few ratings to
        go on.
      </p>
      <table aria-label="Ratings per interviewer">
        <thead>
          <tr>
            <th>Interviewer</th>
            <th>Overall and key takeaways</th>
            <th className="num">Leniency offset (95% interval)</th>
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
              <td className="num" data-testid="offset">
                {offsetSigned(r.offset)}
                <div className="muted small" data-testid="offset-interval">
                  {r.offsetInterval ? offsetIntervalText(r.offsetInterval) : 'interval unknown'}
                </div>
                <span className="muted small">n={r.offsetRestsOn}</span>
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
                        // The name starts with what the button shows, so speech input finds it by its text.
                        aria-label={`${ratingText(x)}, rated by ${r.name}: show the notes`}
                        onClick={() => evidenceShow(x.dimensionId, r.interviewId)}
                      >
                        {ratingText(x)}
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
