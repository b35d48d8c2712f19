import { KitView } from './KitView';
import { PackItemNav } from './PackItemNav';
import { kitFormatTitles, kitMinutes, packHref, type LoadedPack } from './packView';

/** Interview kits: a list on the side, the chosen kit (the first by default) beside it. */
export function KitsTab({ pack, itemId }: { pack: LoadedPack; itemId: string | undefined }) {
  if (pack.kits.length === 0) {
    return (
      <section aria-labelledby="pack-tab-title" className="empty-state">
        <h2 id="pack-tab-title">No interview kits</h2>
        <p>
          This pack has no kits yet. A kit is a file in the pack's <code>kits/</code> folder.
        </p>
      </section>
    );
  }
  const kit = pack.kits.find((k) => k.id === itemId) ?? pack.kits[0]!;
  return (
    <div className="item-layout">
      <div className="item-side">
        <h2 id="pack-tab-title" className="item-side-title">
          Interview kits
        </h2>
        <PackItemNav
          label="Interview kits"
          currentId={kit.id}
          entries={pack.kits.map((k) => ({
            id: k.id,
            title: k.title,
            meta: `${kitFormatTitles[k.format]} · ${kitMinutes(k)} min`,
            href: packHref(pack, 'kits', k.id),
          }))}
        />
      </div>
      <KitView key={kit.id} pack={pack} kit={kit} />
    </div>
  );
}
