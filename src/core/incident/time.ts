/**
 * Simulation time as authors write it ("mm:ss", minutes may exceed 59) and as the engine counts
 * it (whole milliseconds since the incident started).
 */

const simTimePattern = /^(\d{1,3}):([0-5]\d)$/;

/** The pattern scenario files and action logs use for sim times, e.g. "07:30" or "125:00". */
export const incidentTimePattern = simTimePattern;

/**
 * Parses "mm:ss" into milliseconds of sim time; `null` when the text is not in that form (the
 * caller turns that into a message naming where the bad time was).
 */
export function incidentTimeParse(text: string): number | null {
  const match = simTimePattern.exec(text.trim());
  if (!match) return null;
  return (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

/** Formats sim milliseconds as "mm:ss" (seconds rounded down; at least two minute digits). */
export function incidentTimeFormat(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
