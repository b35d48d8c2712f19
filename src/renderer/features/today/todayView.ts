/**
 * What Today shows, as plain rows: read from the database (`todayRead`), cut into its lists
 * (`todayView`). The screen renders a view, live or from the snapshot of the last visit
 * (`todaySnapshot.ts`), so both paint the same way.
 */
import type { Candidate, Interview, Loop } from '../../../core/model/records';
import { scorecardsDue } from '../../../core/interview/scorecardsDue';
import { dateTimeText } from '../../../core/text/dateTimeText';
import type { AppDb } from '../../db/appDb';
import type { LoadedPack } from '../../hooks/usePacks';

export interface TodayRow {
  interviewId: string;
  /** Null when the snapshot of a blind-mode profile was written: names are not kept on disk then. */
  candidateName: string | null;
  kitTitle: string;
  scheduledAt: number | null;
  /** `scheduledAt` as the screen shows it, in the user's locale (kept in the snapshot: see below). */
  scheduledText: string;
  status: Interview['status'];
  version: number;
  daysOverdue: number | null;
}

export interface TodayList {
  title: string;
  action: string;
  rows: TodayRow[];
}

export interface TodayData {
  meId: string;
  interviews: Interview[];
  candidates: Array<Candidate | undefined>;
  loops: Array<Loop | undefined>;
}

/** My interviews with their candidates and loops. */
export async function todayRead(db: AppDb, meId: string): Promise<TodayData> {
  const interviews = await db.interviews.where('interviewerId').equals(meId).toArray();
  const candidates = await db.candidates.bulkGet([...new Set(interviews.map((i) => i.candidateId))]);
  const loops = await db.loops.bulkGet([...new Set(interviews.map((i) => i.loopId))]);
  return { meId, interviews, candidates, loops };
}

/**
 * Today's lists: my overdue scorecards first (most overdue on top: the panel is waiting on me),
 * then interviews in progress, upcoming ones by time, and the last ten submitted.
 */
export function todayView(
  data: TodayData,
  kitTitleOf: (packId: string | undefined, kitId: string) => string,
  now: number,
): TodayList[] {
  const candidateName = (id: string) => data.candidates.find((c) => c?.id === id)?.name ?? 'Erased candidate';
  const loopOf = (i: Interview) => data.loops.find((l) => l?.id === i.loopId);
  const openLoopIds = new Set(data.loops.flatMap((l) => (l && l.status === 'open' ? [l.id] : [])));
  const overdueDue = scorecardsDue(data.interviews, openLoopIds, now).filter((d) => d.isOverdue);
  const overdueDays = new Map(overdueDue.map((d) => [d.interview.id, d.daysOverdue]));
  const overdue = [...overdueDue].sort((a, b) => b.daysOverdue - a.daysOverdue).map((d) => d.interview);
  const isOverdue = (i: Interview) => overdueDays.has(i.id);
  const inProgress = data.interviews.filter((i) => i.status === 'draft' && !isOverdue(i));
  const upcoming = data.interviews
    .filter((i) => i.status === 'planned' && !isOverdue(i))
    .sort((a, b) => (a.scheduledAt ?? Infinity) - (b.scheduledAt ?? Infinity));
  const done = data.interviews
    .filter((i) => i.status === 'submitted' || i.status === 'amended')
    .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
    .slice(0, 10);
  const row = (i: Interview): TodayRow => ({
    interviewId: i.id,
    candidateName: candidateName(i.candidateId),
    kitTitle: kitTitleOf(loopOf(i)?.packId, i.kitId),
    scheduledAt: i.scheduledAt,
    scheduledText: todayScheduledText(i.scheduledAt),
    status: i.status,
    version: i.version,
    daysOverdue: overdueDays.get(i.id) ?? null,
  });
  return [
    { title: 'Overdue scorecards', action: 'Finish and submit', rows: overdue.map(row) },
    { title: 'In progress', action: 'Continue', rows: inProgress.map(row) },
    { title: 'Upcoming', action: 'Start', rows: upcoming.map(row) },
    { title: 'Recently submitted', action: 'View', rows: done.map(row) },
  ];
}

/** When an interview is scheduled, as the screen shows it (formatted when the lists are built). */
export function todayScheduledText(scheduledAt: number | null): string {
  return scheduledAt ? dateTimeText(scheduledAt) : '';
}

/** A kit's title from the loaded packs, else its id (a pack not loaded here). */
export function todayKitTitleOf(packs: readonly LoadedPack[]) {
  return (packId: string | undefined, kitId: string): string =>
    packs.find((p) => p.manifest.id === packId)?.kits.find((k) => k.id === kitId)?.title ?? kitId;
}
