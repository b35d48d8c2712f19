import { useLiveQuery } from 'dexie-react-hooks';
import type { Interview, Interviewer } from '../../../core/model/records';
import type { RubricPack } from '../../../core/rubric/schema';
import { interviewIsSealed, interviewPeersVisible } from '../../../core/interview/interviewLifecycle';
import { appDb } from '../../db/dbContext';
import { evidenceOfMany } from '../../db/evidenceRows';

/**
 * Sealed ratings of the panel, dimension by interviewer. Hidden from a panelist until they have
 * sealed their own scorecards for this candidate (independent scoring); drafts are never shown.
 */
export function PanelRatings({
  pack,
  candidateInterviews,
  interviewers,
  viewerId,
}: {
  pack: RubricPack;
  candidateInterviews: Interview[];
  interviewers: Interviewer[];
  viewerId: string | null;
}) {
  const sealed = candidateInterviews.filter(interviewIsSealed);
  const isVisible = interviewPeersVisible(viewerId, candidateInterviews);
  const ratings = useLiveQuery(
    () =>
      isVisible
        ? evidenceOfMany(
            appDb(),
            sealed.map((i) => i.id),
          ).then((e) => e.ratings)
        : [],
    [isVisible, sealed.map((i) => i.id).join(',')],
  );
  return (
    <section className="panel" aria-labelledby="panel-ratings-title" data-testid="panel-ratings">
      <h2 id="panel-ratings-title">Panel ratings</h2>
      {!isVisible ? (
        <p>
          Hidden until you submit your own scorecard for this candidate. Independent scoring keeps the panel from
          anchoring on each other.
        </p>
      ) : sealed.length === 0 ? (
        <p className="muted">No scorecard has been submitted yet.</p>
      ) : (
        <table aria-label="Sealed ratings by interviewer">
          <thead>
            <tr>
              <th>Dimension</th>
              {sealed.map((i) => (
                <th key={i.id} className="num">
                  {interviewers.find((p) => p.id === i.interviewerId)?.name ?? 'Unknown'}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {pack.dimensions.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.title}</th>
                {sealed.map((i) => {
                  const r = ratings?.find((x) => x.interviewId === i.id && x.dimensionId === d.id);
                  return (
                    <td key={i.id} className="num">
                      {!r ? '' : r.state === 'no-evidence' ? '– no evidence' : r.score}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
