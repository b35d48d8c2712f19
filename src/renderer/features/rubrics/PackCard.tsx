import { SignalBadge } from '../../components/SignalBadge';
import { RemovePackButton } from './RemovePackButton';
import { countText, originTitles, packCounts, packDirOf, packHref, shortHash, type LoadedPack } from './packView';

/** A loaded pack in the library: identity, version, content hash, origin and what it contains. */
export function PackCard({ pack }: { pack: LoadedPack }) {
  const counts = packCounts(pack);
  const titleId = `pack-${pack.origin}-${pack.manifest.id}`;
  return (
    <article className="panel pack-card" aria-labelledby={titleId} data-testid="pack-card">
      <header className="pack-card-head">
        <h2 id={titleId}>
          <a href={packHref(pack)}>{pack.manifest.title}</a>
        </h2>
        <span className={`badge origin origin-${pack.origin}`}>{originTitles[pack.origin]}</span>
      </header>
      <dl className="pack-meta">
        <div>
          <dt>Role</dt>
          <dd>{pack.manifest.role}</dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{pack.manifest.version}</dd>
        </div>
        <div>
          <dt>Content hash</dt>
          <dd className="mono" title={`SHA-256 ${pack.hash}`}>
            {shortHash(pack.hash)}
          </dd>
        </div>
      </dl>
      <p className="pack-summary">{pack.manifest.summary}</p>
      <ul className="pack-counts" aria-label="Contents">
        <li>{countText(counts.dimensions, 'dimension')}</li>
        <li>{countText(counts.levels, 'level')}</li>
        <li>{countText(counts.kits, 'kit')}</li>
        <li>{countText(counts.exercises, 'exercise')}</li>
        <li>{countText(counts.scenarios, 'scenario')}</li>
      </ul>
      <p className="pack-signal-counts">
        <span>{countText(counts.signals, 'signal')}</span>
        <SignalBadge polarity="strong" label={`${counts.signalsByPolarity.strong} strong`} />
        <SignalBadge polarity="weak" label={`${counts.signalsByPolarity.weak} weak`} />
        <SignalBadge polarity="red-flag" label={countText(counts.signalsByPolarity['red-flag'], 'red flag')} />
      </p>
      <footer className="pack-card-actions">
        <a className="button" href={packHref(pack)} aria-label={`Browse ${pack.manifest.title}`}>
          Browse
        </a>
        {pack.origin === 'user' && <RemovePackButton packDir={packDirOf(pack)} name={pack.manifest.title} />}
      </footer>
    </article>
  );
}
