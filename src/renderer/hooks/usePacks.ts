import { useAppStore } from '../stores/appStore';
import type { RubricLoadReport } from '../../shared/desktopApi';

export type LoadedPack = RubricLoadReport['packs'][number];

const noPacks: LoadedPack[] = [];

/** All loaded packs (empty while loading). */
export function usePacks(): LoadedPack[] {
  return useAppStore((s) => s.rubrics?.packs ?? noPacks);
}

/** True once the first rubric load has answered. */
export function usePacksLoaded(): boolean {
  return useAppStore((s) => s.rubrics !== null || s.rubricsLoadError !== null);
}

/**
 * The pack a loop was planned with: the exact content hash when it is loaded, else the same pack
 * id (newer content) with `isExact: false` so the screen can say so.
 */
export function usePack(packId: string | undefined, packHash?: string): { pack: LoadedPack | undefined; isExact: boolean } {
  const packs = usePacks();
  if (!packId) return { pack: undefined, isExact: false };
  const exact = packHash ? packs.find((p) => p.manifest.id === packId && p.hash === packHash) : undefined;
  if (exact) return { pack: exact, isExact: true };
  const sameId = packs.find((p) => p.manifest.id === packId);
  return { pack: sameId, isExact: !packHash && !!sameId };
}
