/**
 * Conflicts from the exchange folder, decided by a person (docs/exchange.md): the file is read
 * again and checked in full (signature, the key pinned here: a changed key stays refused until a
 * person accepts it), both versions are shown side by side, and the person keeps what is here or
 * takes the file's version. Either choice is audited (`conflict.kept`, `conflict.taken`) and logged
 * as `resolved`, so the file is not read again.
 *
 * Taking theirs replaces an interview whole (its row, evidence and sealed versions) and only with
 * a version signed by that interview's own interviewer; this profile's own sealed interviews change
 * only by its own amendment. The audit entry keeps the seals that were replaced.
 */
import { bundleParse, type Bundle } from '../../../core/bundle';
import type { BundlePackDimensions } from '../../../core/bundle/bundleDimensions';
import type { BundleContent, BundleTable } from '../../../core/bundle/bundleSchema';
import { exchangeStamp } from '../../../core/exchange/exchangeFolder';
import {
  exchangeConflictInterviewFields,
  exchangeConflictRecordFields,
  exchangeConflictSubjects,
  exchangeInterviewSideOf,
  type ExchangeConflictField,
  type ExchangeInterviewSide,
} from '../../../core/exchange/exchangeConflict';
import { EXCHANGE_FILE_MAX_BYTES } from '../../../core/limits/inputLimits';
import type { Interviewer } from '../../../core/model/records';
import { bundleSignatureVerify, keyFingerprint, type BundleSigner } from '../../../core/signing/bundleSignature';
import { keyTrustDecide, keyTrustText } from '../../../core/signing/keyTrust';
import { tombstoneContentFilter } from '../../../core/audience/tombstone';
import { exchangeFolderList, exchangeFolderRead, type ExchangeFolder } from '../../platform/exchangeFolderAccess';
import type { AppDb } from '../appDb';
import { evidenceOf, evidenceRowsFrom } from '../evidenceRows';
import { interviewVersionsFilled } from '../sealedVersions';
import { auditWrite } from './auditActions';
import { lastingImport, lastingImportPreview } from './dataActions';
import { exchangeLogWrite, exchangeSeen } from './exchangeActions';

/** Who made one side, and when (null when not known). */
export interface ExchangeConflictSide {
  by: string;
  at: number | null;
}

/** One thing to decide: an interview whole, or one other record. */
export interface ExchangeConflictItem {
  table: BundleTable;
  id: string;
  /** "Interview of Ada by Linus (iac-review)", "Candidate Ada". */
  label: string;
  fields: ExchangeConflictField[];
  mine: ExchangeConflictSide;
  theirs: ExchangeConflictSide;
  /** Why the file's version may not replace the one here, or null. */
  refusal: string | null;
}

export type ExchangeConflictView =
  | {
      ok: true;
      file: string;
      signer: BundleSigner;
      fingerprint: string;
      /** "Signed by Linus (known key …, confirmed)." */
      trustText: string;
      /** When the file's bundle was made. */
      createdAt: number;
      items: ExchangeConflictItem[];
    }
  | { ok: false; reason: string };

interface Loaded {
  view: Extract<ExchangeConflictView, { ok: true }>;
  bundle: Bundle;
  stamp: string;
  mineSides: Map<string, ExchangeInterviewSide>;
}

async function interviewSideHere(db: AppDb, id: string): Promise<ExchangeInterviewSide | undefined> {
  const interview = await db.interviews.get(id);
  if (!interview) return undefined;
  const { ratings, notes, signalTags, defectFindings } = await evidenceOf(db, id);
  return {
    interview,
    ratings,
    notes,
    signalTags,
    defectFindings,
    interviewVersions: await interviewVersionsFilled(db, await db.interviewVersions.where('interviewId').equals(id).toArray()),
    incidentRuns: await db.incidentRuns.where('interviewId').equals(id).toArray(),
  };
}

/** Replaces everything stored of an interview with `side` (inside the caller's transaction). */
async function interviewSideWrite(db: AppDb, side: ExchangeInterviewSide): Promise<void> {
  const id = side.interview.id;
  await db.evidence.delete(id);
  await db.interviewVersions.where('interviewId').equals(id).delete();
  await db.incidentRuns.where('interviewId').equals(id).delete();
  await db.interviews.put(side.interview);
  const evidence = evidenceRowsFrom(side).get(id);
  if (evidence) await db.evidence.put(evidence);
  // Their versions keep their snapshots as the file holds them (a stored snapshot is always read first).
  await db.interviewVersions.bulkAdd(side.interviewVersions);
  await db.incidentRuns.bulkAdd(side.incidentRuns);
}

function latestSeal(side: ExchangeInterviewSide | undefined): { at: number | null; sha: string | null } {
  const latest = side ? [...side.interviewVersions].sort((a, b) => b.version - a.version)[0] : undefined;
  return { at: latest?.sealedAt ?? null, sha: latest?.evidenceSha256 ?? null };
}

/** How the version here arrived: the file it was received through, when the log knows it. */
async function mineProvenance(db: AppDb, meId: string, id: string, fallback: string): Promise<string> {
  const pattern = new RegExp(`-${id}-\\d+\\.loopdesk$`);
  const rows = (await db.exchangeLog.toArray()).filter((r) => r.profileId === meId && pattern.test(r.file) && r.signer && (r.outcome === 'received' || r.outcome === 'resolved'));
  const last = rows.at(-1);
  return last?.signer ? `received from ${last.signer.name} (${last.file})` : fallback;
}

const recordAt = (record: Record<string, unknown> | undefined): number | null => {
  for (const key of ['updatedAt', 'decidedAt', 'createdAt'] as const) if (typeof record?.[key] === 'number') return record[key];
  return null;
};

async function conflictLoad(
  db: AppDb,
  folder: ExchangeFolder,
  file: string,
  me: Interviewer,
  packs: readonly BundlePackDimensions[] | undefined,
): Promise<Loaded | { ok: false; reason: string }> {
  const [profileId, name] = file.split('/') as [string, string];
  const entry = (await exchangeFolderList(folder)).find((e) => e.profileId === profileId && e.name === name);
  if (!entry) return { ok: false, reason: `${file} is no longer in the folder` };
  const read = await exchangeFolderRead(folder, entry, EXCHANGE_FILE_MAX_BYTES);
  if (!read.ok) return { ok: false, reason: read.message };
  const parsed = bundleParse(read.text, { maxTextLength: EXCHANGE_FILE_MAX_BYTES }, { packs });
  if (!parsed.ok) return { ok: false, reason: parsed.reason.message };
  const bundle = parsed.value;
  const check = bundle.signature ? bundleSignatureVerify(bundle) : null;
  if (!check) return { ok: false, reason: 'not signed' };
  if (!check.ok) return { ok: false, reason: `bad signature: ${check.reason}` };
  const { signer } = check;
  if (signer.profileId !== profileId) return { ok: false, reason: `signed by ${signer.name}, but found in another profile's outbox` };
  const trust = keyTrustDecide(await db.keyPins.toArray(), signer);
  if (trust.kind !== 'known') return { ok: false, reason: keyTrustText(trust, signer.name) };

  const incoming = bundle.manifest.tombstones ?? [];
  const { plan } = await lastingImportPreview(db, bundle.content, incoming);
  const items: ExchangeConflictItem[] = [];
  const mineSides = new Map<string, ExchangeInterviewSide>();
  for (const subject of exchangeConflictSubjects(plan.conflicts, bundle.content)) {
    if (subject.table === 'interviews') {
      const mine = await interviewSideHere(db, subject.id);
      const theirs = exchangeInterviewSideOf(bundle.content, subject.id);
      if (!mine || !theirs) continue;
      mineSides.set(subject.id, mine);
      const interviewer = (await db.interviewers.get(mine.interview.interviewerId))?.name ?? 'its interviewer';
      const candidate = (await db.candidates.get(mine.interview.candidateId))?.name ?? 'a candidate';
      const refusal =
        mine.interview.interviewerId === me.id
          ? 'this is your own sealed interview: it changes only by your own amendment'
          : signer.interviewerId !== mine.interview.interviewerId
            ? `only ${interviewer}'s own signed version may replace their sealed scorecard; this file is signed by ${signer.name}`
            : null;
      items.push({
        table: 'interviews',
        id: subject.id,
        label: `Interview of ${candidate} by ${interviewer} (${mine.interview.kitId})`,
        fields: exchangeConflictInterviewFields(mine, theirs),
        mine: { by: await mineProvenance(db, me.id, subject.id, `sealed by ${interviewer} on this machine`), at: latestSeal(mine).at },
        theirs: { by: `signed by ${signer.name}`, at: latestSeal(theirs).at ?? bundle.manifest.createdAt },
        refusal,
      });
      continue;
    }
    const records = bundle.content[subject.table] as unknown as Array<Record<string, unknown>>;
    const theirs = records.find((r) => r['id'] === subject.id);
    const mine = (await db.table(subject.table).get(subject.id)) as Record<string, unknown> | undefined;
    if (!theirs || !mine) continue;
    const noun = subject.table.replace(/s$/, '');
    const title = typeof mine['name'] === 'string' ? mine['name'] : subject.id.slice(0, 8);
    items.push({
      table: subject.table,
      id: subject.id,
      label: `${noun[0]!.toUpperCase()}${noun.slice(1)} ${title}`,
      fields: exchangeConflictRecordFields(mine, theirs),
      mine: { by: await mineProvenance(db, me.id, subject.id, 'as recorded on this machine'), at: recordAt(mine) },
      theirs: { by: `signed by ${signer.name}`, at: recordAt(theirs) ?? bundle.manifest.createdAt },
      refusal: null,
    });
  }
  return {
    view: { ok: true, file, signer, fingerprint: keyFingerprint(signer.publicKey), trustText: keyTrustText(trust, signer.name), createdAt: bundle.manifest.createdAt, items },
    bundle,
    stamp: exchangeStamp(entry),
    mineSides,
  };
}

/** Both versions of everything a file conflicts on, for a person to compare. Writes nothing. */
export async function exchangeConflictLoad(
  db: AppDb,
  folder: ExchangeFolder,
  file: string,
  me: Interviewer,
  options: { packs?: readonly BundlePackDimensions[] } = {},
): Promise<ExchangeConflictView> {
  const loaded = await conflictLoad(db, folder, file, me, options.packs);
  return 'view' in loaded ? loaded.view : loaded;
}

/**
 * Decides a file's conflicts: `mine` keeps every record here as it is; `theirs` replaces them with
 * the file's versions (interviews whole) and imports the rest of the file. Refused, with nothing
 * written, when the file's key is no longer the one pinned, or when any of its versions may not
 * replace the one here (see `ExchangeConflictItem.refusal`).
 */
export async function exchangeConflictResolve(
  db: AppDb,
  folder: ExchangeFolder,
  file: string,
  me: Interviewer,
  choice: 'mine' | 'theirs',
  options: { now: number; packs?: readonly BundlePackDimensions[] },
): Promise<void> {
  const loaded = await conflictLoad(db, folder, file, me, options.packs);
  if (!('view' in loaded)) throw new Error(`${file}: ${loaded.reason}`);
  const { view, bundle, stamp, mineSides } = loaded;
  const records = view.items.map((i) => ({ table: i.table, id: i.id }));
  const seen = await exchangeSeen(db, me.id);
  const labels = view.items.map((i) => i.label).join('; ');
  const logResolved = (detail: string) =>
    exchangeLogWrite(db, seen, { at: options.now, profileId: me.id, file, stamp, outcome: 'resolved', signer: view.signer, detail });
  if (choice === 'mine') {
    await db.transaction('rw', db.audit, db.exchangeLog, async () => {
      await auditWrite(db, { at: options.now, actor: me.name, action: 'conflict.kept', subject: file.slice(0, 200), details: { signer: view.signer.profileId, records } });
      await logResolved(`kept what is here (${labels}); decided by ${me.name}`);
    });
    return;
  }
  const refused = view.items.find((i) => i.refusal);
  if (refused) throw new Error(`${refused.label}: ${refused.refusal}`);
  const incoming = bundle.manifest.tombstones ?? [];
  await db.transaction('rw', db.tables, async () => {
    // Records of a candidate erased here never come back, whatever a person picks.
    const { content } = tombstoneContentFilter(bundle.content, [...(await db.tombstones.toArray()), ...incoming]);
    const replacedSeals: Array<{ interviewId: string; was: string | null; now: string | null }> = [];
    for (const item of view.items) {
      if (item.table === 'interviews') {
        const theirs = exchangeInterviewSideOf(content, item.id);
        if (!theirs) continue;
        await interviewSideWrite(db, theirs);
        replacedSeals.push({ interviewId: item.id, was: latestSeal(mineSides.get(item.id)).sha, now: latestSeal(theirs).sha });
        continue;
      }
      const theirs = (content[item.table as keyof BundleContent] as unknown as Array<Record<string, unknown>>).find((r) => r['id'] === item.id);
      if (theirs) await db.table(item.table).put(theirs);
    }
    // The rest of the file (records held back with the conflicting interviews) comes in as usual.
    await lastingImport(db, bundle.content, { actor: me.name, now: options.now, source: `exchange folder: ${file}`, tombstones: incoming });
    await auditWrite(db, {
      at: options.now,
      actor: me.name,
      action: 'conflict.taken',
      subject: file.slice(0, 200),
      details: { signer: view.signer.profileId, fingerprint: view.fingerprint, records, replacedSeals },
    });
    await logResolved(`took ${view.signer.name}'s version (${labels}); decided by ${me.name}`);
  });
}
