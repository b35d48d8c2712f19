/**
 * Signals of a report: the interviewers' tags and the incident simulation's derived signals,
 * one entry per (interview, signal). An interviewer who tags "blames individuals" during the
 * incident run whose rules derive the same signal has seen one thing, not two: the entry keeps
 * both sources and all their evidence, and the red flag is counted once.
 */
import type { IncidentOutcome } from '../incident/outcome';
import type { Interview, Note, SignalTag } from '../model/records';
import type { RubricPack, SignalPolarity } from '../rubric/schema';
import type { ReportSignal } from './reportBuild';
import { byCodeUnits } from '../text/codeUnitOrder';

export interface ReportSignalContext {
  pack: Pick<RubricPack, 'signals'>;
  interviewOf: (interviewId: string) => Interview | undefined;
  interviewerName: (interviewerId: string) => string;
  kitTitle: (kitId: string) => string;
  /** Notes this audience may read, by id. */
  visibleNotes: ReadonlyMap<string, Note>;
}

/** Signals de-duplicated by (interview, signal), evidence kept in time order under one entry. */
export function reportSignalsCollect(
  context: ReportSignalContext,
  tags: readonly SignalTag[],
  incidents: ReadonlyArray<{ interviewId: string; outcome: Pick<IncidentOutcome, 'signals'> }>,
): ReportSignal[] {
  const byKey = new Map<string, ReportSignal>();
  const entry = (interviewId: string, signalId: string, source: 'interviewer' | 'incident'): ReportSignal | null => {
    const signal = context.pack.signals.find((s) => s.id === signalId);
    const interview = context.interviewOf(interviewId);
    if (!signal || !interview) return null;
    const key = `${interviewId}\u0000${signalId}`;
    let found = byKey.get(key);
    if (!found) {
      found = {
        signalId,
        title: signal.title,
        description: signal.description,
        polarity: signal.polarity,
        severity: signal.severity,
        levelCap: signal.levelCap ?? null,
        sources: [],
        interviewId,
        interviewerName: context.interviewerName(interview.interviewerId),
        kitTitle: context.kitTitle(interview.kitId),
        evidence: [],
      };
      byKey.set(key, found);
    }
    if (!found.sources.includes(source)) found.sources.push(source);
    return found;
  };

  for (const tag of tags) {
    const signal = entry(tag.interviewId, tag.signalId, 'interviewer');
    if (!signal) continue;
    for (const noteId of tag.noteIds) {
      const note = context.visibleNotes.get(noteId);
      if (!note || signal.evidence.some((e) => e.noteId === noteId)) continue;
      signal.evidence.push({ at: note.at, text: note.text, isPrivate: note.isPrivate, noteId });
    }
  }
  for (const incident of incidents) {
    for (const derived of incident.outcome.signals) {
      const signal = entry(incident.interviewId, derived.id, 'incident');
      signal?.evidence.push({ at: derived.at, text: `Incident simulation: ${derived.reason}`, isPrivate: false, noteId: null });
    }
  }
  for (const signal of byKey.values()) signal.evidence.sort((a, b) => a.at - b.at);
  return [...byKey.values()];
}

const bySeverity = { high: 0, medium: 1, low: 2 } as const;

/**
 * Titles alphabetically, letter case aside, without a locale collator (`codeUnitOrder`): a pack's
 * titles are its authors' sentences, and this is only the order they are listed in.
 */
const byTitle = (a: ReportSignal, b: ReportSignal) =>
  byCodeUnits(a.title.toLowerCase(), b.title.toLowerCase()) || byCodeUnits(a.title, b.title);

/** Signals of one polarity, most severe first, then by title. */
export function reportSignalsOf(signals: readonly ReportSignal[], polarity: SignalPolarity): ReportSignal[] {
  return signals
    .filter((s) => s.polarity === polarity)
    .sort((a, b) => bySeverity[a.severity] - bySeverity[b.severity] || byTitle(a, b));
}
