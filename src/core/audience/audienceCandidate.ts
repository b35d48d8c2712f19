/**
 * What the candidate's shared screen may show (SPEC §7 "Audiences", candidate): for an artifact
 * review, the brief and the artifacts as files, nothing else. Nothing derived from the
 * interviewer's checklist, notes or scores reaches it — no highlighted lines, no found/missed
 * counts, no timing — because any of those tells the candidate which findings count.
 */
import type { ArtifactReviewExercise } from '../rubric/schema';

export interface AudienceCandidateArtifactView {
  title: string;
  brief: string;
  artifacts: Array<{ id: string; title: string; language: ArtifactReviewExercise['artifacts'][number]['language']; text: string }>;
}

/** The artifact review as the candidate sees it; `artifactText` maps artifact id → file text. */
export function audienceCandidateArtifact(
  exercise: ArtifactReviewExercise,
  artifactText: Readonly<Record<string, string>>,
): AudienceCandidateArtifactView {
  return {
    title: exercise.title,
    brief: exercise.brief,
    artifacts: exercise.artifacts.map((a) => ({ id: a.id, title: a.title, language: a.language, text: artifactText[a.id] ?? '' })),
  };
}
