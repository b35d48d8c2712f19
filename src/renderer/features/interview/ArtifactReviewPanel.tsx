import { useState } from 'react';
import type { DefectFinding } from '../../../core/model/records';
import type { ArtifactReviewExercise, Defect } from '../../../core/rubric/schema';
import { defectReviewSummary } from '../../../core/exercise/defectScore';
import { clockText } from '../../../core/text/clockText';
import { CodeView } from '../../components/CodeView';
import { presenterOpen } from '../../platform/presenterOpen';
import { ChecklistResizer, useChecklistWidth } from './ChecklistResizer';

/**
 * The artifact with line numbers beside the planted-defect checklist. Ticking a defect records
 * when the candidate found it; the summary weights severities.
 */
export function ArtifactReviewPanel({
  interviewId,
  exercise,
  artifactText,
  findings,
  isReadOnly,
  onToggle,
}: {
  interviewId: string;
  exercise: ArtifactReviewExercise;
  artifactText: Record<string, string>;
  findings: DefectFinding[];
  isReadOnly: boolean;
  onToggle: (defect: Defect, isFound: boolean) => void;
}) {
  const [artifactId, setArtifactId] = useState(exercise.artifacts[0]?.id ?? '');
  const [focusDefect, setFocusDefect] = useState<Defect | null>(null);
  const [checklistWidth, setChecklistWidth] = useChecklistWidth();
  // The tick shows at once; the saved finding replaces it when the write commits.
  const [optimistic, setOptimistic] = useState<{ findings: DefectFinding[]; ticks: Record<string, boolean> }>({
    findings,
    ticks: {},
  });
  const ticks = optimistic.findings === findings ? optimistic.ticks : {};
  const artifact = exercise.artifacts.find((a) => a.id === artifactId) ?? exercise.artifacts[0];
  const summary = defectReviewSummary(exercise.defects, findings);
  const foundAt = new Map(findings.map((f) => [f.defectId, f.foundAt]));
  const defects = exercise.defects.filter((d) => d.artifact === artifact?.id);

  return (
    <section className="artifact-review" aria-labelledby="artifact-title">
      <div className="section-head">
        <h2 id="artifact-title">{exercise.title}</h2>
        <span className="badge" data-testid="defect-summary">
          {summary.found}/{summary.total} found · weighted {Math.round(summary.weightedScore * 100)}%
        </span>
        <button type="button" onClick={() => void presenterOpen(interviewId)}>
          Open candidate view ↗
        </button>
      </div>
      {exercise.artifacts.length > 1 && (
        <div className="tabs" role="tablist" aria-label="Artifacts">
          {exercise.artifacts.map((a) => (
            <button
              key={a.id}
              type="button"
              role="tab"
              aria-selected={a.id === artifact?.id}
              onClick={() => {
                setArtifactId(a.id);
                setFocusDefect(null);
              }}
            >
              {a.title}
            </button>
          ))}
        </div>
      )}
      <div className="artifact-grid artifact-side-by-side" style={{ ['--checklist-width' as string]: `${checklistWidth}px` }}>
        {artifact && (
          <CodeView
            text={artifactText[artifact.id] ?? ''}
            language={artifact.language}
            label={artifact.title}
            highlight={focusDefect && focusDefect.artifact === artifact.id ? [focusDefect.lines] : []}
          />
        )}
        <ChecklistResizer width={checklistWidth} onResize={setChecklistWidth} />
        <fieldset className="defect-list" tabIndex={0}>
          <legend>Planted defects (interviewer only)</legend>
          {defects.map((d) => {
            const at = foundAt.get(d.id);
            return (
              <div key={d.id} className="defect-item">
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={ticks[d.id] ?? at !== undefined}
                    disabled={isReadOnly}
                    onChange={(e) => {
                      setOptimistic({ findings, ticks: { ...ticks, [d.id]: e.target.checked } });
                      onToggle(d, e.target.checked);
                    }}
                  />
                  <span>
                    {d.title} <span className={`sev sev-${d.severity}`}>{d.severity}</span>
                  </span>
                </label>
                <span className="muted defect-meta">
                  <button type="button" className="link" onClick={() => setFocusDefect(d)}>
                    lines {d.lines[0]}–{d.lines[1]}
                  </button>
                  {at !== undefined && <> · found at {clockText(at)}</>}
                </span>
                {focusDefect?.id === d.id && (
                  <p className="defect-detail">
                    {d.description} <em>Strong answer adds:</em> {d.strongAnswer}
                  </p>
                )}
              </div>
            );
          })}
        </fieldset>
      </div>
    </section>
  );
}
