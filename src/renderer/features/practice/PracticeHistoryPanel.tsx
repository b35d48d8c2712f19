import type { PracticeHistory } from '../../../core/practice/practiceHistory';
import { PracticeHistoryChart } from './PracticeHistoryChart';
import { practiceDistanceText, practiceLeanText, practiceSignedText } from './practiceText';

/** This interviewer's distance from the expert keys over their sealed practice runs: chart and table. */
export function PracticeHistoryPanel({ history, packTitle }: { history: PracticeHistory; packTitle: string | null }) {
  const titleId = `practice-history-${packTitle ?? 'all'}`.replace(/\W+/g, '-');
  return (
    <section className="panel" aria-labelledby={titleId} data-testid="practice-history">
      <h2 id={titleId}>Your distance from the key{packTitle ? ` — ${packTitle}` : ''}</h2>
      {history.runs === 0 ? (
        <p className="muted">
          Seal a practice run to see, per dimension, how far your ratings fall from the expert key and in which
          direction.
        </p>
      ) : (
        <>
          <p>
            Over {history.runs} sealed practice run{history.runs === 1 ? '' : 's'}: mean distance{' '}
            <strong>
              {practiceDistanceText(history.overall.meanAbsoluteDistance, history.overall.meanSignedDistance)}
            </strong>
            . Lenient means your ratings sit above the key on average, severe below; a wide whisker with a short bar
            means you are off both ways rather than consistently one way.
          </p>
          <div className="practice-history-body">
            <PracticeHistoryChart rows={history.dimensions} />
            <table className="practice-history-table">
              <caption className="sr-only">Distance from the expert key per dimension</caption>
              <thead>
                <tr>
                  <th scope="col">Dimension</th>
                  <th scope="col" className="num">
                    Runs compared
                  </th>
                  <th scope="col" className="num">
                    Mean absolute distance
                  </th>
                  <th scope="col" className="num">
                    Mean signed distance
                  </th>
                  <th scope="col">Direction</th>
                  <th scope="col" className="num">
                    “No evidence” mismatches
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.dimensions.map((row) => (
                  <tr key={row.dimensionId}>
                    <th scope="row">{row.title}</th>
                    <td className="num">{row.compared}</td>
                    <td className="num">
                      {row.meanAbsoluteDistance === null ? '–' : row.meanAbsoluteDistance.toFixed(2)}
                    </td>
                    <td className="num">
                      {row.meanSignedDistance === null ? '–' : practiceSignedText(row.meanSignedDistance)}
                    </td>
                    <td>{row.lean === null ? '– no comparable ratings' : practiceLeanText[row.lean]}</td>
                    <td className="num">{row.mismatches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
