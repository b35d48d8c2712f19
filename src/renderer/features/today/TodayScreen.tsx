import { useState } from 'react';
import { useDbLive } from '../../db/useDbLive';
import { useMe } from '../../db/hooks';
import { usePacks, usePacksLoaded } from '../../hooks/usePacks';
import { href } from '../../app/router';
import { InterviewStatusBadge } from '../../components/InterviewStatusBadge';
import { useNow } from '../../hooks/useNow';
import { ProfileSetup } from './ProfileSetup';
import { ProfileSwitcher } from './ProfileSwitcher';
import { OpenDemoButton } from './OpenDemoButton';
import { todayKitTitleOf, todayRead, todayView, type TodayList } from './todayView';
import { todaySnapshotRead } from './todaySnapshot';

/**
 * The interviewer's start of day: their assigned interviews, one click into the runner. Until the
 * database has answered, the lists of the last visit paint at once from the start-up snapshot,
 * marked as not yet live; it is never shown for another profile than the database's current one.
 * This screen is on the start-up path: the database code loads after its first paint (`useDbLive`).
 */
export function TodayScreen() {
  const me = useMe();
  const packs = usePacks();
  const isPacksLoaded = usePacksLoaded();
  const now = useNow(60_000);
  const [snapshot] = useState(todaySnapshotRead);
  const data = useDbLive((db) => (me ? todayRead(db, me.id) : null), [me?.id]);
  const isLive = me === null || (!!me && data?.meId === me.id && isPacksLoaded);

  if (!isLive) {
    if (snapshot && (me === undefined || me.id === snapshot.profileId)) {
      return (
        <div className="page" aria-busy="true">
          <header className="page-header">
            <h1>Today</h1>
            <span className="muted">Signed in on this machine as {snapshot.profileName}</span>
            <span className="muted" role="status" data-testid="today-snapshot">
              As of your last visit — updating…
            </span>
          </header>
          <TodayLists lists={snapshot.lists} />
        </div>
      );
    }
    return <p className="page muted">Loading…</p>;
  }
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

  const lists = todayView(data!, todayKitTitleOf(packs), now);
  const hasInterviews = data!.interviews.length > 0;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Today</h1>
        <span className="muted">Signed in on this machine as {me!.name}</span>
        <div className="actions">
          <ProfileSwitcher me={me!} />
          {hasInterviews && <OpenDemoButton />}
        </div>
      </header>
      {hasInterviews ? (
        <TodayLists lists={lists} />
      ) : (
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
      )}
    </div>
  );
}

/** Today's lists, live or from the snapshot (which may hold fewer rows than `count`). */
function TodayLists({ lists }: { lists: Array<TodayList & { count?: number }> }) {
  return lists.map(({ title, action, rows, count }) => {
    if (rows.length === 0) return null;
    // An id holds no spaces: aria-labelledby reads a space as a list of ids.
    const headingId = `today-${title.toLowerCase().replace(/\W+/g, '-')}`;
    const more = (count ?? rows.length) - rows.length;
    return (
      <section key={title} className="panel" aria-labelledby={headingId}>
        <h2 id={headingId}>{title}</h2>
        <ul className="interview-list">
          {rows.map((row) => (
            <li key={row.interviewId}>
              <a href={href('interviews', row.interviewId)} className="interview-link">
                <strong>{row.candidateName ?? 'Candidate (name hidden until loaded)'}</strong>
                <span>{row.kitTitle}</span>
                <span className="muted">{row.scheduledText}</span>
                <InterviewStatusBadge interview={row} />
                {row.daysOverdue !== null && (
                  <span className="badge is-overdue">
                    {row.daysOverdue} day{row.daysOverdue === 1 ? '' : 's'} overdue
                  </span>
                )}
                <span className="sr-only">{action}</span>
              </a>
            </li>
          ))}
        </ul>
        {more > 0 && <p className="muted">and {more} more</p>}
      </section>
    );
  });
}
