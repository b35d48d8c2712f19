/**
 * Erasure that lasts (SPEC §7): erasing a candidate, or purging their last loop, keeps a tombstone —
 * a salted SHA-256 of the candidate's id and of their e-mail, and the day, never a name. Import and
 * restore skip every record of a tombstoned candidate, so a bundle or backup made before the
 * erasure cannot bring the person back. Each tombstone carries its own random salt: the hashes
 * cannot be tested against a list of known ids or e-mails without it, and another machine can
 * still recognise the candidate when a tombstone travels in a bundle.
 */
import { z } from 'zod';
import type { BundleContent } from '../bundle/bundleSchema';
import { sha256Hex } from '../crypto/sha256';

const hexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits');

export const tombstoneSchema = z.strictObject({
  /** SHA-256 of `${salt}:id:${candidateId}`. */
  candidateHash: hexSchema,
  /** SHA-256 of `${salt}:email:${e-mail, trimmed, lower case}`; null when there was no e-mail. */
  emailHash: hexSchema.nullable(),
  salt: z.string().regex(/^[0-9a-f]{32}$/, 'must be 32 hex digits'),
  /** The day of the erasure (UTC), `YYYY-MM-DD`. */
  erasedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  reason: z.enum(['erased', 'purged']),
});
export type Tombstone = z.infer<typeof tombstoneSchema>;

const idHash = (salt: string, id: string) => sha256Hex(`${salt}:id:${id}`);
const emailHash = (salt: string, email: string) => {
  const normal = email.trim().toLowerCase();
  return normal ? sha256Hex(`${salt}:email:${normal}`) : null;
};

/** A tombstone for a candidate; `salt` is 32 random hex digits from the caller (core has no randomness). */
export function tombstoneCreate(
  candidate: { id: string; email: string },
  salt: string,
  now: number,
  reason: Tombstone['reason'],
): Tombstone {
  return {
    candidateHash: idHash(salt, candidate.id),
    emailHash: emailHash(salt, candidate.email),
    salt,
    erasedOn: new Date(now).toISOString().slice(0, 10),
    reason,
  };
}

/** The tombstone that covers this candidate id, if any. */
export function tombstoneFor(candidateId: string, tombstones: readonly Tombstone[]): Tombstone | undefined {
  return tombstones.find((t) => t.candidateHash === idHash(t.salt, candidateId));
}

export interface TombstoneSkip {
  /** One entry per tombstoned candidate the content held. */
  skipped: Array<{ erasedOn: string; reason: Tombstone['reason'] }>;
  /** Records left out, all tables together. */
  records: number;
  /** For the import preview: "1 erased candidate skipped — erased on 2026-12-01". */
  text: string | null;
}

/**
 * `content` without every record of a tombstoned candidate: the candidate, their loops, interviews
 * and everything recorded in them, their decisions. Pure.
 */
export function tombstoneContentFilter(
  content: BundleContent,
  tombstones: readonly Tombstone[],
): { content: BundleContent; skip: TombstoneSkip } {
  const ids = new Set([...content.candidates.map((c) => c.id), ...content.loops.map((l) => l.candidateId), ...content.interviews.map((i) => i.candidateId)]);
  const hit = new Map<string, Tombstone>();
  for (const id of ids) {
    const t = tombstoneFor(id, tombstones);
    if (t) hit.set(id, t);
  }
  if (hit.size === 0) return { content, skip: { skipped: [], records: 0, text: null } };
  const gone = (id: string) => hit.has(id);
  const interviewIds = new Set(content.interviews.filter((i) => gone(i.candidateId)).map((i) => i.id));
  const loopIds = new Set(content.loops.filter((l) => gone(l.candidateId)).map((l) => l.id));
  const ofInterview = <T extends { interviewId: string }>(rows: T[]) => rows.filter((r) => !interviewIds.has(r.interviewId));
  const out: BundleContent = {
    ...content,
    candidates: content.candidates.filter((c) => !gone(c.id)),
    loops: content.loops.filter((l) => !loopIds.has(l.id)),
    interviews: content.interviews.filter((i) => !interviewIds.has(i.id)),
    ratings: ofInterview(content.ratings),
    notes: ofInterview(content.notes),
    signalTags: ofInterview(content.signalTags),
    defectFindings: ofInterview(content.defectFindings),
    interviewVersions: ofInterview(content.interviewVersions),
    incidentRuns: ofInterview(content.incidentRuns),
    decisions: content.decisions.filter((d) => !gone(d.candidateId) && !loopIds.has(d.loopId)),
  };
  let records = 0;
  for (const key of Object.keys(content) as Array<keyof BundleContent>) {
    const before = content[key];
    const after = out[key];
    if (Array.isArray(before) && Array.isArray(after)) records += before.length - after.length;
  }
  const skipped = [...hit.values()].map((t) => ({ erasedOn: t.erasedOn, reason: t.reason }));
  return { content: out, skip: { skipped, records, text: tombstoneSkipText(skipped) } };
}

/** "1 erased candidate skipped — erased on 2026-12-01"; several dates are listed, earliest first. */
export function tombstoneSkipText(skipped: TombstoneSkip['skipped']): string | null {
  if (skipped.length === 0) return null;
  const dates = [...new Set(skipped.map((s) => s.erasedOn))].sort();
  const n = skipped.length;
  return `${n} erased candidate${n === 1 ? '' : 's'} skipped — erased on ${dates.join(', ')}`;
}
