import { useState } from 'react';
import type { ReportProfileRow } from '../../../core/report/reportBuild';

const palette = ['#1f5fbf', '#b3261e', '#1d7a3a', '#8a5a00', '#6a3fb5', '#00727a', '#a1306b', '#4d4d4d'];
const markers = ['circle', 'square', 'triangle', 'diamond'] as const;
/** Lines one chart keeps apart: one colour each (with a marker shape too, for greyscale print). */
export const OVERLAID_PROFILES_MAX = palette.length;

function Marker({ kind, x, y, color }: { kind: (typeof markers)[number]; x: number; y: number; color: string }) {
  switch (kind) {
    case 'circle':
      return <circle cx={x} cy={y} r={4} fill={color} />;
    case 'square':
      return <rect x={x - 4} y={y - 4} width={8} height={8} fill={color} />;
    case 'triangle':
      return <path d={`M ${x} ${y - 5} l 5 9 l -10 0 z`} fill={color} />;
    case 'diamond':
      return <path d={`M ${x} ${y - 5} l 5 5 l -5 5 l -5 -5 z`} fill={color} />;
  }
}

const left = 36;
const right = 24;
const step = 72;
const top = 30;
const plotHeight = 170;
const axisHeight = 28;

/**
 * Calibrated profiles of several candidates on one chart; each line also has its own marker shape.
 * The x axis is labelled with the dimensions' abbreviations (full names in the table's legend and
 * on each point), so no label is ever cut. Every point shows its value on hover and on keyboard
 * focus.
 */
export function OverlaidProfiles<R extends { profile: Array<Pick<ReportProfileRow, 'dimensionId' | 'title' | 'calibrated'>>; candidate: { id: string } }>({
  reports,
  nameOf,
  abbreviations,
}: {
  reports: R[];
  nameOf: (r: R) => string;
  abbreviations: ReadonlyMap<string, string>;
}) {
  const [active, setActive] = useState<{ candidate: number; dimension: number } | null>(null);
  const dims = reports[0]?.profile ?? [];
  if (dims.length === 0) return null;
  const width = left + step * (dims.length - 1) + right + 40;
  const height = top + plotHeight + axisHeight;
  const x = (i: number) => left + 20 + i * step;
  const y = (v: number) => top + plotHeight - ((v - 0.5) / 4) * plotHeight;
  const point = active ? reports[active.candidate]?.profile[active.dimension] : undefined;
  const tip = active && point?.calibrated != null ? `${nameOf(reports[active.candidate]!)} · ${point.title}: ${point.calibrated.toFixed(2)}` : null;
  return (
    <figure className="overlay">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: width }}
        role="group"
        aria-label="Calibrated dimension profiles of the compared candidates"
        data-testid="overlay-chart"
      >
        {[1, 2, 3, 4].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - right} y1={y(v)} y2={y(v)} className="grid" />
            <text x={left - 8} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {dims.map((d, i) => (
          <text key={d.dimensionId} x={x(i)} y={top + plotHeight + 18} textAnchor="middle" className="axis axis-label">
            <title>{d.title}</title>
            {abbreviations.get(d.dimensionId) ?? d.title}
          </text>
        ))}
        {reports.map((r, ri) => {
          const color = palette[ri % palette.length]!;
          const points = r.profile.map((p, i) => (p.calibrated === null ? null : ([x(i), y(p.calibrated)] as const)));
          const segments: string[] = [];
          let current = '';
          for (const pt of points) {
            if (!pt) {
              if (current) segments.push(current);
              current = '';
            } else current += `${current ? ' L' : 'M'} ${pt[0]} ${pt[1]}`;
          }
          if (current) segments.push(current);
          return (
            <g key={r.candidate.id}>
              {segments.map((d, si) => (
                <path key={si} d={d} fill="none" stroke={color} strokeWidth={2} />
              ))}
              {points.map((pt, i) =>
                pt ? (
                  <g
                    key={i}
                    tabIndex={0}
                    role="img"
                    className="chart-point"
                    aria-label={`${nameOf(r)}, ${r.profile[i]!.title}: ${r.profile[i]!.calibrated!.toFixed(2)}`}
                    onMouseEnter={() => setActive({ candidate: ri, dimension: i })}
                    onMouseLeave={() => setActive(null)}
                    onFocus={() => setActive({ candidate: ri, dimension: i })}
                    onBlur={() => setActive(null)}
                  >
                    <circle cx={pt[0]} cy={pt[1]} r={9} fill="transparent" />
                    <Marker kind={markers[ri % markers.length]!} x={pt[0]} y={pt[1]} color={color} />
                  </g>
                ) : null,
              )}
            </g>
          );
        })}
        {tip && (
          <text x={width / 2} y={14} textAnchor="middle" className="chart-value" data-testid="chart-value">
            {tip}
          </text>
        )}
      </svg>
      <figcaption className="overlay-legend">
        {reports.map((r, ri) => (
          <span key={r.candidate.id}>
            <svg width={14} height={12} aria-hidden="true">
              <Marker kind={markers[ri % markers.length]!} x={7} y={6} color={palette[ri % palette.length]!} />
            </svg>{' '}
            {nameOf(r)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
