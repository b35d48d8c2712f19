import type { ReportAnchoring } from '../../../core/report/reportAnchoring';
import { dateTimeText } from '../../../core/text/dateTimeText';
import './anchoringAudit.css';

const directionText = { toward: 'toward', away: 'away', 'same-distance': 'same distance', 'no-anchor': 'nothing to compare' } as const;
const score = (v: number | null) => (v === null ? 'no evidence' : String(v));

/**
 * The anchoring audit of the candidate's loop: the facts in sentences, then who sealed when in
 * order, then each amendment made after other panelists had sealed with how its changed ratings
 * moved relative to the first sealed scores. Facts, not a verdict.
 */
export function AnchoringAuditSection({ anchoring }: { anchoring: ReportAnchoring }) {
  return (
    <section aria-labelledby="anchoring-title" className="report-section anchoring-audit" data-testid="anchoring-audit">
      <h2 id="anchoring-title">Independence of scoring</h2>
      <ul className="anchoring-facts">
        {anchoring.facts.map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
        {anchoring.problems.map((problem) => (
          <li key={problem} className="anchoring-problem">
            ⚠ A sealed version could not be read and is left out of this audit: {problem}
          </li>
        ))}
      </ul>
      {anchoring.seals.length > 0 && (
        <table aria-label="Sealing order">
          <thead>
            <tr>
              <th className="num">Order</th>
              <th>Interviewer</th>
              <th>Interview</th>
              <th>Sealed</th>
              <th>Could read others' scorecards when sealing</th>
            </tr>
          </thead>
          <tbody>
            {anchoring.seals.map((s) => (
              <tr key={`${s.interviewId}:${s.version}`}>
                <td className="num">{s.order}</td>
                <td>{s.interviewerName}</td>
                <td>
                  {s.kitTitle}
                  {s.version > 1 ? ` · amendment, version ${s.version}` : ''}
                </td>
                <td>{dateTimeText(s.sealedAt)}</td>
                <td>{s.version > 1 ? 'yes (an amendment comes after the first seal)' : s.sawOthers ? '⚠ yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {anchoring.amendmentsAfterOthers.map((a) => (
        <div key={`${a.interviewId}:${a.version}`} className="anchoring-amendment" data-testid="anchoring-amendment">
          <h3>
            {a.interviewerName} amended version {a.version} on {dateTimeText(a.sealedAt)}
          </h3>
          <p className="muted">
            {a.reason ? `Reason: “${a.reason}”. ` : ''}
            {a.othersSealedBefore.join(', ')} had sealed before.
            {a.anchorInterviewerName ? ` Compared with ${a.anchorInterviewerName}'s scores, the first sealed by another panelist.` : ''}
          </p>
          {a.changes.length === 0 ? (
            <p>No rating changed.</p>
          ) : (
            <table aria-label={`Ratings changed by ${a.interviewerName} in version ${a.version}`}>
              <thead>
                <tr>
                  <th>Dimension</th>
                  <th className="num">Before</th>
                  <th className="num">After</th>
                  <th className="num">First sealed score</th>
                  <th>Moved</th>
                </tr>
              </thead>
              <tbody>
                {a.changes.map((c) => (
                  <tr key={c.dimensionTitle}>
                    <th scope="row">{c.dimensionTitle}</th>
                    <td className="num">{score(c.from)}</td>
                    <td className="num">{score(c.to)}</td>
                    <td className="num">{c.anchor === null ? '–' : c.anchor}</td>
                    <td>{directionText[c.direction]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
