/** The mark of one interviewer's series: a shape per position (with its colour from CSS), so series differ without colour too. */
export function SeriesMark({ index, cx, cy, size = 5 }: { index: number; cx: number; cy: number; size?: number }) {
  const shape = index % 4;
  const s = size;
  if (shape === 0) return <circle cx={cx} cy={cy} r={s} className="series-mark" />;
  if (shape === 1) return <rect x={cx - s} y={cy - s} width={2 * s} height={2 * s} className="series-mark" />;
  if (shape === 2) return <path d={`M ${cx} ${cy - s - 1} L ${cx + s + 1} ${cy + s} L ${cx - s - 1} ${cy + s} Z`} className="series-mark" />;
  return <path d={`M ${cx} ${cy - s - 1} L ${cx + s + 1} ${cy} L ${cx} ${cy + s + 1} L ${cx - s - 1} ${cy} Z`} className="series-mark" />;
}
