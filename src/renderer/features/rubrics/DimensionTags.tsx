import { packDimensionTitle, packHref, type LoadedPack } from './packView';

/** Dimension titles as small links to their anchors on the Dimensions tab. */
export function DimensionTags({
  pack,
  ids,
  label = 'Dimensions',
}: {
  pack: LoadedPack;
  ids: string[];
  label?: string;
}) {
  if (ids.length === 0) return null;
  return (
    <ul className="dimension-tags" aria-label={label}>
      {ids.map((id) => (
        <li key={id}>
          <a href={packHref(pack, 'dimensions', id)}>{packDimensionTitle(pack, id)}</a>
        </li>
      ))}
    </ul>
  );
}
