import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { calibrationFromPoolStats } from '../../../core/calibration/calibrationFromPoolStats';
import type { Calibration } from '../../../core/calibration/calibrateRatings';
import type { Interviewer } from '../../../core/model/records';
import { reportDimensionAbbreviations } from '../../../core/report/reportAbbreviations';
import type { Dimension } from '../../../core/rubric/schema';
import { appDb } from '../../db/dbContext';
import type { LoadedPack } from '../../hooks/usePacks';
import { offsetIntervalText, offsetSigned as signed } from './offsetText';
import { usePoolStats } from './usePoolStats';

/** z of the two-sided 95 % interval shown beside each offset. */
const Z95 = 1.96;

/**
 * Each interviewer's leniency offset (the interviewer effect of the two-way additive model: how far
 * above (+) or below (−) the panels they sat on they rate), its 95 % interval, and how many
 * comparisons it rests on.
 */
export function CalibrationTable({
  calibration,
  interviewers,
  dimensions,
}: {
  calibration: Calibration;
  interviewers: Interviewer[];
  dimensions: Dimension[];
}) {
  const raters = Object.values(calibration.raters);
  const nameOf = new Map(interviewers.map((i) => [i.id, i.name]));
  const abbreviations = reportDimensionAbbreviations(dimensions);
  return (
    <section className="panel" aria-labelledby="calibration-title">
      <h2 id="calibration-title">Interviewer calibration</h2>
      <p className="muted">
        Offset = the interviewer's effect in a two-way model (rating = candidate × dimension + interviewer + noise),
        shrunk toward 0 (λ = {calibration.options.shrinkage.toFixed(2)},{' '}
        {calibration.model.shrinkageSource === 'data'
          ? 'chosen by the data'
          : calibration.model.shrinkageSource === 'option'
            ? 'as set'
            : 'the default'}
        ) so that a rater with few ratings is barely adjusted. Calibrated rating = raw − offset. A dimension's own
        offset is used once it rests on {calibration.options.minDimensionComparisons} comparisons; otherwise the overall
        one. The 95% interval (offset ± 1.96 standard errors) is where the interviewer's true leniency lies with about
        95% confidence; one that includes 0 cannot tell them from the panel.
      </p>
      <table aria-label="Interviewer offsets">
        <thead>
          <tr>
            <th>Interviewer</th>
            <th className="num">Overall offset</th>
            <th className="num">95% interval</th>
            <th className="num">Rests on (n)</th>
            <th className="num">Ratings</th>
            {dimensions.map((d) => (
              // The abbreviation the committee table and its legend use; the full name on hover and for screen readers.
              <th key={d.id} className="num" title={d.title}>
                <span aria-hidden="true">{abbreviations.get(d.id) ?? d.title}</span>
                <span className="sr-only">{d.title}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {raters.map((r) => (
            <tr key={r.interviewerId}>
              <td>{nameOf.get(r.interviewerId) ?? 'Unknown'}</td>
              <td className="num">{signed(r.overall.offset)}</td>
              <td className="num">
                {r.overall.se === null
                  ? '–'
                  : offsetIntervalText([r.overall.offset - Z95 * r.overall.se, r.overall.offset + Z95 * r.overall.se])}
              </td>
              <td className="num">{r.overall.n}</td>
              <td className="num">
                {r.ratings}
                {r.noEvidence > 0 ? ` (+${r.noEvidence} no ev.)` : ''}
              </td>
              {dimensions.map((d) => {
                const dim = r.dimensions[d.id];
                return (
                  <td key={d.id} className="num" title={dim ? `${dim.applied.source} offset, n=${dim.n}` : undefined}>
                    {dim ? signed(dim.applied.offset) : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The committee screen's calibration table: a pool's is large (200 interviewers ≈ 3,000 cells) and
 * sits below the comparison, so it — and the pool statistics and interviewers it reads — comes
 * when scrolled near, and the screen's first screenful waits for none of it.
 */
export function CommitteeCalibration({ pack }: { pack: LoadedPack }) {
  const [regionRef, isNear] = useNearViewport<HTMLDivElement>();
  return (
    // A region that scrolls sideways is reached by keyboard too (axe: scrollable-region-focusable).
    <div
      className="wide-scroll"
      role="region"
      aria-label="Interviewer calibration (scrolls sideways)"
      tabIndex={0}
      // No height is reserved: the region only ever grows when the table comes, so nothing above it
      // moves even when the page is scrolled to its end.
      ref={regionRef}
    >
      {isNear ? (
        <CalibrationOfPool pack={pack} />
      ) : (
        <section className="panel">
          <h2>Interviewer calibration</h2>
        </section>
      )}
    </div>
  );
}

function CalibrationOfPool({ pack }: { pack: LoadedPack }) {
  // The offsets table reads the pool statistics alone (no candidate's ratings).
  const { stats } = usePoolStats(pack);
  const calibration = useMemo(() => (stats ? calibrationFromPoolStats(stats, []) : undefined), [stats]);
  const interviewers = useLiveQuery(() => appDb().interviewers.toArray(), []);
  if (!calibration || !interviewers)
    return (
      <section className="panel">
        <h2>Interviewer calibration</h2>
        <p className="muted">Reading the pool statistics…</p>
      </section>
    );
  return <CalibrationTable calibration={calibration} interviewers={interviewers} dimensions={pack.dimensions} />;
}

/** True once the element is within a screen's height of the viewport (at once where that cannot be observed). */
function useNearViewport<E extends Element>(): [React.RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [isNear, setIsNear] = useState(typeof IntersectionObserver !== 'function');
  useEffect(() => {
    const element = ref.current;
    if (isNear || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setIsNear(true);
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [isNear]);
  return [ref, isNear];
}
