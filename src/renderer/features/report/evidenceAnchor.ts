/** The element id of one interviewer's evidence for one dimension in a report (the target of a rating link). */
export function evidenceAnchorId(dimensionId: string, interviewId: string): string {
  return `evidence-${dimensionId}-${interviewId}`;
}

/**
 * Brings an evidence block into view and focuses it. Hash links cannot be used for this: the hash
 * holds the app's route.
 */
export function evidenceShow(dimensionId: string, interviewId: string): void {
  const target = document.getElementById(evidenceAnchorId(dimensionId, interviewId));
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}
