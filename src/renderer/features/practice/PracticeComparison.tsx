import type { PracticeScore, PracticeSignalRef } from '../../../core/practice/practiceScore';
import type { PracticeCase } from '../../../core/rubric/practiceSchema';
import type { PracticeRunRow } from '../../db/rows/practiceRunRow';
import type { LoadedPack } from '../../hooks/usePacks';
import { SignalBadge } from '../../components/SignalBadge';
import { PracticeBanner } from './PracticeBanner';
import { practiceDistanceText, practiceLabel, practiceRatingText, practiceSignedText } from './practiceText';

const directionText = {
  match: '● matches the key',
  lenient: '▲ lenient',
  severe: '▼ severe',
  mismatch: '– “no evidence” on one side only',
} as const;

function SignalList({
  title,
  signals,
  empty,
  testId,
}: {
  title: string;
  signals: PracticeSignalRef[];
  empty: string;
  testId: string;
}) {
  return (
    <section data-testid={testId}>
      <h3>
        {title} ({signals.length})
      </h3>
      {signals.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="practice-signal-list">
          {signals.map((s) => (
            <li key={s.id}>
              <SignalBadge polarity={s.polarity} /> {s.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A sealed practice run beside the expert key: per dimension the interviewer's rating, the key's,
 * the distance and direction, the anchor that applied and the expert's reason; then the signals
 * missed, tagged beyond the key, and matched.
 */
export function PracticeComparison({
  run,
  score,
  practiceCase,
  pack,
}: {
  run: PracticeRunRow;
  score: PracticeScore;
  practiceCase: PracticeCase | undefined;
  pack: LoadedPack | undefined;
}) {
  const levelTitle = (id: string) => pack?.levels.find((l) => l.id === id)?.title ?? id;
  return (
    <div className="page practice-page">
      <header className="page-header">
        <h1>{practiceLabel(score.title)} — compared with the key</h1>
        <span className="badge practice-badge">Practice</span>
        <div className="actions">
          <a className="button" href="#/practice">
            All practice
          </a>
        </div>
      </header>
      <PracticeBanner>
        sealed {new Date(run.sealedAt!).toLocaleString()}. This comparison is yours alone: it is not in any report,
        bundle, backup or calibration.
      </PracticeBanner>
      <section className="panel" aria-labelledby="practice-summary-title">
        <h2 id="practice-summary-title">Summary</h2>
        {practiceCase && <p>{practiceCase.summary}</p>}
        <p>
          Your mean distance from the key:{' '}
          <strong data-testid="practice-mean-distance">
            {practiceDistanceText(score.meanAbsoluteDistance, score.meanSignedDistance)}
          </strong>
          . The expert would recommend <strong>{levelTitle(score.keyLevel)}</strong>
          {practiceCase ? ` for a candidate interviewing for ${levelTitle(practiceCase.candidate.targetLevel)}` : ''}.
        </p>
      </section>
      <section className="panel" aria-labelledby="practice-dimensions-title">
        <h2 id="practice-dimensions-title">Your ratings against the key</h2>
        <div className="wide-scroll">
          <table className="practice-comparison" data-testid="practice-comparison">
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col" className="num">
                  Yours
                </th>
                <th scope="col" className="num">
                  Key
                </th>
                <th scope="col" className="num">
                  Distance
                </th>
                <th scope="col">Direction</th>
                <th scope="col">Anchor that applied</th>
                <th scope="col">Expert’s reason</th>
              </tr>
            </thead>
            <tbody>
              {score.dimensions.map((d) => (
                <tr key={d.dimensionId} data-testid={`practice-row-${d.dimensionId}`} className={`is-${d.direction}`}>
                  <th scope="row">{d.title}</th>
                  <td className="num">{practiceRatingText(d.rating)}</td>
                  <td className="num">{practiceRatingText(d.key)}</td>
                  <td className="num">
                    {d.distance === null
                      ? '–'
                      : d.distance === 0 || typeof d.rating !== 'number' || typeof d.key !== 'number'
                        ? d.distance
                        : `${d.distance} (${practiceSignedText(d.rating - d.key, 0)})`}
                  </td>
                  <td className={`practice-direction is-${d.direction}`}>{directionText[d.direction]}</td>
                  <td>
                    {d.anchor ? (
                      <>
                        <strong>
                          {d.anchor.score} {d.anchor.label}:
                        </strong>{' '}
                        {d.anchor.summary}
                        {d.anchor.example && <span className="practice-example"> e.g. “{d.anchor.example}”</span>}
                      </>
                    ) : (
                      <span className="muted">– no evidence in the script</span>
                    )}
                  </td>
                  <td>{d.why}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel practice-signal-compare" aria-labelledby="practice-signals-compare-title">
        <h2 id="practice-signals-compare-title">Signals</h2>
        <SignalList
          title="Missed: the key holds them, you did not tag them"
          signals={score.signals.missed}
          empty="None: you tagged every signal the key holds."
          testId="practice-signals-missed"
        />
        <SignalList
          title="Tagged, but the key does not hold them"
          signals={score.signals.extra}
          empty="None."
          testId="practice-signals-extra"
        />
        <SignalList title="Matched" signals={score.signals.matched} empty="None." testId="practice-signals-matched" />
      </section>
      {run.notes.trim() !== '' && (
        <section className="panel" aria-labelledby="practice-own-notes-title">
          <h2 id="practice-own-notes-title">Your notes</h2>
          <p className="practice-own-notes">{run.notes}</p>
        </section>
      )}
    </div>
  );
}
