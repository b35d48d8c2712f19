import { useMe } from '../../db/hooks';
import { ProfileSetup } from './ProfileSetup';

/** The interviewer's start of day: their assigned interviews, one click into the runner. */
export function TodayScreen() {
  const me = useMe();
  if (me === undefined) return <p className="muted">Loading…</p>;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Today</h1>
        {me && <span className="muted">Signed in on this machine as {me.name}</span>}
      </header>
      {me === null ? (
        <ProfileSetup />
      ) : (
        <section className="empty-state" aria-labelledby="today-empty-title">
          <h2 id="today-empty-title">No interviews assigned to you yet</h2>
          <p>
            Interviews appear here once a loop assigns one to you. Create a candidate and plan their loop, or import
            a bundle a colleague sent you.
          </p>
          <p>
            <a className="button primary" href="#/candidates/new">
              Add a candidate
            </a>{' '}
            <a className="button" href="#/rubrics">
              Browse rubric packs
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
