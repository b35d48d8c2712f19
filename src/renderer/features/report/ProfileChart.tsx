import type { ReportProfileRow } from '../../../core/report/reportBuild';

const rowHeight = 28;
const labelWidth = 230;
const plotWidth = 320;
const top = 28;
const scaleMin = 0.5;
const scaleMax = 4.5;
const x = (v: number) => labelWidth + ((Math.min(scaleMax, Math.max(scaleMin, v)) - scaleMin) / (scaleMax - scaleMin)) * plotWidth;

/**
 * Dimension profile as vector SVG (stays sharp in PDFs): raw mean (○), calibrated mean (◆) with
 * its interval, and the target level's minimum (|). "No evidence" is drawn as text, never as a 0.
 */
export function ProfileChart({ rows, targetLevelTitle }: { rows: ReportProfileRow[]; targetLevelTitle: string }) {
  const height = top + rows.length * rowHeight + 36;
  const width = labelWidth + plotWidth + 24;
  return (
    <svg
      className="profile-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={`Dimension profile: raw and calibrated ratings against the ${targetLevelTitle} minimum. The table beside it has the numbers.`}
    >
      {[1, 2, 3, 4].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top - 6} y2={top + rows.length * rowHeight} className="grid" />
          <text x={x(v)} y={top - 10} textAnchor="middle" className="axis">
            {v}
          </text>
        </g>
      ))}
      {rows.map((row, i) => {
        const cy = top + i * rowHeight + rowHeight / 2;
        return (
          <g key={row.dimensionId}>
            <text x={labelWidth - 8} y={cy + 4} textAnchor="end" className="label">
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
                {row.interval && (
                  <line x1={x(row.interval[0])} x2={x(row.interval[1])} y1={cy} y2={cy} className="interval" />
                )}
                {row.raw !== null && <circle cx={x(row.raw)} cy={cy} r={5} className="raw" />}
                <path d={`M ${x(row.calibrated)} ${cy - 6} l 6 6 l -6 6 l -6 -6 z`} className="calibrated" />
              </>
            )}
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
