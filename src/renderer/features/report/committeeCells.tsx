/**
 * Cells the committee table and the printed batch comparison share. Kept apart from the table so
 * the print route loads neither the table nor its virtualiser.
 */
import { Fragment } from 'react';
import type { CommitteeView } from '../../../core/report/committeeRow';
import { overallRecommendationLabels, overallRecommendationOrder } from '../../../core/report/reportOverall';

/** The panel's overall recommendations as counts ("Strong yes ×3 · Yes ×1"), names on hover. */
export function OverallCell({ report }: { report: Pick<CommitteeView, 'interviewers'> }) {
  const given = report.interviewers.flatMap((i) => (i.overall ? [i.overall] : []));
  if (given.length === 0) return <span className="muted">–</span>;
  const counts = overallRecommendationOrder
    .slice()
    .reverse()
    .map((value) => [value, given.filter((g) => g.recommendation === value).length] as const)
    .filter(([, n]) => n > 0);
  const flagged = given.filter((g) => g.disagreement);
  return (
    <span
      title={given.map((g, i) => `${report.interviewers.filter((x) => x.overall)[i]?.name}: ${g.label}`).join('\n')}
    >
      {counts.map(([value, n], i) => (
        <Fragment key={value}>
          {i > 0 && ' · '}
          <span className="overall-count">
            {overallRecommendationLabels[value]} ×{n}
          </span>
        </Fragment>
      ))}
      {flagged.length > 0 && (
        <span className="overall-flag" title={flagged.map((f) => f.disagreement).join('\n')}>
          ⚠ {flagged.length} far from own ratings
        </span>
      )}
    </span>
  );
}

/** Abbreviation = full name, for every dimension column, under the table. */
export function DimensionLegend({
  dimensions,
  abbreviations,
}: {
  dimensions: ReadonlyArray<{ id: string; title: string }>;
  abbreviations: ReadonlyMap<string, string>;
}) {
  return (
    <dl className="dimension-legend" aria-label="Dimension abbreviations">
      {dimensions.map((d) => (
        <div key={d.id}>
          <dt>{abbreviations.get(d.id)}</dt>
          <dd>{d.title}</dd>
        </div>
      ))}
    </dl>
  );
}
