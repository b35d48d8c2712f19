/**
 * Every write of a live interview. Each runs in one strict-durability transaction that re-reads
 * the interview first, so a sealed interview can never be changed behind the UI's back; a promise
 * that resolves means the write is on disk (what the "Saved" mark waits for).
 */
import { evidenceSealHash } from '../../../core/audit/evidenceSeal';
import { canonicalJson } from '../../../core/canonical/canonicalJson';
import {
  interviewIsAmending,
  interviewIsSealed,
  interviewSubmitProblems,
  interviewTransition,
  type SubmitProblem,
} from '../../../core/interview/interviewLifecycle';
import {
  defectFindingSchema,
  noteSchema,
  ratingSchema,
  signalTagSchema,
  type Interview,
  type Note,
  type OverallRecommendation,
  type SignalTag,
} from '../../../core/model/records';
import type { Kit, RubricPack } from '../../../core/rubric/schema';
import { incidentClockPause, incidentClockSimNow } from '../../../core/incident/clock';
import { INCIDENT_MAX_SIM_MS } from '../../../core/incident/engine';
import type { AppDb } from '../appDb';
import { evidenceChange, evidenceOf, evidenceWrite, type EvidenceRow } from '../evidenceRows';
import { interviewVersionKeep, interviewVersionStored } from '../sealedVersions';
import { auditWrite } from './auditActions';

export class InterviewSealedError extends Error {
  override name = 'InterviewSealedError';
  constructor() {
    super('This interview is submitted and sealed. Start an amendment to change it.');
  }
}

async function editableInterview(db: AppDb, interviewId: string): Promise<Interview> {
  const interview = await db.interviews.get(interviewId);
  if (!interview) throw new Error('This interview no longer exists.');
  if (interviewIsSealed(interview) || interview.status === 'planned') throw new InterviewSealedError();
  return interview;
}

/**
 * The editable interview and its evidence row, both read at once inside the caller's transaction:
 * one IndexedDB round trip before the write instead of two (the rating and note autosaves).
 */
async function editableEvidence(db: AppDb, interviewId: string): Promise<[Interview, EvidenceRow]> {
  return Promise.all([editableInterview(db, interviewId), evidenceOf(db, interviewId)]);
}

/**
 * The explicit Start: planned → draft with the clock started now (idempotent). Opening the
 * runner does not start anything; the kit is readable before.
 */
export async function interviewStart(
  db: AppDb,
  interviewId: string,
  kit: Pick<Kit, 'sections'>,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.interviews, async () => {
    const interview = await db.interviews.get(interviewId);
    if (!interview || interview.status !== 'planned') return;
    const result = interviewTransition(interview, { type: 'start', now, firstSectionId: kit.sections[0]?.id ?? null });
    if (result.ok) await db.interviews.put(result.interview);
  });
}

/** Pauses or resumes the interview clock (the section countdown pauses with it). */
export async function interviewClockSet(
  db: AppDb,
  interviewId: string,
  change: 'pause' | 'resume',
  now: number,
): Promise<void> {
  await db.transaction('rw', db.interviews, async () => {
    const interview = await editableInterview(db, interviewId);
    const result = interviewTransition(interview, { type: change, now });
    if (!result.ok) throw new Error(result.message);
    if (result.interview !== interview) await db.interviews.put(result.interview);
  });
}

export async function interviewMoveToSection(
  db: AppDb,
  interviewId: string,
  sectionId: string,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.interviews, async () => {
    const interview = await editableInterview(db, interviewId);
    const result = interviewTransition(interview, { type: 'moveToSection', now, sectionId });
    if (!result.ok) throw new Error(result.message);
    await db.interviews.put(result.interview);
  });
}

/** A score 1-4, "no-evidence", or null to clear. */
export type RatingValue = 1 | 2 | 3 | 4 | 'no-evidence' | null;

export async function ratingSet(
  db: AppDb,
  interviewId: string,
  dimensionId: string,
  value: RatingValue,
  now: number,
): Promise<void> {
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    const [, row] = await editableEvidence(db, interviewId);
    const rating =
      value === null
        ? null
        : ratingSchema.parse(
            value === 'no-evidence'
              ? { interviewId, dimensionId, state: 'no-evidence', updatedAt: now }
              : { interviewId, dimensionId, state: 'rated', score: value, updatedAt: now },
          );
    await evidenceWrite(db, {
      ...row,
      ratings: [...row.ratings.filter((r) => r.dimensionId !== dimensionId), ...(rating ? [rating] : [])],
    });
  });
}

export async function noteSave(db: AppDb, note: Note): Promise<void> {
  const valid = noteSchema.parse(note);
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    await editableInterview(db, valid.interviewId);
    await evidenceChange(db, valid.interviewId, (row) => ({ ...row, notes: notesWith(row.notes, valid) }));
  });
}

/** `notes` with `note` in place of the line of its id (or added). */
function notesWith(notes: readonly Note[], note: Note): Note[] {
  return [...notes.filter((n) => n.id !== note.id), note];
}

/** The fields of a note line a window may change on its own (text in the composer, the rest anywhere). */
export type NoteFields = Partial<Pick<Note, 'text' | 'dimensionId' | 'isPrivate' | 'simAt'>>;

/**
 * Field-level note write: changes only `fields` of the stored line, so two windows editing
 * different fields of one line (text in one, dimension in the other) never overwrite each other.
 * When the line does not exist yet (the first keystroke, or it was deleted elsewhere while being
 * typed) it is created from `create`. During an amendment a new line records when it was added.
 */
export async function noteFieldsSave(
  db: AppDb,
  ref: Pick<Note, 'id' | 'interviewId'>,
  fields: NoteFields,
  now: number,
  create?: Note,
): Promise<void> {
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    const [interview, row] = await editableEvidence(db, ref.interviewId);
    const stored = row.notes.find((n) => n.id === ref.id);
    let note: Note | null = null;
    if (stored) note = noteSchema.parse({ ...stored, ...fields });
    else if (create) {
      if (create.interviewId !== ref.interviewId) throw new Error('This note belongs to another interview.');
      const added = interviewIsAmending(interview) ? { addedAt: now } : {};
      note = noteSchema.parse({ ...create, ...added, ...fields });
    }
    if (note) await evidenceWrite(db, { ...row, notes: notesWith(row.notes, note) });
  });
}

/** What a note delete removed, so Undo can put it back exactly. */
export interface NoteDeleted {
  note: Note;
  /** Signal tags that cited the note, as they were before. */
  tags: SignalTag[];
}

/** Deletes a note and unlinks it from any signal that cited it; audited when `actor` is given. */
export async function noteDelete(
  db: AppDb,
  interviewId: string,
  noteId: string,
  audit?: { actor: string; now: number },
): Promise<NoteDeleted | null> {
  return db.transaction('rw', [db.interviews, db.evidence, db.audit], async () => {
    await editableInterview(db, interviewId);
    const row = await evidenceOf(db, interviewId);
    const note = row.notes.find((n) => n.id === noteId);
    if (!note) return null;
    const tags = row.signalTags.filter((t) => t.noteIds.includes(noteId));
    await evidenceWrite(db, {
      ...row,
      notes: row.notes.filter((n) => n.id !== noteId),
      signalTags: row.signalTags.map((t) => (t.noteIds.includes(noteId) ? { ...t, noteIds: t.noteIds.filter((id) => id !== noteId) } : t)),
    });
    if (audit) {
      await auditWrite(db, {
        at: audit.now,
        actor: audit.actor,
        action: 'note.deleted',
        subject: interviewId,
        details: { noteId, at: note.at },
      });
    }
    return { note, tags };
  });
}

/** Undo of {@link noteDelete}: the note comes back with its links to the signals that cited it. */
export async function noteRestore(db: AppDb, deleted: NoteDeleted, actor: string, now: number): Promise<void> {
  const { note } = deleted;
  await db.transaction('rw', [db.interviews, db.evidence, db.audit], async () => {
    await editableInterview(db, note.interviewId);
    const restored = noteSchema.parse(note);
    const citing = new Set(deleted.tags.map((t) => t.id));
    await evidenceChange(db, note.interviewId, (r) => ({
      ...r,
      notes: notesWith(r.notes, restored),
      // A tag removed since stays removed; one still there gets its link back.
      signalTags: r.signalTags.map((t) =>
        citing.has(t.id) && !t.noteIds.includes(note.id) ? { ...t, noteIds: [...t.noteIds, note.id] } : t,
      ),
    }));
    await auditWrite(db, {
      at: now,
      actor,
      action: 'note.restored',
      subject: note.interviewId,
      details: { noteId: note.id, at: note.at },
    });
  });
}

export async function signalTagSave(db: AppDb, tag: SignalTag): Promise<void> {
  const valid = signalTagSchema.parse(tag);
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    await editableInterview(db, valid.interviewId);
    await evidenceChange(db, valid.interviewId, (r) => ({
      ...r,
      signalTags: [...r.signalTags.filter((t) => t.id !== valid.id), valid],
    }));
  });
}

export async function signalTagRemove(db: AppDb, interviewId: string, tagId: string): Promise<void> {
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    await editableInterview(db, interviewId);
    await evidenceChange(db, interviewId, (r) => ({ ...r, signalTags: r.signalTags.filter((t) => t.id !== tagId) }));
  });
}

export async function defectFindingSet(
  db: AppDb,
  finding: { interviewId: string; exerciseId: string; defectId: string; foundAt: number },
  isFound: boolean,
): Promise<void> {
  await db.transaction('rw', db.interviews, db.evidence, async () => {
    await editableInterview(db, finding.interviewId);
    const found = isFound ? [defectFindingSchema.parse(finding)] : [];
    await evidenceChange(db, finding.interviewId, (r) => ({
      ...r,
      defectFindings: [...r.defectFindings.filter((f) => f.defectId !== finding.defectId), ...found],
    }));
  });
}

/** Everything an interview holds, as sealed into a version snapshot. */
export async function interviewEvidence(db: AppDb, interviewId: string) {
  const [interview, evidence, incidentRun] = await Promise.all([
    db.interviews.get(interviewId),
    evidenceOf(db, interviewId),
    db.incidentRuns.get(interviewId),
  ]);
  const { ratings, signalTags, defectFindings } = evidence;
  // Stable: lines of one moment stay in id order, as v3's `sortBy('at')` over the id-ordered rows.
  const notes = [...evidence.notes].sort((a, b) => a.at - b.at);
  return { interview, ratings, notes, signalTags, defectFindings, incidentRun: incidentRun ?? null };
}

export type SubmitResult =
  { ok: true; interview: Interview } | { ok: false; problems: SubmitProblem[]; message?: string };

/**
 * Seals the interview: checks it is complete, moves it to submitted (or amended), stores the
 * sealed snapshot as a version and appends the audit entry — all in one transaction.
 */
export async function interviewSubmit(
  db: AppDb,
  pack: Pick<RubricPack, 'dimensions' | 'signals'>,
  kit: Pick<Kit, 'dimensions'>,
  interviewId: string,
  actor: string,
  now: number,
  /** The overall recommendation and key takeaways given at submit, sealed with the scorecard. */
  overall?: { recommendation: OverallRecommendation; keyTakeaways: string },
): Promise<SubmitResult> {
  return db.transaction(
    'rw',
    [
      db.interviews,
      db.evidence,
      db.incidentRuns,
      db.interviewVersions,
      db.audit,
    ],
    async () => {
      const evidence = await interviewEvidence(db, interviewId);
      if (!evidence.interview) return { ok: false, problems: [], message: 'This interview no longer exists.' };
      const problems = interviewSubmitProblems(pack, kit, evidence);
      if (problems.length > 0) return { ok: false, problems };
      const result = interviewTransition(evidence.interview, { type: 'submit', now });
      if (!result.ok) return { ok: false, problems: [], message: result.message };
      if (overall && !overall.keyTakeaways.trim()) {
        return { ok: false, problems: [], message: 'Write the key takeaways beside the overall recommendation to seal.' };
      }
      const sealed: Interview = overall
        ? { ...result.interview, overallRecommendation: overall.recommendation, keyTakeaways: overall.keyTakeaways.trim() }
        : result.interview;
      await db.interviews.put(sealed);
      // A simulation still running ends where the interviewer submitted: the report judges that run.
      let incidentRun = evidence.incidentRun;
      if (incidentRun && incidentRun.endedAt === null) {
        incidentRun = {
          ...incidentRun,
          clock: incidentClockPause(incidentRun.clock, now),
          endedAt: Math.min(INCIDENT_MAX_SIM_MS, incidentClockSimNow(incidentRun.clock, now)),
        };
        await db.incidentRuns.put(incidentRun);
      }
      const snapshot = canonicalJson({ ...evidence, incidentRun, interview: sealed });
      // The seal every reader (import, verify, audit check) recomputes from the live rows.
      const evidenceSha256 = evidenceSealHash({ ...evidence, incidentRun, interview: sealed });
      const version = {
        id: crypto.randomUUID(),
        interviewId,
        version: sealed.version,
        sealedAt: now,
        reason: sealed.version > 1 ? sealed.amendReason : '',
        snapshot,
        evidenceSha256,
      };
      // Stored by its hash: the snapshot is the rows just sealed (kept whole if they would not rebuild it).
      const rows = { interview: sealed, evidence: await evidenceOf(db, interviewId), incidentRun };
      await db.interviewVersions.add(interviewVersionStored(version, rows));
      await auditWrite(db, {
        at: now,
        actor,
        action: sealed.version > 1 ? 'interview.amended' : 'interview.submitted',
        subject: interviewId,
        details: {
          version: sealed.version,
          ...(sealed.version > 1 ? { reason: sealed.amendReason } : {}),
          evidenceSha256,
        },
      });
      return { ok: true, interview: sealed };
    },
  );
}

/**
 * Re-opens a sealed interview for an amendment; the sealed version stays in `interviewVersions`,
 * its snapshot written into its row first (until now it was the interview's rows themselves).
 */
export async function interviewBeginAmendment(
  db: AppDb,
  interviewId: string,
  reason: string,
  actor: string,
  now: number,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction('rw', [db.interviews, db.evidence, db.incidentRuns, db.interviewVersions, db.audit], async () => {
    const interview = await db.interviews.get(interviewId);
    if (!interview) return { ok: false, message: 'This interview no longer exists.' };
    const result = interviewTransition(interview, { type: 'beginAmendment', now, reason });
    if (!result.ok) return result;
    await interviewVersionKeep(db, interviewId);
    await db.interviews.put(result.interview);
    await auditWrite(db, {
      at: now,
      actor,
      action: 'interview.reopened',
      subject: interviewId,
      details: { version: interview.version, reason: result.interview.amendReason },
    });
    return { ok: true };
  });
}
