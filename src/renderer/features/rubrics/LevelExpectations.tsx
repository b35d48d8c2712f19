import type { Dimension } from '../../../core/rubric/schema';
import type { LoadedPack } from './packView';

/** The minimum calibrated rating a dimension expects at each level, lowest level first. */
export function LevelExpectations({ pack, dimension }: { pack: LoadedPack; dimension: Dimension }) {
  const levels = pack.levels.filter((l) => dimension.expectations[l.id] !== undefined);
  if (levels.length === 0) return null;
  return (
    <div className="level-expectations">
      <span className="muted">Minimum rating by level</span>
      <dl>
        {levels.map((level) => (
          <div key={level.id}>
            <dt>{level.title}</dt>
            <dd>
              <span className="sr-only">at least </span>
              {dimension.expectations[level.id]}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
