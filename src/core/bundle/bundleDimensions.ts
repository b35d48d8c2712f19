/**
 * Every rating belongs to a dimension of its interview's pack version: a rating of a dimension the
 * pack does not have would be dropped from reports without a word, so import and `loopdesk verify`
 * refuse it, naming the rating.
 */
import type { BundleContent } from './bundleSchema';

/** What the check needs of a rubric pack: which version it is and its dimension ids. */
export interface BundlePackDimensions {
  id: string;
  version: string;
  /** The pack's content hash, as loops pin it. */
  hash: string;
  dimensionIds: readonly string[];
}

/** The pack facts of loaded rubric packs (`RubricPack` fits). */
export function bundlePackDimensionsOf(
  packs: readonly {
    manifest: { id: string; version: string };
    hash: string;
    dimensions: readonly { id: string }[];
  }[],
): BundlePackDimensions[] {
  return packs.map((p) => ({
    id: p.manifest.id,
    version: p.manifest.version,
    hash: p.hash,
    dimensionIds: p.dimensions.map((d) => d.id),
  }));
}

export interface BundleDimensionBreak {
  /** `['ratings', 12, 'dimensionId']`, inside the content. */
  path: (string | number)[];
  message: string;
}

/**
 * The first rating whose dimension is not in its loop's pack version, or null. A loop is matched to
 * a pack by its pinned hash, else by pack id and version; loops whose pack version is not loaded
 * here cannot be checked and are passed over.
 */
export function bundleDimensionsCheck(
  content: Pick<BundleContent, 'loops' | 'interviews' | 'ratings'>,
  packs: readonly BundlePackDimensions[],
): BundleDimensionBreak | null {
  const byHash = new Map(packs.map((p) => [p.hash, p]));
  const byVersion = new Map(packs.map((p) => [`${p.id}@${p.version}`, p]));
  const dimensionsOfLoop = new Map<string, { label: string; ids: ReadonlySet<string> } | null>();
  for (const loop of content.loops) {
    const pack = byHash.get(loop.packHash) ?? byVersion.get(`${loop.packId}@${loop.packVersion}`);
    dimensionsOfLoop.set(
      loop.id,
      pack ? { label: `${pack.id} ${pack.version}`, ids: new Set(pack.dimensionIds) } : null,
    );
  }
  const loopOfInterview = new Map(content.interviews.map((i) => [i.id, i.loopId]));
  for (let i = 0; i < content.ratings.length; i++) {
    const rating = content.ratings[i]!;
    const loopId = loopOfInterview.get(rating.interviewId);
    const dimensions = loopId === undefined ? undefined : dimensionsOfLoop.get(loopId);
    if (!dimensions || dimensions.ids.has(rating.dimensionId)) continue;
    return {
      path: ['ratings', i, 'dimensionId'],
      message: `"${rating.dimensionId}" is not a dimension of ${dimensions.label}, the pack of interview ${rating.interviewId}`,
    };
  }
  return null;
}
