import { DimensionCard } from './DimensionCard';
import { packHref, type LoadedPack } from './packView';

/** Every dimension of the pack, with a jump list at the top. */
export function DimensionsTab({ pack }: { pack: LoadedPack }) {
  return (
    <section aria-labelledby="pack-tab-title">
      <div className="tab-intro">
        <h2 id="pack-tab-title">Dimensions</h2>
        <p className="muted">
          Each dimension is rated 1–4 against its anchors; the row under the anchors gives the minimum rating expected
          at each level.
        </p>
      </div>
      <nav aria-label="Jump to dimension" className="jump-list">
        <ol>
          {pack.dimensions.map((d) => (
            <li key={d.id}>
              <a href={packHref(pack, 'dimensions', d.id)}>{d.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {pack.dimensions.map((d) => (
        <DimensionCard key={d.id} pack={pack} dimension={d} />
      ))}
    </section>
  );
}
