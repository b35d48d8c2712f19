import { ExerciseView } from './ExerciseView';
import { PackItemNav } from './PackItemNav';
import { exerciseFormatTitles, packHref, type LoadedPack } from './packView';

/** Exercises: a list on the side, the chosen exercise (the first by default) beside it. */
export function ExercisesTab({ pack, itemId }: { pack: LoadedPack; itemId: string | undefined }) {
  if (pack.exercises.length === 0) {
    return (
      <section aria-labelledby="pack-tab-title" className="empty-state">
        <h2 id="pack-tab-title">No exercises</h2>
        <p>
          This pack has no exercises yet. An exercise is a file in the pack's <code>exercises/</code> folder.
        </p>
      </section>
    );
  }
  const exercise = pack.exercises.find((e) => e.id === itemId) ?? pack.exercises[0]!;
  return (
    <div className="item-layout">
      <div className="item-side">
        <h2 id="pack-tab-title" className="item-side-title">
          Exercises
        </h2>
        <PackItemNav
          label="Exercises"
          currentId={exercise.id}
          entries={pack.exercises.map((e) => ({
            id: e.id,
            title: e.title,
            meta:
              e.format === 'artifact-review'
                ? `${exerciseFormatTitles[e.format]} · ${e.defects.length} defects`
                : exerciseFormatTitles[e.format],
            href: packHref(pack, 'exercises', e.id),
          }))}
        />
      </div>
      <ExerciseView key={exercise.id} pack={pack} exercise={exercise} />
    </div>
  );
}
