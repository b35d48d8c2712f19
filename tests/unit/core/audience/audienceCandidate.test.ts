import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../../src/cli/rubricFiles';
import { audienceCandidateArtifact } from '../../../../src/core/audience/audienceCandidate';
import { rubricPacksLoad } from '../../../../src/core/rubric/loader';
import type { ArtifactReviewExercise } from '../../../../src/core/rubric/schema';

const files = rubricFilesRead(join(import.meta.dirname, '../../../../rubrics'))!;
const pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
const reviews = pack.exercises.filter((e): e is ArtifactReviewExercise => e.format === 'artifact-review');

describe('audienceCandidateArtifact', () => {
  it.each(reviews.map((e) => [e.id, e] as const))('%s: the files and the brief, and no defect, line range or answer', (_id, exercise) => {
    const view = audienceCandidateArtifact(exercise, pack.artifactText);
    expect(view.artifacts.map((a) => a.id)).toEqual(exercise.artifacts.map((a) => a.id));
    expect(view.artifacts.every((a) => a.text.length > 0)).toBe(true);
    // Everything but the artifacts' own text: nothing of the checklist may appear in it.
    const shown = JSON.stringify({ ...view, artifacts: view.artifacts.map(({ text: _t, ...rest }) => rest) });
    for (const defect of exercise.defects) {
      expect(shown.includes(defect.title), defect.title).toBe(false);
      expect(shown.includes(defect.description), defect.id).toBe(false);
      expect(shown.includes(defect.strongAnswer), defect.id).toBe(false);
      expect(shown.includes(defect.id), defect.id).toBe(false);
    }
    expect(Object.keys(view).sort()).toEqual(['artifacts', 'brief', 'title']);
    expect(Object.keys(view.artifacts[0]!).sort()).toEqual(['id', 'language', 'text', 'title']);
  });
});
