import { useLayoutEffect, useRef, useState } from 'react';
import type { IncidentPresenterPanel } from '../../../core/incident';
import { chartTickText, chartTimeTicks, chartValueAxis, chartValueText } from './chartScale';

function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const next = Math.floor(entries[0]?.contentRect.width ?? fallback);
      if (next > 0) setWidth(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [fallback]);
  return { ref, width };
}

/** A unit short enough to print on every tick ("%", "ms"); longer ones become an axis title. */
function tickUnit(unit: string): string {
  if (unit === '%') return '%';
  return unit.length <= 3 ? ` ${unit}` : '';
}

/** Alert state of a panel as icon + text, never colour alone. */
export function MetricAlertState({ panel }: { panel: IncidentPresenterPanel }) {
  if (panel.threshold === null) return null;
  return panel.isAlerting ? (
    <span className="incident-metric-state incident-metric-state-alerting">
      <span aria-hidden="true">▲</span> Alerting
    </span>
  ) : (
    <span className="incident-metric-state incident-metric-state-ok">
      <span aria-hidden="true">✓</span> OK
    </span>
  );
}

/**
 * One dashboard panel: title, alert state and current value above a hand-drawn SVG time series —
 * time axis in sim time (labelled by `timeText`, e.g. the story's clock), value axis with its unit,
 * the alert threshold as a dashed line with its breach zone shaded, the line red while alerting.
 * `endMs` is the right edge of the time axis (the chart fills up to "now" as the run goes on).
 */
export function MetricChart({
  panel,
  nowMs,
  endMs,
  timeText,
  height = 150,
  isCompact = false,
}: {
  panel: IncidentPresenterPanel;
  nowMs: number;
  endMs: number;
  timeText: (ms: number) => string;
  height?: number;
  isCompact?: boolean;
}) {
  const { ref, width } = useWidth<HTMLDivElement>(isCompact ? 260 : 420);
  const axis = chartValueAxis(panel.values, panel.threshold, panel.unit, isCompact ? 2 : 4);
  const step = axis.ticks.length > 1 ? axis.ticks[1]! - axis.ticks[0]! : 1;
  const suffix = tickUnit(panel.unit);
  const labels = axis.ticks.map((v) => `${chartTickText(v, step)}${suffix}`);
  const hasAxisTitle = suffix === '' && !isCompact;
  const fontSize = isCompact ? 10 : 11;
  const left = (hasAxisTitle ? 16 : 4) + Math.max(...labels.map((l) => l.length)) * fontSize * 0.62 + 6;
  const right = isCompact ? 6 : 10;
  const top = 8;
  const bottom = fontSize + 10;
  const plotW = Math.max(10, width - left - right);
  const plotH = Math.max(10, height - top - bottom);
  const startMs = 0;
  const spanMs = Math.max(1, endMs - startMs);
  const x = (t: number) => left + ((t - startMs) / spanMs) * plotW;
  const y = (v: number) => top + plotH - ((v - axis.min) / (axis.max - axis.min)) * plotH;
  const clampY = (v: number) => Math.min(top + plotH, Math.max(top, y(v)));

  const points = panel.times.map((t, i) => `${x(t).toFixed(1)},${clampY(panel.values[i]!).toFixed(1)}`);
  const line = points.length > 0 ? `M${points.join('L')}` : '';
  const area =
    points.length > 1
      ? `${line}L${x(panel.times[panel.times.length - 1]!).toFixed(1)},${top + plotH}L${x(panel.times[0]!).toFixed(1)},${top + plotH}Z`
      : '';
  const timeTicks = chartTimeTicks(startMs, endMs, isCompact ? 3 : Math.max(3, Math.floor(plotW / 90)));
  const threshold = panel.threshold;
  const thresholdText =
    threshold === null ? null : `${panel.thresholdDirection === 'below' ? 'alert below' : 'alert above'} ${chartValueText(threshold, panel.unit, (String(threshold).split('.')[1] ?? '').length)}`;
  const label = `${panel.name}: now ${chartValueText(panel.current, panel.unit, panel.decimals)}${
    thresholdText ? `; ${thresholdText}; ${panel.isAlerting ? 'alerting' : 'not alerting'}` : ''
  }.`;

  return (
    <figure
      className={`incident-metric-panel${isCompact ? ' incident-metric-panel-compact' : ''}${panel.isAlerting ? ' is-alerting' : ''}`}
      data-testid="incident-metric-panel"
      data-alerting={panel.isAlerting ? 'true' : 'false'}
    >
      <figcaption className="incident-metric-head">
        <span className="incident-metric-name">{panel.name}</span>
        <MetricAlertState panel={panel} />
        <span className="incident-metric-current" data-testid="incident-metric-current">
          {chartValueText(panel.current, panel.unit, panel.decimals)}
        </span>
      </figcaption>
      <div ref={ref} className="incident-metric-plot">
        <svg width={width} height={height} role="img" aria-label={label} className="incident-metric-svg">
          {axis.ticks.map((v, i) => (
            <g key={`v${v}`}>
              <line className="incident-chart-grid" x1={left} x2={left + plotW} y1={y(v)} y2={y(v)} />
              <text className="incident-chart-tick" x={left - 6} y={y(v)} dy="0.32em" textAnchor="end" fontSize={fontSize}>
                {labels[i]}
              </text>
            </g>
          ))}
          {hasAxisTitle && (
            <text
              className="incident-chart-tick incident-chart-axis-title"
              transform={`translate(${fontSize}, ${top + plotH / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize={fontSize}
            >
              {panel.unit}
            </text>
          )}
          {timeTicks.map((t) => (
            <g key={`t${t}`}>
              <line className="incident-chart-grid incident-chart-grid-time" x1={x(t)} x2={x(t)} y1={top} y2={top + plotH} />
              <text className="incident-chart-tick" x={x(t)} y={top + plotH + fontSize + 4} textAnchor="middle" fontSize={fontSize}>
                {timeText(t)}
              </text>
            </g>
          ))}
          <line className="incident-chart-axis" x1={left} x2={left + plotW} y1={top + plotH} y2={top + plotH} />
          {threshold !== null && threshold >= axis.min && threshold <= axis.max && (
            <g>
              <rect
                className="incident-chart-breach-zone"
                x={left}
                width={plotW}
                y={panel.thresholdDirection === 'below' ? y(threshold) : top}
                height={panel.thresholdDirection === 'below' ? top + plotH - y(threshold) : y(threshold) - top}
              />
              <line className="incident-chart-threshold" x1={left} x2={left + plotW} y1={y(threshold)} y2={y(threshold)} />
              {!isCompact && (
                <text
                  className="incident-chart-threshold-text"
                  x={left + plotW - 4}
                  y={y(threshold) + (panel.thresholdDirection === 'below' ? fontSize + 3 : -4)}
                  textAnchor="end"
                  fontSize={fontSize}
                >
                  {thresholdText}
                </text>
              )}
            </g>
          )}
          {area && <path className="incident-chart-area" d={area} />}
          {line && <path className="incident-chart-line" d={line} />}
          {nowMs < endMs && <line className="incident-chart-now" x1={x(nowMs)} x2={x(nowMs)} y1={top} y2={top + plotH} />}
          {points.length > 0 && (
            <circle
              className="incident-chart-last"
              cx={x(panel.times[panel.times.length - 1]!)}
              cy={clampY(panel.current)}
              r={isCompact ? 2 : 3}
            />
          )}
        </svg>
      </div>
    </figure>
  );
}
