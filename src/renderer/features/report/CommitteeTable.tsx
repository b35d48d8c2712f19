import { useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { OverallRecommendation } from '../../../core/model/records';
import type { CommitteeView } from '../../../core/report/committeeRow';
import { href } from '../../app/router';
import { SignalBadge } from '../../components/SignalBadge';
import { recommendationHeadline } from './RecommendationPanel';
import { OverallCell } from './committeeCells';

export type CommitteeSortKey =
  'name' | 'level' | 'decision' | 'overall' | 'redFlags' | 'raw' | 'calibrated' | `dimension:${string}`;
export interface CommitteeSort {
  key: CommitteeSortKey;
  isDescending: boolean;
}

const ROW_HEIGHT = 48;
const overallWeight: Record<OverallRecommendation, number> = { 'strong-no': -2, no: -1, yes: 1, 'strong-yes': 2 };
const decisionWeight = { hire: 3, 'more-evidence': 2, 'no-hire': 1 } as const;

/** The value a column sorts by; "no value" sorts below every value. */
function sortValue(r: CommitteeView, key: CommitteeSortKey, nameOf: (r: CommitteeView) => string): number | string {
  switch (key) {
    case 'name':
      return nameOf(r).toLowerCase();
    case 'level': {
      const rec = r.recommendation;
      return rec.status === 'not-enough-evidence' ? -2 : rec.level ? r.levels.findIndex((l) => l.id === rec.level) : -1;
    }
    case 'decision':
      return r.decision ? decisionWeight[r.decision.outcome] : 0;
    case 'overall': {
      const given = r.interviewers.flatMap((i) => (i.overall ? [overallWeight[i.overall.recommendation]] : []));
      return given.length > 0 ? given.reduce((a, b) => a + b, 0) / given.length : -Infinity;
    }
    case 'redFlags':
      return r.redFlagCount;
    case 'raw':
      return r.score.raw ?? -Infinity;
    case 'calibrated':
      return r.score.calibrated ?? -Infinity;
    default: {
      const dimensionId = key.slice('dimension:'.length);
      return r.calibrated[r.dimensions.findIndex((d) => d.id === dimensionId)] ?? -Infinity;
    }
  }
}

/** Reports in the order of `sort`, ties by name (so the order is stable). */
export function committeeSorted(
  reports: readonly CommitteeView[],
  sort: CommitteeSort,
  nameOf: (r: CommitteeView) => string,
): CommitteeView[] {
  const keyed = reports.map((r) => ({ r, v: sortValue(r, sort.key, nameOf), n: nameOf(r).toLowerCase() }));
  keyed.sort((a, b) => {
    const order = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    return (sort.isDescending ? -order : order) || (a.n < b.n ? -1 : a.n > b.n ? 1 : 0);
  });
  return keyed.map((k) => k.r);
}

/**
 * The committee's comparison table: every column sortable, the candidate column and the header
 * sticky, rows virtualised (only the rows in view are in the DOM, so 5,000 candidates scroll as
 * smoothly as 5), and the table scrolling inside its own box so the page never scrolls sideways.
 */
export function CommitteeTable({
  reports,
  dimensions,
  abbreviations,
  sort,
  onSort,
  nameOf,
  isBlind,
}: {
  reports: CommitteeView[];
  dimensions: ReadonlyArray<{ id: string; title: string }>;
  abbreviations: ReadonlyMap<string, string>;
  sort: CommitteeSort;
  onSort: (sort: CommitteeSort) => void;
  nameOf: (r: CommitteeView) => string;
  isBlind: boolean;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusedHeader, setFocusedHeader] = useState<string | null>(null);
  // The virtualizer's getters are read during render on purpose; nothing here is memoised by the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: reports.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 600 },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const columnCount = 7 + dimensions.length;

  const header = (
    key: CommitteeSortKey,
    label: ReactNode,
    options: { isNumeric?: boolean; fullName?: string; shortName?: string; className?: string } = {},
  ) => {
    const isActive = sort.key === key;
    return (
      <th
        key={key}
        scope="col"
        className={[options.isNumeric ? 'num' : '', options.className ?? ''].join(' ').trim() || undefined}
        aria-sort={isActive ? (sort.isDescending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="link sort"
          // The name holds the visible abbreviation too, so speech input can say what it sees.
          aria-label={
            options.fullName
              ? `${options.shortName ? `${options.shortName}, ` : ''}${options.fullName}: sort`
              : undefined
          }
          onFocus={() => setFocusedHeader(key)}
          onBlur={() => setFocusedHeader(null)}
          onClick={() => onSort({ key, isDescending: isActive ? !sort.isDescending : key !== 'name' })}
        >
          {label}
          <span aria-hidden="true">{isActive ? (sort.isDescending ? ' ▾' : ' ▴') : ''}</span>
          {options.fullName && (
            <span className={`col-tip${focusedHeader === key ? ' is-shown' : ''}`} role="tooltip">
              {options.fullName}
            </span>
          )}
        </button>
      </th>
    );
  };

  return (
    <div className="committee-scroll" ref={scrollRef} data-testid="committee-scroll">
      <table aria-label="Candidates compared" aria-rowcount={reports.length + 1} className="committee-table">
        <thead>
          <tr aria-rowindex={1}>
            {header('name', 'Candidate', { className: 'sticky-col' })}
            {header('level', 'Recommended level')}
            {header('decision', 'Decision')}
            {header('overall', 'Interviewers overall')}
            {header('redFlags', 'Red flags', { isNumeric: true })}
            {header('raw', 'Raw', { isNumeric: true, fullName: 'Raw score: mean of the raw ratings' })}
            {header('calibrated', 'Calibrated', {
              isNumeric: true,
              fullName: 'Calibrated score: mean after leniency offsets',
            })}
            {dimensions.map((d) =>
              header(`dimension:${d.id}`, <abbr title={d.title}>{abbreviations.get(d.id)}</abbr>, {
                isNumeric: true,
                fullName: d.title,
                shortName: abbreviations.get(d.id),
                className: 'dim-col',
              }),
            )}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingTop }} />
            </tr>
          )}
          {items.map((item) => {
            const r = reports[item.index]!;
            const decision = r.decision;
            return (
              <tr key={r.candidate.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <th scope="row" className="sticky-col">
                  <a href={href('reports', r.candidate.id)}>{nameOf(r)}</a>
                  {!isBlind && <div className="muted small">target {r.candidate.targetLevelTitle}</div>}
                </th>
                <td>
                  {recommendationHeadline(r)}
                  {r.recommendation.committeeReview && <div className="small">review required</div>}
                </td>
                <td data-testid="decision-cell">
                  {decision ? decision.summary : <span className="muted">none yet</span>}
                </td>
                <td className="small">
                  <OverallCell report={r} />
                </td>
                <td className="num">
                  {r.redFlagCount > 0 ? <SignalBadge polarity="red-flag" label={String(r.redFlagCount)} /> : '0'}
                </td>
                <td className="num">{r.score.raw?.toFixed(2) ?? '–'}</td>
                <td className="num">{r.score.calibrated?.toFixed(2) ?? '–'}</td>
                {r.dimensions.map((d, i) => {
                  const calibrated = r.calibrated[i] ?? null;
                  return (
                    <td key={d.id} className="num">
                      {calibrated === null ? '–' : calibrated.toFixed(1)}
                    </td>
                  );
                })}
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" className="spacer">
              <td colSpan={columnCount} style={{ height: paddingBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
