/**
 * Which scorecards a recruiter chases: every interview of an open loop that was held (started,
 * or scheduled in the past) and is not sealed. A scorecard is due one day after the interview;
 * days overdue count whole days past that.
 */
import type { Interview } from '../model/records';
import { interviewIsSealed } from './interviewLifecycle';

export const SCORECARD_DUE_AFTER_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface ScorecardDue {
  interview: Interview;
  /** When the interview was held: its start, else its scheduled time. */
  heldAt: number;
  /** Whole days past the due time; 0 while still within the day after the interview. */
  daysOverdue: number;
  isOverdue: boolean;
}

export function scorecardsDue(
  interviews: Interview[],
  openLoopIds: ReadonlySet<string>,
  now: number,
): ScorecardDue[] {
  const due: ScorecardDue[] = [];
  for (const interview of interviews) {
    if (interviewIsSealed(interview) || !openLoopIds.has(interview.loopId)) continue;
    // An amendment in progress was submitted once; it is not a missing scorecard.
    if (interview.status === 'draft' && interview.version >= 1) continue;
    const heldAt = interview.startedAt ?? interview.scheduledAt;
    if (heldAt === null || heldAt > now) continue;
    const late = now - heldAt - SCORECARD_DUE_AFTER_MS;
    due.push({ interview, heldAt, daysOverdue: late > 0 ? Math.ceil(late / DAY_MS) : 0, isOverdue: late > 0 });
  }
  return due.sort((a, b) => a.heldAt - b.heldAt);
}

/** The reminder a recruiter sends one interviewer, naming each missing scorecard. */
export function scorecardReminderText(
  interviewerName: string,
  items: Array<{ candidateName: string; kitTitle: string; heldAt: number; daysOverdue: number }>,
  formatDate: (ms: number) => string,
): string {
  const lines = items.map(
    (i) =>
      `- ${i.candidateName}, ${i.kitTitle} (held ${formatDate(i.heldAt)}${i.daysOverdue > 0 ? `, ${i.daysOverdue} day${i.daysOverdue === 1 ? '' : 's'} overdue` : ''})`,
  );
  return [
    `Hi ${interviewerName},`,
    '',
    `Your scorecard${items.length === 1 ? ' is' : 's are'} still open in Loopdesk:`,
    ...lines,
    '',
    'Please submit while the interview is fresh; the committee meets once every scorecard is in.',
    '',
    'Thanks!',
  ].join('\n');
}
