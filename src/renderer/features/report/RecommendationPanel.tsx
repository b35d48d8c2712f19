import type { CandidateReport } from '../../../core/report/reportBuild';
import { SignalBadge } from '../../components/SignalBadge';

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/** The headline of the recommendation: a level, "below the lowest level", or "not enough evidence yet". */
export function recommendationHeadline(report: {
  recommendation: Pick<CandidateReport['recommendation'], 'status' | 'levelTitle'>;
  levels: CandidateReport['levels'];
}): string {
  const rec = report.recommendation;
  switch (rec.status) {
    case 'not-enough-evidence':
      return 'Not enough evidence yet';
    case 'below-lowest':
      return `Below ${report.levels[0]?.title ?? 'the lowest level'}`;
    case 'recommended':
      return rec.levelTitle ?? '–';
  }
}

/**
 * The mechanical level recommendation with its reasons: what is missing when the evidence is not
 * enough, each rule of the ladder, the cap of a red flag, and what would change the answer.
 */
export function RecommendationPanel({ report }: { report: CandidateReport }) {
  const rec = report.recommendation;
  const levelTitle = (id: string) => report.levels.find((l) => l.id === id)?.title ?? id;
  const dimensionTitle = (id: string) => report.profile.find((p) => p.dimensionId === id)?.title ?? id;
  const up = rec.whatWouldChange.filter((w) => w.direction === 'up');
  const down = rec.whatWouldChange.filter((w) => w.direction === 'down');
  return (
    <section className="report-rec panel" aria-labelledby="rec-title" data-testid="recommendation">
      <h2 id="rec-title">Level recommendation (mechanical)</h2>
      <p className="rec-level">
        {recommendationHeadline(report)}
        {rec.cappedFromTitle && rec.status === 'recommended' && <span className="muted"> — capped from {rec.cappedFromTitle} by a red flag</span>}
      </p>
      {rec.status === 'not-enough-evidence' && (
        <div className="rec-missing" data-testid="missing-evidence">
          <p>
            Missing: {rec.missing.map((m) => m.detail).join('; ')}.
          </p>
          <p className="muted">
            {rec.provisionalLevelTitle
              ? `The evidence so far points to ${rec.provisionalLevelTitle}${rec.cappedFromTitle ? ` (capped from ${rec.cappedFromTitle} by a red flag)` : ''}; a missing rating is never read as a low one.`
              : 'The evidence so far meets no level; a missing rating is never read as a low one.'}
          </p>
        </div>
      )}
      {rec.committeeReview && (
        <p className="rec-review">
          <SignalBadge polarity="red-flag" label="Committee review required" /> {report.signals.redFlag.length} red flag
          {report.signals.redFlag.length === 1 ? '' : 's'} stand{report.signals.redFlag.length === 1 ? 's' : ''}.
          {rec.capNote && <> {rec.capNote}</>}
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
              <span aria-hidden="true">{l.held ? '✓' : '✗'}</span> <strong>{levelTitle(l.level)}</strong>:{' '}
              {l.held
                ? 'every minimum met'
                : failing.length > 0
                  ? failing
                      .map((r) => `${dimensionTitle(r.dimensionId)} ${r.actual === null ? 'has no evidence' : `is ${r.actual.toFixed(2)}`} (needs ${r.expected})`)
                      .join('; ')
                  : 'a lower level is not met'}
            </li>
          );
        })}
      </ul>
      {(up.length > 0 || down.length > 0) && (
        <div data-testid="what-would-change">
          <h3>What would change this</h3>
          {up.length > 0 && (
            <>
              <p className="rec-sub">Up to {levelTitle(up[0]!.level)}:</p>
              <ul>
                {up.map((w) => (
                  <li key={w.dimensionId}>{w.detail}</li>
                ))}
              </ul>
            </>
          )}
          {down.length > 0 && (
            <>
              <p className="rec-sub">Could drop below {levelTitle(down[0]!.level)}:</p>
              <ul>
                {down.map((w) => (
                  <li key={w.dimensionId}>{w.detail}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
