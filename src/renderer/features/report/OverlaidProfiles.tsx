import type { CandidateReport } from '../../../core/report/reportBuild';

const palette = ['#1f5fbf', '#b3261e', '#1d7a3a', '#8a5a00', '#6a3fb5', '#00727a', '#a1306b', '#4d4d4d'];
const markers = ['circle', 'square', 'triangle', 'diamond'] as const;

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

/** Calibrated profiles of several candidates on one chart; each line also has its own marker shape. */
export function OverlaidProfiles({ reports, nameOf }: { reports: CandidateReport[]; nameOf: (r: CandidateReport) => string }) {
  const dims = reports[0]?.profile ?? [];
  if (dims.length === 0) return null;
  const left = 40;
  const step = 96;
  const top = 16;
  const plotHeight = 180;
  const width = left + step * (dims.length - 1) + 60;
  const y = (v: number) => top + plotHeight - ((v - 0.5) / 4) * plotHeight;
  return (
    <figure className="overlay">
      <svg viewBox={`0 0 ${width} ${top + plotHeight + 70}`} width={width} role="img" aria-label="Calibrated dimension profiles of the compared candidates">
        {[1, 2, 3, 4].map((v) => (
          <g key={v}>
            <line x1={left} x2={width - 20} y1={y(v)} y2={y(v)} className="grid" />
            <text x={left - 8} y={y(v) + 4} textAnchor="end" className="axis">
              {v}
            </text>
          </g>
        ))}
        {dims.map((d, i) => (
          <text key={d.dimensionId} x={left + i * step} y={top + plotHeight + 14} textAnchor="end" className="axis small" transform={`rotate(-30 ${left + i * step} ${top + plotHeight + 14})`}>
            {d.title.length > 22 ? `${d.title.slice(0, 21)}…` : d.title}
          </text>
        ))}
        {reports.map((r, ri) => {
          const color = palette[ri % palette.length]!;
          const points = r.profile.map((p, i) => (p.calibrated === null ? null : ([left + i * step, y(p.calibrated)] as const)));
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
              {points.map((pt, i) => pt && <Marker key={i} kind={markers[ri % markers.length]!} x={pt[0]} y={pt[1]} color={color} />)}
            </g>
          );
        })}
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
