import { practiceHistory } from '../../../core/practice/practiceHistory';
import { appDb } from '../../db/dbContext';
import { practiceRunStart } from '../../db/actions/practiceActions';
import { useMe } from '../../db/hooks';
import { usePacks, usePacksLoaded } from '../../hooks/usePacks';
import { href, navigate } from '../../app/router';
import { useAppStore } from '../../stores/appStore';
import { PracticeHistoryPanel } from './PracticeHistoryPanel';
import { PracticeBanner } from './PracticeBanner';
import { practiceCaseOf, usePracticeRuns } from './usePracticeRuns';
import { practiceDistanceText } from './practiceText';
import './practice.css';

async function practiceStart(interviewerId: string, packId: string, caseId: string): Promise<void> {
  navigate(href('practice', await practiceRunStart(appDb(), { interviewerId, packId, caseId }, Date.now())));
}

/**
 * Calibration practice: the loaded packs' practice cases, this interviewer's runs and how far
 * their ratings have fallen from the expert keys so far.
 */
export function PracticeHomeScreen() {
  const me = useMe();
  const packs = usePacks();
  const packsLoaded = usePacksLoaded();
  const runs = usePracticeRuns(me?.id);
  const noticeShow = useAppStore((s) => s.noticeShow);
  if (me === undefined || !packsLoaded || runs === undefined) return <p className="page muted">Loading…</p>;
  if (me === null) {
    return (
      <div className="page">
        <h1>Practice</h1>
        <section className="empty-state">
          <p>
            Practice runs are kept per interviewer. Create your profile on <a href="#/today">Today</a> first.
          </p>
        </section>
      </div>
    );
  }
  const withCases = packs.filter((p) => (p.practiceCases ?? []).length > 0);
  const start = (packId: string, caseId: string) =>
    practiceStart(me.id, packId, caseId).catch((error: Error) =>
      noticeShow('error', `Could not start the practice run: ${error.message}`),
    );
  const sealedByPack = (packId: string) =>
    runs.filter((r) => r.packId === packId && r.sealedAt !== null && r.score).map((r) => r.score!);

  return (
    <div className="page practice-page">
      <header className="page-header">
        <h1>Practice</h1>
      </header>
      <PracticeBanner>
        Score a scripted candidate, seal, and compare your ratings with the expert key. Practice runs stay on this
        machine in their own store: never in reports, the committee screen, bundles, backups or calibration.
      </PracticeBanner>
      <section className="panel" aria-labelledby="practice-cases-title">
        <h2 id="practice-cases-title">Practice cases</h2>
        {withCases.length === 0 ? (
          <p className="muted">
            No loaded rubric pack ships practice cases. Packs add them as <code>practice/*.yaml</code> (see the rubric
            authoring guide); check the <a href="#/rubrics">rubric library</a> for load errors.
          </p>
        ) : (
          <ul className="practice-cases">
            {withCases.flatMap((pack) =>
              pack.practiceCases!.map((c) => {
                const kit = pack.kits.find((k) => k.id === c.kit);
                const open = runs.find(
                  (r) => r.packId === pack.manifest.id && r.caseId === c.id && r.sealedAt === null,
                );
                const level =
                  pack.levels.find((l) => l.id === c.candidate.targetLevel)?.title ?? c.candidate.targetLevel;
                return (
                  <li key={`${pack.manifest.id}/${c.id}`} className="practice-case">
                    <h3>{c.title}</h3>
                    <p className="muted">
                      {kit?.title ?? c.kit} · {c.candidate.name} · interviewing for {level}
                      {withCases.length > 1 ? ` · ${pack.manifest.title}` : ''}
                    </p>
                    <p>{c.candidate.background}</p>
                    {open ? (
                      <a
                        className="button primary"
                        href={href('practice', open.id)}
                        aria-label={`Continue practice run: ${c.title}`}
                      >
                        Continue practice run
                      </a>
                    ) : (
                      <button
                        type="button"
                        className="primary"
                        aria-label={`Start practice run: ${c.title}`}
                        onClick={() => void start(pack.manifest.id, c.id)}
                      >
                        Start practice run
                      </button>
                    )}
                  </li>
                );
              }),
            )}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="practice-runs-title">
        <h2 id="practice-runs-title">Your practice runs</h2>
        {runs.length === 0 ? (
          <p className="muted">None yet: start a practice run above.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Started</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Mean distance from the key
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const title = run.score?.title ?? practiceCaseOf(packs, run).practiceCase?.title ?? run.caseId;
                return (
                  <tr key={run.id} data-testid="practice-run-row">
                    <td>
                      <a href={href('practice', run.id)}>{title}</a>
                    </td>
                    <td>{new Date(run.startedAt).toLocaleString()}</td>
                    <td>{run.sealedAt === null ? 'Open' : `Sealed ${new Date(run.sealedAt).toLocaleString()}`}</td>
                    <td className="num">
                      {run.score
                        ? practiceDistanceText(run.score.meanAbsoluteDistance, run.score.meanSignedDistance)
                        : '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      {(withCases.length > 0 ? withCases : packs.slice(0, 1)).map((pack) => (
        <PracticeHistoryPanel
          key={pack.manifest.id}
          history={practiceHistory(sealedByPack(pack.manifest.id))}
          packTitle={withCases.length > 1 ? pack.manifest.title : null}
        />
      ))}
    </div>
  );
}
