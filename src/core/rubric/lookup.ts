/**
 * Small lookups over a loaded pack, for the runner, the report and the level recommendation.
 */
import type { Dimension, Exercise, Kit, Level, RubricPack, Signal } from './schema';

/** The dimension with this id, or undefined when the pack has none. */
export function rubricDimension(pack: RubricPack, id: string): Dimension | undefined {
  return pack.dimensions.find((d) => d.id === id);
}

/** The interview kit with this id, or undefined. */
export function rubricKit(pack: RubricPack, id: string): Kit | undefined {
  return pack.kits.find((k) => k.id === id);
}

/** The exercise with this id, or undefined. */
export function rubricExercise(pack: RubricPack, id: string): Exercise | undefined {
  return pack.exercises.find((e) => e.id === id);
}

/** The incident scenario with this id, or undefined. */
export function rubricScenario(pack: RubricPack, id: string): RubricPack['scenarios'][number] | undefined {
  return pack.scenarios.find((s) => s.id === id);
}

/** The catalogued signal with this id, or undefined. */
export function rubricSignal(pack: RubricPack, id: string): Signal | undefined {
  return pack.signals.find((s) => s.id === id);
}

/** Catalogue signals linked to a dimension, in catalogue order (all polarities). */
export function rubricSignalsFor(pack: RubricPack, dimensionId: string): Signal[] {
  return pack.signals.filter((s) => s.dimensions.includes(dimensionId));
}

/** The level with this id, or undefined. */
export function rubricLevel(pack: RubricPack, levelId: string): Level | undefined {
  return pack.levels.find((l) => l.id === levelId);
}

/**
 * Position of a level on the ladder, 0 = lowest; -1 when the pack has no such level (like
 * `indexOf`). Comparing indexes orders levels: a `levelCap` of index 2 allows levels 0-2.
 */
export function rubricLevelIndex(pack: RubricPack, levelId: string): number {
  return pack.levels.findIndex((l) => l.id === levelId);
}
