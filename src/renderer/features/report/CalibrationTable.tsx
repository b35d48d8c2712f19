import type { Calibration } from '../../../core/calibration/calibrateRatings';
import type { Interviewer } from '../../../core/model/records';
import type { Dimension } from '../../../core/rubric/schema';

const signed = (v: number) => (v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2));

/**
 * Each interviewer's leniency offset (how far above (+) or below (−) the rest of the panel they
 * rate the same candidates), shrunk toward 0 by n/(n+5), and how many comparisons it rests on.
 */
export function CalibrationTable({ calibration, interviewers, dimensions }: { calibration: Calibration; interviewers: Interviewer[]; dimensions: Dimension[] }) {
  const raters = Object.values(calibration.raters);
  return (
    <section className="panel" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Interviewer calibration</h2>
      <p className="muted">
        Offset = mean deviation from the other panelists on the same candidate and dimension, shrunk by n/(n+
        {Math.round(calibration.options.shrinkage * 100) / 100}). Calibrated rating = raw − offset. A dimension's own offset is used once it rests
        on {calibration.options.minDimensionComparisons} comparisons; otherwise the overall one.
      </p>
      <table aria-label="Interviewer offsets">
        <thead>
          <tr>
            <th>Interviewer</th>
            <th className="num">Overall offset</th>
            <th className="num">Rests on (n)</th>
            <th className="num">Ratings</th>
            {dimensions.map((d) => (
              <th key={d.id} className="num dim-col" title={d.title}>
                {d.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {raters.map((r) => (
            <tr key={r.interviewerId}>
              <td>{interviewers.find((i) => i.id === r.interviewerId)?.name ?? 'Unknown'}</td>
              <td className="num">{signed(r.overall.offset)}</td>
              <td className="num">{r.overall.n}</td>
              <td className="num">
                {r.ratings}
                {r.noEvidence > 0 ? ` (+${r.noEvidence} no ev.)` : ''}
              </td>
              {dimensions.map((d) => {
                const dim = r.dimensions[d.id];
                return (
                  <td key={d.id} className="num" title={dim ? `${dim.applied.source} offset, n=${dim.n}` : undefined}>
                    {dim ? signed(dim.applied.offset) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
