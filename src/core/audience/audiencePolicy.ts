/**
 * The one audience policy (SPEC §7 "Audiences"): given who will read an output and the model it
 * is made from, returns only what that reader may see. Screens, the print route and its PDFs (body,
 * running header, title, file name), batch export, `loopdesk report --audience` and bundle export
 * all call it; none of them decides redaction on its own.
 *
 * - `committee`: the full report.
 * - `committee-blind` / `recruiter-blind`: the candidate's name, e-mail and phone are replaced by a
 *   stable neutral label, also inside free text (notes, signal evidence, amendment reasons):
 *   whole words, case-insensitive, the full name, each part of it and the e-mail. Pronouns and
 *   other indirect clues in free text are not hidden (the UI says so).
 * - `recruiter`: no private notes.
 * - `candidate`: no report at all (the candidate view is the artifact or the presenter only).
 * - `panelist-unsealed`: a panelist who has not sealed their own interview of this candidate sees
 *   no report, and a bundle they export carries none of their colleagues' evidence for them.
 */
import { sha256Hex } from '../crypto/sha256';
import type { CandidateReport, ReportAudience } from '../report/reportBuild';

export const audiences = [
  'committee',
  'committee-blind',
  'recruiter',
  'recruiter-blind',
  'candidate',
  'panelist-unsealed',
] as const;
export type Audience = (typeof audiences)[number];

export function audienceIsKnown(value: string): value is Audience {
  return (audiences as readonly string[]).includes(value);
}

/** The audience of a report output: committee packet or recruiter summary, blind or not. */
export function audienceOf(kind: ReportAudience, isBlind: boolean): Audience {
  if (kind === 'recruiter') return isBlind ? 'recruiter-blind' : 'recruiter';
  return isBlind ? 'committee-blind' : 'committee';
}

export function audienceIsBlind(audience: Audience): boolean {
  return audience === 'committee-blind' || audience === 'recruiter-blind';
}

/** The report model to build for an audience (which notes `reportBuild` may read at all). */
export function audienceReportKind(audience: Audience): ReportAudience {
  return audience === 'recruiter' || audience === 'recruiter-blind' ? 'recruiter' : 'committee';
}

/**
 * A stable neutral label per candidate ("Candidate K7Q"), derived from the id so the same person
 * keeps the same label on every screen and in every PDF without revealing the order of entry.
 */
export function audienceBlindLabel(candidateId: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const hex = sha256Hex(`loopdesk-blind:${candidateId}`);
  let out = '';
  for (let i = 0; i < 3; i++) out += alphabet[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % alphabet.length];
  return `Candidate ${out}`;
}

export interface AudiencePerson {
  id: string;
  name: string;
  email: string;
  phone?: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What identifies the person in free text: the e-mail, the phone, the full name and each part of
 * the name (first, middle, last). Parts shorter than two letters ("J.") are left alone: replacing
 * every "J" in the text would mangle it without hiding anyone.
 */
function identifyingTerms(person: AudiencePerson): string[] {
  const parts = person.name.split(/[\s,]+/).map((p) => p.replace(/^[.'’-]+|[.'’-]+$/g, ''));
  const terms = [person.email.trim(), (person.phone ?? '').trim(), person.name.trim(), ...parts].filter((t) => t.length >= 2);
  // Longest first, so "Ada Lovelace" is one replacement rather than two.
  return [...new Set(terms)].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every whole-word, case-insensitive occurrence of the person's name, name parts,
 * e-mail and phone replaced by `label`. "Word" is Unicode-aware: "Ana" in "Anatomy" stays.
 */
export function audienceRedactText(text: string, person: AudiencePerson, label: string): string {
  const terms = identifyingTerms(person);
  if (terms.length === 0 || text.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@.])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, label);
}

export type AudienceReportResult = { ok: true; report: CandidateReport } | { ok: false; reason: string };

const refusals: Partial<Record<Audience, string>> = {
  candidate: 'The candidate sees the exercise only, never the report.',
  'panelist-unsealed':
    "You are on this candidate's panel and have not sealed your interview yet. The report shows colleagues' ratings, so it stays hidden until you have scored independently.",
};

/** `value` with `edit` applied to every string in it, however deep (a new value; the input is kept). */
function stringsMap<T>(value: T, edit: (text: string) => string): T {
  if (typeof value === 'string') return edit(value) as T;
  if (Array.isArray(value)) return value.map((v) => stringsMap(v, edit)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringsMap(v, edit)])) as T;
  }
  return value;
}

/**
 * A report with the candidate replaced by their label everywhere. Every string of the model is
 * redacted, not a list of known fields, so free text added to the report later is covered too.
 */
function reportBlind(report: CandidateReport): CandidateReport {
  const label = audienceBlindLabel(report.candidate.id);
  const person: AudiencePerson = { id: report.candidate.id, name: report.candidate.name, email: report.candidate.email };
  const redacted = stringsMap(report, (text) => audienceRedactText(text, person, label));
  return { ...redacted, candidate: { ...redacted.candidate, id: report.candidate.id, name: label, email: '' } };
}

/**
 * A report without private notes: any record marked `isPrivate` is dropped wherever it sits (the
 * note list, signal evidence), and so is every reference to a private note (`noteIds`).
 */
function reportWithoutPrivateNotes(report: CandidateReport): CandidateReport {
  const privateIds = new Set(report.notes.filter((n) => n.isPrivate).map((n) => n.id));
  const isPrivate = (v: unknown) => v !== null && typeof v === 'object' && (v as { isPrivate?: unknown }).isPrivate === true;
  const strip = (value: unknown, key: string | null): unknown => {
    if (Array.isArray(value)) {
      const kept = value.filter((v) => !isPrivate(v) && !(key === 'noteIds' && typeof v === 'string' && privateIds.has(v)));
      return kept.map((v) => strip(v, null));
    }
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strip(v, k)]));
    }
    return value;
  };
  return strip(report, null) as CandidateReport;
}

/**
 * What `audience` may read of `report`, or why they may read none of it. Pure; the input is not
 * changed. Build the report with `audienceReportKind(audience)` so its inputs hash matches.
 */
export function audienceReport(report: CandidateReport, audience: Audience): AudienceReportResult {
  const refusal = refusals[audience];
  if (refusal) return { ok: false, reason: refusal };
  let out = report;
  if (audienceReportKind(audience) === 'recruiter') out = reportWithoutPrivateNotes(out);
  if (audienceIsBlind(audience)) out = reportBlind(out);
  return { ok: true, report: out };
}

/** The name an audience knows the candidate by: their label when blind. */
export function audienceCandidateName(candidate: { id: string; name: string }, audience: Audience): string {
  return audienceIsBlind(audience) ? audienceBlindLabel(candidate.id) : candidate.name;
}

/** Free text about a candidate as an audience may read it (a decision's rationale, a note). */
export function audienceCandidateText(text: string, candidate: AudiencePerson, audience: Audience): string {
  return audienceIsBlind(audience) ? audienceRedactText(text, candidate, audienceBlindLabel(candidate.id)) : text;
}

const documentKinds: Record<ReportAudience, string> = {
  committee: 'committee packet',
  recruiter: 'recruiter summary',
};

/**
 * The title of a report document (the PDF's title metadata, the print tab's title, and in a
 * browser the suggested file name): "Candidate K7Q - committee packet", or for a batch
 * "Staff DevOps Engineer - 3 committee packets". Never more than the audience may see.
 */
export function audienceDocumentTitle(
  candidates: ReadonlyArray<{ id: string; name: string }>,
  audience: Audience,
  role: string,
  /** The day of the export ("2026-12-01"): with it, "Committee packet — Staff DevOps Engineer — 2026-12-01". */
  date?: string,
): string {
  const kind = documentKinds[audienceReportKind(audience)];
  if (date !== undefined) {
    const title = kind[0]!.toUpperCase() + kind.slice(1);
    const subject = candidates.length === 1 ? audienceCandidateName(candidates[0]!, audience) : role;
    return `${title} — ${subject} — ${date}`;
  }
  if (candidates.length === 1) return `${audienceCandidateName(candidates[0]!, audience)} - ${kind}`;
  return `${role} - ${candidates.length} ${kind}s`;
}

/** A file name for a report PDF: the document title without characters file systems refuse. */
export function audienceFileName(title: string, extension = '.pdf'): string {
  const safe = title.replace(/[/\\:*?"<>|\p{Cc}]/gu, '').replace(/\s+/g, ' ').trim();
  return `${safe || 'Loopdesk report'}${extension}`;
}
