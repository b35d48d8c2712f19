/**
 * A moment as the screens list it, in local time: "3 Mar 2026, 09:30". Built from the `Date`
 * getters, not `toLocaleString`: a process's first locale-aware date format sets up the locale's
 * data (about 50 ms here), which Today would otherwise pay as one long task right after its first
 * paint, and a fresh print window before its report.
 */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

export function dateTimeText(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${dateText(ms)}, ${hh}:${mm}`;
}

/** A day in local time: "3 Mar 2026". */
export function dateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getDate()} ${monthNames[d.getMonth()]} ${d.getFullYear()}`;
}
