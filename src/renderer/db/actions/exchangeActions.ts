/**
 * The exchange folder (docs/exchange.md): this profile writes one signed bundle per sealed
 * interview, amendment, decision and erasure into its outbox, and takes up every new valid bundle
 * from other profiles' outboxes, logging what it did with each. A round is idempotent: run it as
 * often as you like, it writes only what is missing and imports only what is new.
 */
import { audienceBundleContent, audienceUnsealedCandidates } from '../../../core/audience/audienceBundle';
import type { Tombstone } from '../../../core/audience/tombstone';
import { bundleCreate, bundleParse, bundleStringify, type Bundle } from '../../../core/bundle';
import type { BundlePackDimensions } from '../../../core/bundle/bundleDimensions';
import type { BundleContent } from '../../../core/bundle/bundleSchema';
import {
  exchangeFilesToRead,
  exchangeOutgoing,
  exchangePath,
  exchangeStamp,
  type ExchangeListing,
  type ExchangeOutcome,
  type ExchangeOutgoing,
  type ExchangeOwnRecords,
  type ExchangeSeen,
} from '../../../core/exchange/exchangeFolder';
import { exchangeVerdict } from '../../../core/exchange/exchangeVerdict';
import { EXCHANGE_FILE_MAX_BYTES } from '../../../core/limits/inputLimits';
import { bundleSignatureVerify } from '../../../core/signing/bundleSignature';
import { keyTrustDecide } from '../../../core/signing/keyTrust';
import type { Decision, Interviewer } from '../../../core/model/records';
import {
  exchangeFolderList,
  exchangeFolderRead,
  exchangeFolderWrite,
  type ExchangeFolder,
} from '../../platform/exchangeFolderAccess';
import type { AppDb } from '../appDb';
import { evidenceOf, evidenceOfMany } from '../evidenceRows';
import { interviewVersionsFilled } from '../sealedVersions';
import type { ExchangeLogRow } from '../rows/signingRows';
import { lastingImport, lastingImportPreview } from './dataActions';
import { bundleSignAsProfile } from './signingActions';

const appVersion = typeof __LOOPDESK_VERSION__ === 'string' ? __LOOPDESK_VERSION__ : '0.0.0';

// ---- The chosen folder --------------------------------------------------------------------------

// In `../exchangeFolderChoice` (the background upkeep reads it without loading this module).
export { exchangeFolderRecall, exchangeFolderRemember } from '../exchangeFolderChoice';

/** Per profile: may sealed interviews with private notes go into the folder (committee members only). */
export const exchangePrivateNotesKey = (profileId: string) => `exchangePrivateNotes:${profileId}`;

export async function exchangePrivateNotesAllowed(db: AppDb, profileId: string): Promise<boolean> {
  return (await db.settings.get(exchangePrivateNotesKey(profileId)))?.value === true;
}

export async function exchangePrivateNotesSet(db: AppDb, profileId: string, isAllowed: boolean): Promise<void> {
  await db.settings.put({ key: exchangePrivateNotesKey(profileId), value: isAllowed });
}

// ---- The log ------------------------------------------------------------------------------------

/** The last entry per file this profile read or wrote. */
export async function exchangeSeen(db: AppDb, profileId: string): Promise<Map<string, ExchangeLogRow & { stamp: string }>> {
  const seen = new Map<string, ExchangeLogRow & { stamp: string }>();
  await db.exchangeLog.orderBy('seq').each((row) => {
    if (row.profileId === profileId) seen.set(row.file, { ...row, stamp: row.stamp ?? '' });
  });
  return seen;
}

/** Adds a log line unless it says exactly what the last one for that file said. */
export async function exchangeLogWrite(db: AppDb, seen: Map<string, ExchangeLogRow & { stamp: string }>, row: ExchangeLogRow): Promise<void> {
  const pending: ExchangeLogRow[] = [];
  exchangeLogQueue(seen, pending, row);
  await db.exchangeLog.bulkAdd(pending);
}

/** Queues a log line (unless it repeats the last one for that file) for one bulk write. */
function exchangeLogQueue(seen: Map<string, ExchangeLogRow & { stamp: string }>, pending: ExchangeLogRow[], row: ExchangeLogRow): void {
  const last = seen.get(row.file);
  if (last && last.stamp === row.stamp && last.outcome === row.outcome && last.detail === row.detail && last.generation === row.generation) return;
  pending.push(row);
  seen.set(row.file, { ...row, stamp: row.stamp ?? '' });
}

// ---- Writing this profile's outbox ---------------------------------------------------------------

/** What this profile owes the folder: its sealed versions, its decisions, erasures made here. */
export async function exchangeOwnRecords(db: AppDb, me: Interviewer): Promise<ExchangeOwnRecords> {
  const mine = await db.interviews.where('interviewerId').equals(me.id).toArray();
  const sealed = mine.filter((i) => i.status === 'submitted' || i.status === 'amended');
  const candidateOf = new Map(sealed.map((i) => [i.id, i.candidateId]));
  const versions = await db.interviewVersions.where('interviewId').anyOf([...candidateOf.keys()]).toArray();
  const decisions = await decisionsRecordedBy(db, me);
  const received = new Set(
    (await db.exchangeLog.toArray()).filter((r) => r.outcome === 'received' && r.subject?.startsWith('tombstone:')).map((r) => r.subject!.slice(10)),
  );
  const tombstones = (await db.tombstones.toArray()).filter((t) => !received.has(t.candidateHash));
  return {
    profileId: me.id,
    versions: versions.map((v) => ({ interviewId: v.interviewId, version: v.version, candidateId: candidateOf.get(v.interviewId)! })),
    decisions: decisions.map((d) => ({ id: d.id, candidateId: d.candidateId })),
    tombstones,
  };
}

/**
 * The decisions `me` recorded here, by profile id. A decision from before the recorder's id was
 * kept says only a typed name: it counts as `me`'s when no other interviewer here has that name
 * (so two people with one name never send each other's decisions).
 */
async function decisionsRecordedBy(db: AppDb, me: Interviewer): Promise<Decision[]> {
  const all = await db.decisions.toArray();
  const legacy = all.filter((d) => d.recordedById === undefined && d.decidedBy === me.name);
  const isNameMine = legacy.length > 0 && (await db.interviewers.filter((i) => i.name === me.name && i.id !== me.id).count()) === 0;
  return all.filter((d) => d.recordedById === me.id || (isNameMine && d.recordedById === undefined && d.decidedBy === me.name));
}

const emptyContent = (): BundleContent => ({
  candidates: [],
  interviewers: [],
  loops: [],
  interviews: [],
  ratings: [],
  notes: [],
  signalTags: [],
  defectFindings: [],
  decisions: [],
  interviewVersions: [],
  incidentRuns: [],
  audit: [],
});

/** One interview with everything recorded in it, its candidate, loop and interviewer. */
async function interviewContent(db: AppDb, interviewId: string): Promise<BundleContent> {
  const interview = (await db.interviews.get(interviewId))!;
  const of = <T>(table: { where(i: string): { equals(v: string): { toArray(): Promise<T[]> } } }) =>
    table.where('interviewId').equals(interviewId).toArray();
  return {
    ...emptyContent(),
    candidates: [(await db.candidates.get(interview.candidateId))!],
    interviewers: [(await db.interviewers.get(interview.interviewerId))!],
    loops: [(await db.loops.get(interview.loopId))!],
    interviews: [interview],
    ...(await evidenceOfMany(db, [interviewId])),
    interviewVersions: await interviewVersionsFilled(db, await db.interviewVersions.where('interviewId').equals(interviewId).toArray()),
    incidentRuns: await of(db.incidentRuns),
  };
}

async function decisionContent(db: AppDb, decisionId: string): Promise<BundleContent> {
  const decision = (await db.decisions.get(decisionId))!;
  return {
    ...emptyContent(),
    candidates: [(await db.candidates.get(decision.candidateId))!],
    loops: [(await db.loops.get(decision.loopId))!],
    decisions: [decision],
  };
}

export type ExchangeOutgoingBundle = { ok: true; bundle: Bundle } | { ok: false; reason: string };

/**
 * The signed bundle for one outgoing file, or why it stays here: the audience policy (a decision
 * on a candidate this profile has not sealed for waits), and private notes unless this profile
 * says it is a committee member's that may share them.
 */
export async function exchangeOutgoingBundle(db: AppDb, out: ExchangeOutgoing, me: Interviewer, now: number): Promise<ExchangeOutgoingBundle> {
  let content = emptyContent();
  let tombstones: Tombstone[] = [];
  if (out.kind === 'tombstone') {
    tombstones = (await db.tombstones.toArray()).filter((t) => t.candidateHash.startsWith(out.subjectId));
  } else {
    content = out.kind === 'decision' ? await decisionContent(db, out.subjectId) : await interviewContent(db, out.subjectId);
    const all = await db.interviews.where('candidateId').equals(out.candidateId!).toArray();
    const allowed = audienceBundleContent(content, { kind: 'candidate', id: out.candidateId! }, me.id, all);
    if (!allowed.ok || (out.kind === 'decision' && allowed.content.decisions.length === 0))
      return { ok: false, reason: 'waits until you seal your own interview of this candidate' };
    content = allowed.content;
    if (content.notes.some((n) => n.isPrivate) && !(await exchangePrivateNotesAllowed(db, me.id)))
      return { ok: false, reason: 'carries private notes, which this profile does not share through the folder' };
  }
  const bundle = bundleCreate({
    content,
    appVersion,
    createdAt: now,
    createdBy: me.name,
    scope: out.candidateId ? { kind: 'candidate', id: out.candidateId } : { kind: 'all' },
    tombstones,
  });
  return { ok: true, bundle: await bundleSignAsProfile(db, bundle, me, now) };
}

export interface ExchangeSendResult {
  sent: number;
  /** Files that stay here for now, with why (private notes, not sealed yet). */
  kept: Array<{ name: string; reason: string }>;
}

/** Writes what this profile owes its outbox and has not written yet. */
export async function exchangeSend(db: AppDb, folder: ExchangeFolder, me: Interviewer, now: number): Promise<ExchangeSendResult> {
  const listing = await exchangeFolderList(folder);
  const written = new Set(listing.filter((e) => e.profileId === me.id).map((e) => e.name));
  const outgoing = exchangeOutgoing(await exchangeOwnRecords(db, me), written);
  const seen = await exchangeSeen(db, me.id);
  const result: ExchangeSendResult = { sent: 0, kept: [] };
  for (const out of outgoing) {
    const made = await exchangeOutgoingBundle(db, out, me, now);
    if (!made.ok) {
      result.kept.push({ name: out.name, reason: made.reason });
      continue;
    }
    await exchangeFolderWrite(folder, me.id, out.name, bundleStringify(made.bundle));
    await exchangeLogWrite(db, seen, { at: now, profileId: me.id, file: exchangePath({ profileId: me.id, name: out.name }), outcome: 'sent', detail: `${out.kind} written` });
    result.sent += 1;
  }
  return result;
}

// ---- Reading other profiles' outboxes ------------------------------------------------------------

export interface ExchangeReceipt {
  outcome: Exclude<ExchangeOutcome, 'sent'>;
  detail: string;
  signer?: ExchangeLogRow['signer'];
  subject?: string;
  /** What a held file waits for. */
  waitsFor?: 'key' | 'key-change' | 'seal' | 'erasure';
}

/** Candidates the bundle carries colleagues' evidence or a decision for, on whose panel `me` has not sealed. */
async function unsealedCandidatesIn(db: AppDb, content: BundleContent, meId: string): Promise<string[]> {
  const touched = new Set([
    ...content.interviews.filter((i) => i.interviewerId !== meId).map((i) => i.candidateId),
    ...content.decisions.map((d) => d.candidateId),
  ]);
  if (touched.size === 0) return [];
  const local = await db.interviews.where('candidateId').anyOf([...touched]).toArray();
  const unsealed = audienceUnsealedCandidates([...local, ...content.interviews], meId);
  return [...touched].filter((id) => unsealed.has(id)).map((id) => content.candidates.find((c) => c.id === id)?.name ?? 'a candidate');
}

/**
 * What to do with one file's text: parse and check it, then import it, hold it, or refuse it.
 * Nothing is written for a file that is refused or held. `isErasureConfirmed` when a person
 * confirmed the erasures it carries.
 */
export async function exchangeReceiveText(
  db: AppDb,
  text: string,
  entry: { profileId: string; name: string },
  me: Interviewer,
  options: { now: number; packs?: readonly BundlePackDimensions[]; isErasureConfirmed?: boolean },
): Promise<ExchangeReceipt> {
  const parsed = bundleParse(text, { maxTextLength: EXCHANGE_FILE_MAX_BYTES }, { packs: options.packs });
  if (!parsed.ok) return { outcome: 'rejected', detail: parsed.reason.message };
  const bundle = parsed.value;
  const check = bundle.signature ? bundleSignatureVerify(bundle) : null;
  const trust = check?.ok ? keyTrustDecide(await db.keyPins.toArray(), check.signer) : null;
  const signer = check?.ok ? check.signer : undefined;
  const verdict = exchangeVerdict({
    outboxProfileId: entry.profileId,
    signature: check,
    trust,
    unsealedCandidates: check?.ok && trust?.kind === 'known' ? await unsealedCandidatesIn(db, bundle.content, me.id) : [],
  });
  if (verdict.action === 'reject') return { outcome: 'rejected', detail: verdict.reason, signer };
  if (verdict.action === 'hold') return { outcome: 'held', detail: verdict.reason, signer, waitsFor: verdict.waitsFor };
  const incoming = bundle.manifest.tombstones ?? [];
  const subject = incoming.length === 1 ? `tombstone:${incoming[0]!.candidateHash}` : undefined;
  const erases = (await lastingImportPreview(db, emptyContent(), incoming)).erases;
  if (erases.length > 0 && !options.isErasureConfirmed) {
    const names = erases.map((e) => e.name).join(', ');
    return { outcome: 'held', waitsFor: 'erasure', signer, subject, detail: `erasure from ${signer!.name}: erases ${names} here once you confirm` };
  }
  return db.transaction('rw', db.tables, async () => {
    await plannedCopiesSupersede(db, bundle.content, bundle.signature!.signer.interviewerId);
    return exchangeImport(db, bundle, entry, me, { ...options, signer, subject, incoming });
  });
}

/**
 * The plan of a loop, copied here before anyone interviewed, holds each interview as `planned`
 * with nothing recorded. When that interview arrives sealed and signed by its own interviewer, the
 * empty planned copy gives way to it (any other difference stays a conflict for a person).
 * Runs inside the import's transaction.
 */
async function plannedCopiesSupersede(db: AppDb, content: BundleContent, signerInterviewerId: string | null): Promise<void> {
  for (const incoming of content.interviews) {
    if (incoming.interviewerId !== signerInterviewerId || (incoming.status !== 'submitted' && incoming.status !== 'amended')) continue;
    const here = await db.interviews.get(incoming.id);
    if (here?.status !== 'planned') continue;
    const { ratings, notes } = await evidenceOf(db, incoming.id);
    const recorded = ratings.length + notes.length;
    if (recorded === 0) await db.interviews.delete(incoming.id);
  }
}

async function exchangeImport(
  db: AppDb,
  bundle: Bundle,
  entry: { profileId: string; name: string },
  me: Interviewer,
  options: { now: number; signer?: ExchangeLogRow['signer']; subject?: string; incoming: readonly Tombstone[] },
): Promise<ExchangeReceipt> {
  const { signer, subject, incoming } = options;
  const preview = await lastingImportPreview(db, bundle.content, incoming);
  const known = new Set((await db.tombstones.bulkGet(incoming.map((t) => t.candidateHash))).filter(Boolean).map((t) => t!.candidateHash));
  // Nothing new, unless it differs from what is here: a conflict waits for a person either way.
  if (preview.plan.summary.isNothingToAdd && preview.plan.conflicts.length === 0 && incoming.every((t) => known.has(t.candidateHash)))
    return { outcome: 'skipped', detail: 'already here', signer, subject };
  const done = await lastingImport(db, bundle.content, {
    actor: me.name,
    now: options.now,
    source: `exchange folder: ${exchangePath(entry)}`,
    tombstones: incoming,
  });
  const erased = done.erases.length > 0 ? `; erased ${done.erases.map((e) => e.name).join(', ')}` : '';
  if (done.plan.conflicts.length > 0)
    return {
      outcome: 'conflict',
      signer,
      subject,
      detail: `${done.plan.summary.isNothingToAdd ? '' : 'imported the rest; '}kept as here until you decide: ${done.plan.conflicts.slice(0, 3).map((c) => c.reason).join('; ')}${erased}`,
    };
  return { outcome: 'received', signer, subject, detail: `${done.plan.summary.isNothingToAdd ? 'erasure kept' : done.plan.summary.text}${erased}` };
}

/** Reads one listed file and takes it up (see `exchangeReceiveText`). */
async function exchangeReceiveEntry(
  db: AppDb,
  folder: ExchangeFolder,
  entry: ExchangeListing,
  me: Interviewer,
  options: { now: number; packs?: readonly BundlePackDimensions[]; isErasureConfirmed?: boolean },
): Promise<ExchangeReceipt> {
  let read;
  try {
    read = await exchangeFolderRead(folder, entry, EXCHANGE_FILE_MAX_BYTES);
  } catch (error) {
    return { outcome: 'rejected', detail: `could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!read.ok) return { outcome: 'rejected', detail: read.message };
  return exchangeReceiveText(db, read.text, entry, me, options);
}

/**
 * What lifts a hold, in one string: the pinned keys (a key trusted or accepted) and this profile's
 * sealed interviews (a seal). A held file is read again only when it changed.
 */
export async function exchangeGeneration(db: AppDb, profileId: string): Promise<string> {
  const pins = await db.keyPins.toArray();
  const sealed = await db.interviews.where('interviewerId').equals(profileId).filter((i) => i.status === 'submitted' || i.status === 'amended').count();
  return `${pins.map((p) => `${p.profileId}:${p.publicKey.slice(0, 8)}`).sort().join(',')}|${sealed}`;
}

export interface ExchangeReceiveResult {
  outcomes: ExchangeOutcome[];
}

/**
 * Takes up every new file in other profiles' outboxes, oldest first, yielding to the page between
 * files so a thousand of them never freeze it. `isCancelled` stops between files.
 */
export async function exchangeReceive(
  db: AppDb,
  folder: ExchangeFolder,
  me: Interviewer,
  options: { now: () => number; packs?: readonly BundlePackDimensions[]; isCancelled?: () => boolean; listing?: ExchangeListing[] },
): Promise<ExchangeReceiveResult> {
  const listing = options.listing ?? (await exchangeFolderList(folder));
  const seen = await exchangeSeen(db, me.id);
  const generation = await exchangeGeneration(db, me.id);
  const toRead = exchangeFilesToRead(listing, me.id, seen as ExchangeSeen, generation);
  const outcomes: ExchangeOutcome[] = [];
  // Log lines of files that changed nothing here are written in batches (one durable write per
  // batch, not per file); an import flushes at once, so its line and its records land together.
  let pending: ExchangeLogRow[] = [];
  let flushedAt = options.now();
  const flush = async () => {
    if (pending.length > 0) await db.exchangeLog.bulkAdd(pending);
    pending = [];
    flushedAt = options.now();
  };
  try {
    for (const entry of toRead) {
      if (options.isCancelled?.()) break;
      const at = options.now();
      const receipt = await exchangeReceiveEntry(db, folder, entry, me, { now: at, packs: options.packs });
      exchangeLogQueue(seen, pending, { at, profileId: me.id, file: exchangePath(entry), stamp: exchangeStamp(entry), ...receipt, ...(receipt.outcome === 'held' ? { generation } : {}) });
      outcomes.push(receipt.outcome);
      if (receipt.outcome === 'received' || receipt.outcome === 'conflict' || pending.length >= 100 || at - flushedAt > 1_000) await flush();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    await flush();
  }
  return { outcomes };
}

/** A person confirmed the erasure a held file carries: take it up now, erasing as it asks. */
export async function exchangeErasureConfirm(
  db: AppDb,
  folder: ExchangeFolder,
  file: string,
  me: Interviewer,
  options: { now: number; packs?: readonly BundlePackDimensions[] },
): Promise<ExchangeReceipt> {
  const [profileId, name] = file.split('/') as [string, string];
  const entry = (await exchangeFolderList(folder)).find((e) => e.profileId === profileId && e.name === name);
  if (!entry) throw new Error(`${file} is no longer in the folder`);
  const receipt = await exchangeReceiveEntry(db, folder, entry, me, { ...options, isErasureConfirmed: true });
  const seen = await exchangeSeen(db, me.id);
  await exchangeLogWrite(db, seen, { at: options.now, profileId: me.id, file, stamp: exchangeStamp(entry), ...receipt, detail: `${receipt.detail} (confirmed by ${me.name})` });
  return receipt;
}

/** One round: write what is owed, then take up what is new. */
export async function exchangeRound(
  db: AppDb,
  folder: ExchangeFolder,
  me: Interviewer,
  options: { now: () => number; packs?: readonly BundlePackDimensions[]; isCancelled?: () => boolean },
): Promise<{ send: ExchangeSendResult; receive: ExchangeReceiveResult }> {
  const send = await exchangeSend(db, folder, me, options.now());
  const receive = await exchangeReceive(db, folder, me, options);
  return { send, receive };
}
