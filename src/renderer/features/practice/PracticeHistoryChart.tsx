import { useState } from 'react';
import type { PracticeHistoryRow } from '../../../core/practice/practiceHistory';
import { practiceSignedText } from './practiceText';

const rowHeight = 28;
const plotWidth = 320;
const valueWidth = 190;
/** Room at either end of the axis for its end labels (−3, +3). */
const pad = 16;
const top = 40;
/** The widest possible distance on a 1-4 scale. */
const scaleMax = 3;
const labelWidthFor = (rows: readonly PracticeHistoryRow[]) =>
  Math.max(140, Math.ceil(Math.max(...rows.map((r) => r.title.length)) * 7.2) + 16);

const leanIcon = { lenient: '▲', severe: '▼', 'on-key': '●' } as const;

/**
 * Distance from the expert key per dimension, as vector SVG: the bar is the mean signed distance
 * (right of 0 = lenient, left = severe), the whisker spans ± the mean absolute distance (how far
 * off a rating typically is, either way). A dimension never compared is said in words, never
 * drawn as 0. The table beside it carries the same numbers.
 */
export function PracticeHistoryChart({ rows }: { rows: PracticeHistoryRow[] }) {
  const [active, setActive] = useState<number | null>(null);
  const labelWidth = labelWidthFor(rows);
  const x = (v: number) =>
    labelWidth + pad + ((Math.max(-scaleMax, Math.min(scaleMax, v)) + scaleMax) / (2 * scaleMax)) * plotWidth;
  const valueX = labelWidth + plotWidth + 2 * pad + 8;
  const height = top + rows.length * rowHeight + 36;
  const width = labelWidth + plotWidth + 2 * pad + valueWidth;
  return (
    <svg
      className="profile-chart practice-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto' }}
      role="group"
      aria-label="Distance from the expert key per dimension: mean signed distance and mean absolute distance. The table below has the numbers."
      data-testid="practice-history-chart"
    >
      <text x={x(-scaleMax / 2)} y={12} textAnchor="middle" className="axis">
        ← severe (below the key)
      </text>
      <text x={x(scaleMax / 2)} y={12} textAnchor="middle" className="axis">
        lenient (above the key) →
      </text>
      {[-3, -2, -1, 0, 1, 2, 3].map((v) => (
        <g key={v}>
          <line
            x1={x(v)}
            x2={x(v)}
            y1={top - 6}
            y2={top + rows.length * rowHeight}
            className={v === 0 ? 'zero' : 'grid'}
          />
          <text x={x(v)} y={top - 10} textAnchor="middle" className="axis">
            {v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0'}
          </text>
        </g>
      ))}
      <text x={valueX} y={top - 10} className="axis">
        mean |distance| (signed)
      </text>
      {rows.map((row, i) => {
        const cy = top + i * rowHeight + rowHeight / 2;
        const isCompared = row.meanAbsoluteDistance !== null && row.meanSignedDistance !== null && row.lean !== null;
        const words = isCompared
          ? `mean distance ${row.meanAbsoluteDistance!.toFixed(2)}, signed ${practiceSignedText(row.meanSignedDistance!)}, ${row.lean === 'on-key' ? 'on the key' : row.lean} over ${row.compared} run${row.compared === 1 ? '' : 's'}`
          : 'no comparable ratings';
        return (
          <g
            key={row.dimensionId}
            tabIndex={0}
            role="img"
            className={`chart-row${active === i ? ' is-active' : ''}`}
            aria-label={`${row.title}: ${words}`}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(i)}
            onBlur={() => setActive(null)}
          >
            <rect x={0} y={cy - rowHeight / 2} width={width} height={rowHeight} className="row-hit" />
            <text x={labelWidth - 8} y={cy + 4} textAnchor="end" className="label axis-label">
              {row.title}
            </text>
            {isCompared ? (
              <>
                <line
                  x1={x(-row.meanAbsoluteDistance!)}
                  x2={x(row.meanAbsoluteDistance!)}
                  y1={cy}
                  y2={cy}
                  className="whisker"
                />
                <line
                  x1={x(-row.meanAbsoluteDistance!)}
                  x2={x(-row.meanAbsoluteDistance!)}
                  y1={cy - 5}
                  y2={cy + 5}
                  className="whisker"
                />
                <line
                  x1={x(row.meanAbsoluteDistance!)}
                  x2={x(row.meanAbsoluteDistance!)}
                  y1={cy - 5}
                  y2={cy + 5}
                  className="whisker"
                />
                <rect
                  x={Math.min(x(0), x(row.meanSignedDistance!))}
                  y={cy - 7}
                  width={Math.max(2, Math.abs(x(row.meanSignedDistance!) - x(0)))}
                  height={14}
                  className={`lean lean-${row.lean}`}
                />
                <text x={valueX} y={cy + 4} className="value">
                  {row.meanAbsoluteDistance!.toFixed(2)} ({practiceSignedText(row.meanSignedDistance!)}){' '}
                  {leanIcon[row.lean!]}
                </text>
              </>
            ) : (
              <text x={x(-scaleMax) + 4} y={cy + 4} className="none">
                – no comparable ratings
              </text>
            )}
          </g>
        );
      })}
      <g transform={`translate(${labelWidth + pad}, ${top + rows.length * rowHeight + 22})`} className="legend">
        <rect x={0} y={-10} width={14} height={10} className="lean lean-lenient" />
        <text x={20} y={0}>
          mean signed distance
        </text>
        <line x1={170} x2={200} y1={-5} y2={-5} className="whisker" />
        <line x1={170} x2={170} y1={-10} y2={0} className="whisker" />
        <line x1={200} x2={200} y1={-10} y2={0} className="whisker" />
        <text x={206} y={0}>
          ± mean absolute distance
        </text>
      </g>
    </svg>
  );
}
