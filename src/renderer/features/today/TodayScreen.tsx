import { useLiveQuery } from 'dexie-react-hooks';
import type { Interview } from '../../../core/model/records';
import { appDb } from '../../db/dbContext';
import { useMe } from '../../db/hooks';
import { usePacks } from '../../hooks/usePacks';
import { href } from '../../app/router';
import { InterviewStatusBadge } from '../../components/InterviewStatusBadge';
import { scorecardsDue } from '../../../core/interview/scorecardsDue';
import { useNow } from '../../hooks/useNow';
import { ProfileSetup } from './ProfileSetup';
import { ProfileSwitcher } from './ProfileSwitcher';
import { OpenDemoButton } from './OpenDemoButton';

/** The interviewer's start of day: their assigned interviews, one click into the runner. */
export function TodayScreen() {
  const me = useMe();
  const packs = usePacks();
  const now = useNow(60_000);
  const data = useLiveQuery(async () => {
    if (!me) return null;
    const db = appDb();
    const interviews = await db.interviews.where('interviewerId').equals(me.id).toArray();
    const candidateIds = [...new Set(interviews.map((i) => i.candidateId))];
    const candidates = await db.candidates.bulkGet(candidateIds);
    const loops = await db.loops.bulkGet([...new Set(interviews.map((i) => i.loopId))]);
    return { interviews, candidates, loops };
  }, [me?.id]);

  if (me === undefined) return <p className="page muted">Loading…</p>;
  if (me === null) {
    return (
      <div className="page">
        <header className="page-header">
          <h1>Today</h1>
        </header>
        <ProfileSetup />
      </div>
    );
  }

  const interviews = data?.interviews ?? [];
  const candidateName = (id: string) => data?.candidates.find((c) => c?.id === id)?.name ?? 'Erased candidate';
  const kitTitle = (i: Interview) => {
    const loop = data?.loops.find((l) => l?.id === i.loopId);
    const pack = packs.find((p) => p.manifest.id === loop?.packId);
    return pack?.kits.find((k) => k.id === i.kitId)?.title ?? i.kitId;
  };
  // My overdue scorecards come first: the interview is over and the panel is waiting on me.
  const openLoopIds = new Set(data?.loops.flatMap((l) => (l && l.status === 'open' ? [l.id] : [])) ?? []);
  const overdueDue = scorecardsDue(interviews, openLoopIds, now).filter((d) => d.isOverdue);
  const overdue = [...overdueDue].sort((a, b) => b.daysOverdue - a.daysOverdue).map((d) => d.interview);
  const overdueDays = new Map(overdueDue.map((d) => [d.interview.id, d.daysOverdue]));
  const isOverdue = (i: Interview) => overdueDays.has(i.id);
  const inProgress = interviews.filter((i) => i.status === 'draft' && !isOverdue(i));
  const upcoming = interviews
    .filter((i) => i.status === 'planned' && !isOverdue(i))
    .sort((a, b) => (a.scheduledAt ?? Infinity) - (b.scheduledAt ?? Infinity));
  const done = interviews
    .filter((i) => i.status === 'submitted' || i.status === 'amended')
    .sort((a, b) => (b.submittedAt ?? 0) - (a.submittedAt ?? 0))
    .slice(0, 10);

  const list = (title: string, items: Interview[], action: string) => {
    // An id holds no spaces: aria-labelledby reads a space as a list of ids.
    const headingId = `today-${title.toLowerCase().replace(/\W+/g, '-')}`;
    return (
      items.length > 0 && (
        <section className="panel" aria-labelledby={headingId}>
          <h2 id={headingId}>{title}</h2>
          <ul className="interview-list">
            {items.map((i) => (
              <li key={i.id}>
                <a href={href('interviews', i.id)} className="interview-link">
                  <strong>{candidateName(i.candidateId)}</strong>
                  <span>{kitTitle(i)}</span>
                  <span className="muted">{i.scheduledAt ? new Date(i.scheduledAt).toLocaleString() : ''}</span>
                  <InterviewStatusBadge interview={i} />
                  {overdueDays.has(i.id) && (
                    <span className="badge is-overdue">
                      {overdueDays.get(i.id)} day{overdueDays.get(i.id) === 1 ? '' : 's'} overdue
                    </span>
                  )}
                  <span className="sr-only">{action}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )
    );
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>Today</h1>
        <span className="muted">Signed in on this machine as {me.name}</span>
        <div className="actions">
          <ProfileSwitcher me={me} />
          {interviews.length > 0 && <OpenDemoButton />}
        </div>
      </header>
      {interviews.length === 0 ? (
        <section className="empty-state" aria-labelledby="today-empty-title">
          <h2 id="today-empty-title">No interviews assigned to you yet</h2>
          <p>
            Interviews appear here once a loop assigns one to you. Add a candidate and plan their loop, import a bundle
            a colleague sent you, or open the demo loop to see every screen filled in.
          </p>
          <p className="form-row">
            <a className="button primary" href="#/candidates/new">
              Add a candidate
            </a>
            <OpenDemoButton />
            <a className="button" href="#/data">
              Import a bundle
            </a>
            <a className="button" href="#/rubrics">
              Browse rubric packs
            </a>
          </p>
        </section>
      ) : (
        <>
          {list('Overdue scorecards', overdue, 'Finish and submit')}
          {list('In progress', inProgress, 'Continue')}
          {list('Upcoming', upcoming, 'Start')}
          {list('Recently submitted', done, 'View')}
        </>
      )}
    </div>
  );
}
