/**
 * Small view helpers shared by the rubric screens: counts, display names for ids, and the
 * addresses of a pack's pages. Plain functions; the components stay about layout.
 */
import { rubricDimension, rubricLevel } from '../../../core/rubric/lookup';
import type { Exercise, Kit, SignalPolarity } from '../../../core/rubric/schema';
import type { RubricLoadReport } from '../../../shared/desktopApi';
import { href } from '../../app/router';

export type LoadedPack = RubricLoadReport['packs'][number];

export const packTabs = ['dimensions', 'ladder', 'signals', 'kits', 'exercises', 'scenarios'] as const;
export type PackTab = (typeof packTabs)[number];

export const packTabTitles: Record<PackTab, string> = {
  dimensions: 'Dimensions',
  ladder: 'Ladder',
  signals: 'Signals',
  kits: 'Kits',
  exercises: 'Exercises',
  scenarios: 'Scenarios',
};

export function isPackTab(value: string | undefined): value is PackTab {
  return (packTabs as readonly string[]).includes(value ?? '');
}

export interface PackCounts {
  dimensions: number;
  levels: number;
  signals: number;
  signalsByPolarity: Record<SignalPolarity, number>;
  kits: number;
  exercises: number;
  scenarios: number;
}

export function packCounts(pack: LoadedPack): PackCounts {
  const signalsByPolarity: Record<SignalPolarity, number> = { strong: 0, weak: 0, 'red-flag': 0 };
  for (const signal of pack.signals) signalsByPolarity[signal.polarity] += 1;
  return {
    dimensions: pack.dimensions.length,
    levels: pack.levels.length,
    signals: pack.signals.length,
    signalsByPolarity,
    kits: pack.kits.length,
    exercises: pack.exercises.length,
    scenarios: pack.scenarios.length,
  };
}

/** Count with its noun, singular or plural: `1 kit`, `6 kits`. */
export function countText(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Dimension title for an id; the id itself if the pack has no such dimension. */
export function packDimensionTitle(pack: LoadedPack, id: string): string {
  return rubricDimension(pack, id)?.title ?? id;
}

/** Level title for an id; the id itself if the ladder has no such level. */
export function packLevelTitle(pack: LoadedPack, id: string): string {
  return rubricLevel(pack, id)?.title ?? id;
}

/**
 * Folder the pack was loaded from. Packs added through the app are stored under their pack id, and
 * the loader's convention is `rubrics/<pack-id>/`, so the id is the folder unless the host says
 * otherwise.
 */
export function packDirOf(pack: LoadedPack): string {
  const dir = (pack as LoadedPack & { packDir?: unknown }).packDir;
  return typeof dir === 'string' && dir !== '' ? dir : pack.manifest.id;
}

/**
 * Address of a pack page: `#/rubrics/<packId>[/<tab>[/<item>]]`. A user pack may reuse a
 * built-in pack's id, so user packs carry `?origin=user`.
 */
export function packHref(pack: LoadedPack, ...segments: string[]): string {
  const path = href('rubrics', pack.manifest.id, ...segments);
  return pack.origin === 'user' ? `${path}?origin=user` : path;
}

/** The first 12 hex digits of the content hash: enough to tell versions apart at a glance. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

export const originTitles: Record<LoadedPack['origin'], string> = {
  'built-in': 'Built-in',
  user: 'User',
};

export const kitFormatTitles: Record<Kit['format'], string> = {
  design: 'Design',
  review: 'Review',
  incident: 'Incident',
  debugging: 'Debugging',
  conversation: 'Conversation',
};

/** Planned length of a kit: the sum of its sections. */
export function kitMinutes(kit: Kit): number {
  return kit.sections.reduce((sum, s) => sum + s.minutes, 0);
}

export const exerciseFormatTitles: Record<Exercise['format'], string> = {
  'case-study': 'Case study',
  'artifact-review': 'Artifact review',
};
