import type { InterviewerAnalyticsResult } from '../../../core/analytics/interviewerAnalytics';
import type { ChartSeries } from './MetricChart';
import { SeriesMark } from './SeriesMark';

import { offsetSigned as signed } from '../report/offsetText';

/** One line per interviewer: how much there is, the latest leniency with its interval, drift, practice. */
export function AnalyticsSummary({ result, series }: { result: InterviewerAnalyticsResult; series: ChartSeries[] }) {
  return (
    <section aria-labelledby="analytics-summary-title" className="analytics-metric">
      <h2 id="analytics-summary-title">Interviewers</h2>
      <table aria-label="Interviewers at a glance" data-testid="analytics-summary">
        <thead>
          <tr>
            <th>Interviewer</th>
            <th className="num">Sealed interviews</th>
            <th className="num">Latest leniency offset (95% interval)</th>
            <th>Drift</th>
            <th>Practice</th>
          </tr>
        </thead>
        <tbody>
          {result.interviewers.map((i) => {
            const s = series.find((x) => x.interviewerId === i.interviewerId)!;
            const latest = [...i.periods].reverse().find((p) => p.offset !== null);
            const drifts = i.periods.filter((p) => p.drift);
            return (
              <tr key={i.interviewerId} data-testid="analytics-interviewer">
                <th scope="row">
                  <svg width={14} height={14} aria-hidden="true" className={`series series-${s.styleIndex % 6}`}>
                    <SeriesMark index={s.styleIndex} cx={7} cy={7} size={4} />
                  </svg>{' '}
                  {s.name}
                </th>
                <td className="num">{i.interviews}</td>
                <td className="num">
                  {latest?.offset != null ? (
                    <>
                      {signed(latest.offset)} <span className="muted small">{latest.interval ? `(${signed(latest.interval[0])} to ${signed(latest.interval[1])})` : ''}</span>{' '}
                      <span className="muted small">{result.periods[latest.period]!.label}</span>
                    </>
                  ) : (
                    '–'
                  )}
                </td>
                <td data-testid="drift-cell">
                  {drifts.length === 0 ? (
                    <span className="muted">none flagged</span>
                  ) : (
                    drifts.map((p) => (
                      <div key={p.period} className="drift-summary">
                        ⚑ drift in {result.periods[p.period]!.label}: {signed(p.drift!.delta)} since {result.periods[p.drift!.fromPeriod]!.label}
                      </div>
                    ))
                  )}
                </td>
                <td>{i.practiceRuns === 0 ? <span className="muted">no practice runs</span> : `${i.practiceRuns} practice run${i.practiceRuns === 1 ? '' : 's'}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
