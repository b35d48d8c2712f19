/**
 * Conflicts from the exchange folder as a person decides them: what differs between the version
 * here ("mine") and the one a file carries ("theirs"). Pure; the database layer reads both sides.
 *
 * An interview is decided whole — its row and all its evidence and sealed versions — since mixing
 * two sealed histories record by record would make a scorecard nobody sealed. Any other record
 * (a candidate, a loop, a decision, an interviewer) is decided on its own.
 */
import type { BundleConflict } from '../bundle/bundleImportPlan';
import { bundleKeyOf } from '../bundle/bundleKeys';
import type { BundleContent, BundleTable } from '../bundle/bundleSchema';
import { textForDisplay } from '../canonical/displayText';
import type { Interview, InterviewVersion } from '../model/records';

/** Tables whose records belong to one interview and are decided with it. */
const interviewOwned: ReadonlySet<BundleTable> = new Set(['ratings', 'notes', 'signalTags', 'defectFindings', 'interviewVersions', 'incidentRuns']);

/** One thing to decide: an interview (whole) or one other record. */
export interface ExchangeConflictSubject {
  table: BundleTable;
  id: string;
}

/**
 * The subjects behind an import plan's conflicts: each conflicting interview-owned record becomes
 * its interview (found through `content`), and each interview once.
 */
export function exchangeConflictSubjects(conflicts: readonly BundleConflict[], content: BundleContent): ExchangeConflictSubject[] {
  const out = new Map<string, ExchangeConflictSubject>();
  for (const conflict of conflicts) {
    let subject: ExchangeConflictSubject = { table: conflict.table, id: conflict.id };
    if (interviewOwned.has(conflict.table)) {
      const records = content[conflict.table] as ReadonlyArray<{ interviewId: string }>;
      const keyOf = bundleKeyOf[conflict.table] as (r: unknown) => string;
      const record = records.find((r) => keyOf(r) === conflict.id);
      if (!record) continue;
      subject = { table: 'interviews', id: record.interviewId };
    }
    out.set(`${subject.table}/${subject.id}`, subject);
  }
  return [...out.values()];
}

/** An interview with everything sealed in it, as either side holds it. */
export interface ExchangeInterviewSide {
  interview: Interview;
  ratings: BundleContent['ratings'];
  notes: BundleContent['notes'];
  signalTags: BundleContent['signalTags'];
  defectFindings: BundleContent['defectFindings'];
  interviewVersions: BundleContent['interviewVersions'];
  incidentRuns: BundleContent['incidentRuns'];
}

/** One line of the side-by-side view: a field whose value differs. */
export interface ExchangeConflictField {
  field: string;
  mine: string;
  theirs: string;
}

const absent = '—';
const maxValueLength = 400;

function valueText(value: unknown): string {
  if (value === undefined) return absent;
  const text = typeof value === 'string' ? (value === '' ? '(empty)' : value) : JSON.stringify(value);
  const safe = textForDisplay(text);
  return safe.length > maxValueLength ? `${safe.slice(0, maxValueLength)}…` : safe;
}

/** The fields of two records that differ, in a stable order (`updatedAt` alone is not a difference worth showing). */
export function exchangeConflictRecordFields(mine: object | undefined, theirs: object | undefined): ExchangeConflictField[] {
  const a = (mine ?? {}) as Record<string, unknown>;
  const b = (theirs ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ field: key, mine: valueText(a[key]), theirs: valueText(b[key]) }));
}

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function versionsText(versions: readonly InterviewVersion[]): string {
  return [...versions]
    .sort((x, y) => x.version - y.version)
    .map((v) => `v${v.version} sealed ${new Date(v.sealedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC${v.reason ? ` (${v.reason})` : ''}, seal ${(v.evidenceSha256 ?? '').slice(0, 12) || 'none'}`)
    .join('; ');
}

/** An interview as named fields a person can compare: its state, each rating, each note, signals, findings, sealed versions. */
function interviewFields(side: ExchangeInterviewSide | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!side) return out;
  const { interview } = side;
  out.set('state', `${interview.status}, version ${interview.version}`);
  if (interview.amendReason) out.set('amendment reason', interview.amendReason);
  for (const r of side.ratings) out.set(`rating: ${r.dimensionId}`, r.state === 'rated' ? String(r.score) : 'no evidence');
  for (const n of side.notes)
    out.set(`note ${n.id.slice(0, 8)}`, `${clock(n.at)} ${n.isPrivate ? '(private) ' : ''}${n.text}`);
  out.set('signals', side.signalTags.map((t) => t.signalId).sort().join(', ') || 'none');
  out.set('defects found', side.defectFindings.map((f) => f.defectId).sort().join(', ') || 'none');
  out.set('incident run', side.incidentRuns.length === 0 ? 'none' : `${side.incidentRuns[0]!.log.length} logged entries`);
  out.set('sealed versions', versionsText(side.interviewVersions));
  return out;
}

const fieldOrder = ['state', 'amendment reason', 'rating:', 'note ', 'signals', 'defects found', 'incident run', 'sealed versions'];
const fieldRank = (field: string) => fieldOrder.findIndex((prefix) => field.startsWith(prefix));

/** What differs between two sides of one interview, field by field, in reading order. */
export function exchangeConflictInterviewFields(
  mine: ExchangeInterviewSide | undefined,
  theirs: ExchangeInterviewSide | undefined,
): ExchangeConflictField[] {
  const a = interviewFields(mine);
  const b = interviewFields(theirs);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => fieldRank(x) - fieldRank(y) || x.localeCompare(y));
  return keys
    .filter((key) => a.get(key) !== b.get(key))
    .map((key) => ({ field: key, mine: valueText(a.get(key)), theirs: valueText(b.get(key)) }));
}

/** The side of interview `id` that `content` carries. */
export function exchangeInterviewSideOf(content: BundleContent, id: string): ExchangeInterviewSide | undefined {
  const interview = content.interviews.find((i) => i.id === id);
  if (!interview) return undefined;
  const own = <T extends { interviewId: string }>(rows: readonly T[]) => rows.filter((r) => r.interviewId === id);
  return {
    interview,
    ratings: own(content.ratings),
    notes: own(content.notes),
    signalTags: own(content.signalTags),
    defectFindings: own(content.defectFindings),
    interviewVersions: own(content.interviewVersions),
    incidentRuns: own(content.incidentRuns),
  };
}
