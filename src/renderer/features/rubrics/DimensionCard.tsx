import type { Dimension } from '../../../core/rubric/schema';
import { LevelExpectations } from './LevelExpectations';
import type { LoadedPack } from './packView';

/** One scorecard dimension: what it covers, the bar, the evidence, its four anchors side by side. */
export function DimensionCard({ pack, dimension }: { pack: LoadedPack; dimension: Dimension }) {
  const titleId = `dimension-${dimension.id}-title`;
  return (
    <article
      className="panel dimension-card"
      id={`dimension-${dimension.id}`}
      aria-labelledby={titleId}
      data-testid="dimension"
    >
      <header className="dimension-head">
        <h3 id={titleId} tabIndex={-1}>
          {dimension.title}
        </h3>
        <span className="mono muted">{dimension.id}</span>
      </header>
      <p className="dimension-summary">{dimension.summary}</p>
      <div className="dimension-bar">
        <section>
          <h4>Meets the bar</h4>
          <p>{dimension.meetsBar}</p>
        </section>
        <section>
          <h4>Evidence to look for</h4>
          <ul>
            {dimension.evidence.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </section>
      </div>
      <ol className="anchor-grid" aria-label={`Anchors for ${dimension.title}`}>
        {dimension.anchors.map((anchor) => (
          <li key={anchor.score} className={`anchor anchor-${anchor.score}`} data-testid="anchor">
            <p className="anchor-head">
              <span className="anchor-score">
                <span className="sr-only">Score </span>
                {anchor.score}
              </span>
              <strong>{anchor.label}</strong>
            </p>
            <p className="anchor-summary">{anchor.summary}</p>
            <ul className="anchor-examples">
              {anchor.examples.map((example, i) => (
                <li key={i}>{example}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      <LevelExpectations pack={pack} dimension={dimension} />
    </article>
  );
}
