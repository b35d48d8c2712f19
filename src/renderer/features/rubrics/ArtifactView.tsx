import { useId, useState } from 'react';
import type { Artifact, Defect } from '../../../core/rubric/schema';
import { CodeView } from '../../components/CodeView';
import { DimensionTags } from './DimensionTags';
import type { LoadedPack } from './packView';

const severityTitles: Record<Defect['severity'], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

function linesText([first, last]: [number, number]): string {
  return first === last ? `Line ${first}` : `Lines ${first}–${last}`;
}

/**
 * An artifact with line numbers beside its catalogue of planted defects. Choosing a defect marks
 * its lines in the code and opens what it is and what a strong answer adds.
 */
export function ArtifactView({
  pack,
  artifact,
  text,
  defects,
}: {
  pack: LoadedPack;
  artifact: Artifact;
  text: string;
  defects: Defect[];
}) {
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [isMarkingAll, setIsMarkingAll] = useState(false);
  const markAllId = useId();
  const selected = defects.find((d) => d.id === selectedId);
  const highlight: Array<[number, number]> = selected
    ? [selected.lines]
    : isMarkingAll
      ? defects.map((d) => d.lines)
      : [];

  return (
    <section className="artifact" aria-labelledby={`artifact-${artifact.id}`}>
      <h3 id={`artifact-${artifact.id}`}>{artifact.title}</h3>
      <div className="artifact-layout">
        <CodeView text={text} language={artifact.language} label={artifact.file} highlight={highlight} />
        <div className="catalogue">
          <div className="catalogue-head">
            <h4>Planted defects ({defects.length})</h4>
            <label className="check" htmlFor={markAllId}>
              <input
                id={markAllId}
                type="checkbox"
                checked={isMarkingAll}
                onChange={(e) => setIsMarkingAll(e.target.checked)}
              />
              Mark all in the code
            </label>
          </div>
          <ol className="catalogue-defects">
            {defects.map((defect) => {
              const isSelected = defect.id === selectedId;
              return (
                <li key={defect.id} className={isSelected ? 'catalogue-defect is-selected' : 'catalogue-defect'}>
                  <button
                    type="button"
                    className="catalogue-defect-toggle"
                    aria-expanded={isSelected}
                    aria-controls={`defect-${artifact.id}-${defect.id}`}
                    onClick={() => setSelectedId(isSelected ? undefined : defect.id)}
                  >
                    <span className="catalogue-defect-lines">{linesText(defect.lines)}</span>
                    <span className="catalogue-defect-title">{defect.title}</span>
                    <span className={`badge severity severity-${defect.severity}`}>
                      {severityTitles[defect.severity]}
                    </span>
                  </button>
                  <div
                    id={`defect-${artifact.id}-${defect.id}`}
                    className="catalogue-defect-detail"
                    hidden={!isSelected}
                  >
                    <p>{defect.description}</p>
                    <p>
                      <span className="muted">Strong answer: </span>
                      {defect.strongAnswer}
                    </p>
                    <DimensionTags pack={pack} ids={defect.dimensions} />
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </section>
  );
}
