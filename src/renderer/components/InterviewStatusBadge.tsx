import type { Interview } from '../../core/model/records';

export function interviewStatusText(interview: Pick<Interview, 'status' | 'version'>): string {
  switch (interview.status) {
    case 'planned':
      return 'Not started';
    case 'draft':
      return interview.version >= 1 ? 'Amending' : 'In progress';
    case 'submitted':
      return 'Submitted';
    case 'amended':
      return `Amended (v${interview.version})`;
  }
}

/** Interview state as text (never colour alone). */
export function InterviewStatusBadge({ interview }: { interview: Pick<Interview, 'status' | 'version'> }) {
  return <span className={`status status-${interview.status}`}>{interviewStatusText(interview)}</span>;
}
