import { useState } from 'react';
import type { ReportProfileRow } from '../../../core/report/reportBuild';

const rowHeight = 28;
const plotWidth = 300;
const valueWidth = 96;
const top = 28;
const scaleMin = 0.5;
const scaleMax = 4.5;
/** Width a label needs at 12 px in the system font, generously (wide glyphs, bold fallback fonts). */
const labelWidthFor = (rows: readonly ReportProfileRow[]) => Math.max(140, Math.ceil(Math.max(...rows.map((r) => r.title.length)) * 7.2) + 16);

const fmt = (v: number | null) => (v === null ? '–' : v.toFixed(2));

/**
 * Dimension profile as vector SVG (stays sharp in PDFs): raw mean (○), calibrated mean (◆) with
 * its interval, and the target level's minimum (|). "No evidence" is drawn as text, never as a 0.
 * The label column is as wide as the longest title needs, and each row's numbers are printed at
 * its end; hovering or focusing a row highlights it and names its interval.
 */
export function ProfileChart({ rows, targetLevelTitle }: { rows: ReportProfileRow[]; targetLevelTitle: string }) {
  const [active, setActive] = useState<number | null>(null);
  const labelWidth = labelWidthFor(rows);
  const x = (v: number) => labelWidth + ((Math.min(scaleMax, Math.max(scaleMin, v)) - scaleMin) / (scaleMax - scaleMin)) * plotWidth;
  const height = top + rows.length * rowHeight + 36;
  const width = labelWidth + plotWidth + valueWidth;
  return (
    <svg
      className="profile-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      style={{ maxWidth: '100%', height: 'auto' }}
      role="group"
      aria-label={`Dimension profile: raw and calibrated ratings against the ${targetLevelTitle} minimum. The table beside it has the numbers.`}
      data-testid="profile-chart"
    >
      {[1, 2, 3, 4].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 6} y2={top + rows.length * rowHeight} className="grid" />
          <text x={x(v)} y={top - 10} textAnchor="middle" className="axis">
            {v}
          </text>
        </g>
      ))}
      <text x={labelWidth + plotWidth + 8} y={top - 10} className="axis">
        calibrated (raw)
      </text>
      {rows.map((row, i) => {
        const cy = top + i * rowHeight + rowHeight / 2;
        const values =
          row.calibrated === null ? 'no evidence' : `${fmt(row.calibrated)} (${fmt(row.raw)})`;
        return (
          <g
            key={row.dimensionId}
            tabIndex={0}
            role="img"
            className={`chart-row${active === i ? ' is-active' : ''}`}
            aria-label={`${row.title}: ${row.calibrated === null ? 'no evidence' : `calibrated ${fmt(row.calibrated)}, raw ${fmt(row.raw)}${row.interval ? `, interval ${fmt(row.interval[0])} to ${fmt(row.interval[1])}` : ''}`}${row.expectedAtTarget !== null ? `; ${targetLevelTitle} minimum ${row.expectedAtTarget}` : ''}`}
            onMouseEnter={() => setActive(i)}
            onMouseLeave={() => setActive(null)}
            onFocus={() => setActive(i)}
            onBlur={() => setActive(null)}
          >
            <rect x={0} y={cy - rowHeight / 2} width={width} height={rowHeight} className="row-hit" />
            <text x={labelWidth - 8} y={cy + 4} textAnchor="end" className="label axis-label">
              {row.title}
            </text>
            {row.expectedAtTarget !== null && (
              <line x1={x(row.expectedAtTarget)} x2={x(row.expectedAtTarget)} y1={cy - 9} y2={cy + 9} className="target" />
            )}
            {row.calibrated === null ? (
              <text x={x(scaleMin) + 4} y={cy + 4} className="none">
                – no evidence
              </text>
            ) : (
              <>
                {row.interval && <line x1={x(row.interval[0])} x2={x(row.interval[1])} y1={cy} y2={cy} className="interval" />}
                {row.raw !== null && <circle cx={x(row.raw)} cy={cy} r={5} className="raw" />}
                <path d={`M ${x(row.calibrated)} ${cy - 6} l 6 6 l -6 6 l -6 -6 z`} className="calibrated" />
              </>
            )}
            <text x={labelWidth + plotWidth + 8} y={cy + 4} className="value">
              {active === i && row.interval ? `${fmt(row.interval[0])}–${fmt(row.interval[1])}` : values}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${labelWidth}, ${top + rows.length * rowHeight + 22})`} className="legend">
        <circle cx={6} cy={-4} r={5} className="raw" />
        <text x={16} y={0}>
          raw
        </text>
        <path d="M 66 -10 l 6 6 l -6 6 l -6 -6 z" className="calibrated" />
        <text x={78} y={0}>
          calibrated (± interval)
        </text>
        <line x1={214} x2={214} y1={-12} y2={4} className="target" />
        <text x={220} y={0}>
          {targetLevelTitle} minimum
        </text>
      </g>
    </svg>
  );
}
