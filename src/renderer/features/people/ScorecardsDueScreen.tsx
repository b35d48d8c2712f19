import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { scorecardReminderText, scorecardsDue } from '../../../core/interview/scorecardsDue';
import { appDb } from '../../db/dbContext';
import { usePacks } from '../../hooks/usePacks';
import { href } from '../../app/router';
import { useNow } from '../../hooks/useNow';
import { useAppStore } from '../../stores/appStore';

type SortKey = 'candidate' | 'kit' | 'interviewer' | 'held' | 'overdue';

interface Row {
  id: string;
  loopId: string;
  candidateName: string;
  kitTitle: string;
  interviewerId: string;
  interviewerName: string;
  interviewerEmail: string;
  heldAt: number;
  daysOverdue: number;
}

const dateText = (ms: number) => new Date(ms).toLocaleDateString();

function compare(a: Row, b: Row, key: SortKey): number {
  switch (key) {
    case 'candidate':
      return a.candidateName.localeCompare(b.candidateName);
    case 'kit':
      return a.kitTitle.localeCompare(b.kitTitle);
    case 'interviewer':
      return a.interviewerName.localeCompare(b.interviewerName);
    case 'held':
      return a.heldAt - b.heldAt;
    case 'overdue':
      return a.daysOverdue - b.daysOverdue;
  }
}

/**
 * The recruiter's chase list: every held interview of an open loop without a sealed scorecard,
 * sortable, and per interviewer a reminder to copy or send by e-mail.
 */
export function ScorecardsDueScreen() {
  const now = useNow(60_000);
  const packs = usePacks();
  const noticeShow = useAppStore((s) => s.noticeShow);
  const [sort, setSort] = useState<{ key: SortKey; isDescending: boolean }>({ key: 'overdue', isDescending: true });
  const data = useLiveQuery(async () => {
    const db = appDb();
    const loops = await db.loops.where('status').equals('open').toArray();
    const interviews = await db.interviews
      .where('loopId')
      .anyOf(loops.map((l) => l.id))
      .toArray();
    const [candidates, interviewers] = await Promise.all([
      db.candidates.bulkGet([...new Set(interviews.map((i) => i.candidateId))]),
      db.interviewers.toArray(),
    ]);
    return { loops, interviews, candidates, interviewers };
  }, []);
  if (!data) return <p className="page muted">Loading…</p>;

  const due = scorecardsDue(data.interviews, new Set(data.loops.map((l) => l.id)), now);
  const rows: Row[] = due.map(({ interview, heldAt, daysOverdue }) => {
    const loop = data.loops.find((l) => l.id === interview.loopId);
    const pack = packs.find((p) => p.manifest.id === loop?.packId);
    const who = data.interviewers.find((p) => p.id === interview.interviewerId);
    return {
      id: interview.id,
      loopId: interview.loopId,
      candidateName: data.candidates.find((c) => c?.id === interview.candidateId)?.name ?? 'Erased candidate',
      kitTitle: pack?.kits.find((k) => k.id === interview.kitId)?.title ?? interview.kitId,
      interviewerId: interview.interviewerId,
      interviewerName: who?.name ?? 'Unknown interviewer',
      interviewerEmail: who?.email ?? '',
      heldAt,
      daysOverdue,
    };
  });
  const sorted = [...rows].sort(
    (a, b) => (sort.isDescending ? -1 : 1) * compare(a, b, sort.key) || a.heldAt - b.heldAt,
  );
  const byInterviewer = [...new Set(sorted.map((r) => r.interviewerId))].map((id) => {
    const mine = sorted.filter((r) => r.interviewerId === id);
    const first = mine[0]!;
    const text = scorecardReminderText(first.interviewerName, mine, dateText);
    const subject = `Scorecard${mine.length === 1 ? '' : 's'} due in Loopdesk`;
    const mailto = `mailto:${encodeURIComponent(first.interviewerEmail)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`;
    return { id, name: first.interviewerName, email: first.interviewerEmail, count: mine.length, text, mailto };
  });

  const header = (key: SortKey, label: string) => {
    const isSorted = sort.key === key;
    return (
      <th aria-sort={isSorted ? (sort.isDescending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="link"
          onClick={() => setSort({ key, isDescending: isSorted ? !sort.isDescending : key === 'overdue' })}
        >
          {label}
          {isSorted ? (sort.isDescending ? ' ▼' : ' ▲') : ''}
        </button>
      </th>
    );
  };

  const copy = (text: string, name: string) =>
    void navigator.clipboard
      .writeText(text)
      .then(() => noticeShow('info', `Reminder for ${name} copied.`))
      .catch(() => noticeShow('error', 'Could not copy: select the text and copy it by hand.'));

  return (
    <div className="page">
      <header className="page-header">
        <h1>Scorecards due</h1>
        <span className="muted">
          Held interviews of open loops without a sealed scorecard; a scorecard is due a day after its interview.
        </span>
      </header>
      {rows.length === 0 ? (
        <section className="empty-state">
          <h2>Nothing to chase</h2>
          <p>Every interview held so far has a sealed scorecard.</p>
        </section>
      ) : (
        <>
          <table aria-label="Scorecards due">
            <thead>
              <tr>
                {header('candidate', 'Candidate')}
                {header('kit', 'Kit')}
                {header('interviewer', 'Interviewer')}
                {header('held', 'Held')}
                {header('overdue', 'Days overdue')}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.id} className={r.daysOverdue > 0 ? 'is-overdue' : undefined}>
                  <td>
                    <a href={href('loops', r.loopId)}>{r.candidateName}</a>
                  </td>
                  <td>{r.kitTitle}</td>
                  <td>{r.interviewerName}</td>
                  <td>{dateText(r.heldAt)}</td>
                  <td className="num">{r.daysOverdue > 0 ? r.daysOverdue : 'due today'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Reminders</h2>
          <div className="reminders">
            {byInterviewer.map((r) => (
              <section key={r.id} className="panel reminder" aria-label={`Reminder for ${r.name}`}>
                <h3>
                  {r.name} <span className="muted">· {r.count} open</span>
                </h3>
                <label>
                  <span className="sr-only">Reminder text for {r.name}</span>
                  <textarea readOnly rows={Math.min(10, r.count + 7)} value={r.text} />
                </label>
                <p className="form-row">
                  <button type="button" onClick={() => copy(r.text, r.name)}>
                    Copy reminder
                  </button>
                  <a className="button" href={r.mailto}>
                    E-mail {r.name}
                    {r.email ? '' : ' (no address on file)'}
                  </a>
                </p>
              </section>
            ))}
          </div>
        </>
      )}
    </div>
  );
}
