/**
 * Whole-database operations: export a scope as a bundle, back up and restore, verify the audit
 * chain, erase a candidate, purge loops past the retention period. Destructive operations run in
 * one transaction and leave a (pseudonymous) audit entry.
 */
import { auditChainVerify, auditPseudonym } from '../../../core/audit/auditChain';
import { audienceBundleContent } from '../../../core/audience/audienceBundle';
import { poolStatsDrop } from '../poolStats';
import {
  tombstoneContentFilter,
  tombstoneCreate,
  tombstoneFor,
  type Tombstone,
  type TombstoneSkip,
} from '../../../core/audience/tombstone';
import { evidenceSealAuditBreak } from '../../../core/audit/evidenceSeal';
import type { AuditEntry } from '../../../core/audit/auditSchema';
import { bundleCreate, type Bundle } from '../../../core/bundle';
import { bundleContentForScope } from '../../../core/bundle/bundleScope';
import type { BundleContent, BundleScope } from '../../../core/bundle/bundleSchema';
import type { BundleImportPlan } from '../../../core/bundle/bundleImportPlan';
import type { AppDb } from '../appDb';
import { evidenceRecordsInKeyOrder, evidenceRowsOf } from '../evidenceRows';
import { interviewVersionsFilledFrom, sealedRowsIndexOf } from '../sealedVersions';
import { sealsVerify } from './sealActions';
import { auditWrite } from './auditActions';
import { bundleContentImport, bundleImportPreview } from './importActions';
import type { WriteProgress } from './writeProgress';
import { backupFileName } from '../../../shared/backupFileName';
import { retentionDays, retentionSettingKey } from '../retentionSetting';

export { retentionDays, retentionSettingKey } from '../retentionSetting';

/** Every table as bundle content (the audit log as entries). */
export async function databaseDump(db: AppDb): Promise<BundleContent> {
  return db.transaction(
    'r',
    [
      db.candidates,
      db.interviewers,
      db.loops,
      db.interviews,
      db.evidence,
      db.decisions,
      db.interviewVersions,
      db.incidentRuns,
      db.audit,
    ],
    async () => {
      const candidates = await db.candidates.toArray();
      const interviewers = await db.interviewers.toArray();
      const loops = await db.loops.toArray();
      const interviews = await db.interviews.toArray();
      const evidenceRows = await db.evidence.toArray();
      const { ratings, notes, signalTags, defectFindings } = evidenceRecordsInKeyOrder(evidenceRows);
      const incidentRuns = await db.incidentRuns.toArray();
      // Current sealed versions are stored by hash: their snapshots come back from the rows.
      const interviewVersions = interviewVersionsFilledFrom(
        await db.interviewVersions.toArray(),
        sealedRowsIndexOf(interviews, evidenceRows, incidentRuns),
      );
      return {
        candidates,
        interviewers,
        loops,
        interviews,
        ratings,
        notes,
        signalTags,
        defectFindings,
        decisions: await db.decisions.toArray(),
        interviewVersions,
        incidentRuns,
        audit: (await db.audit.orderBy('seq').toArray()) as AuditEntry[],
      };
    },
  );
}

/**
 * A bundle of one scope. Only sealed interviews travel in scoped bundles (drafts stay on the
 * machine where they are being written); a full backup carries everything.
 */
export async function bundleExportBuild(
  db: AppDb,
  scope: BundleScope,
  meta: { appVersion: string; createdBy: string; now: number },
): Promise<Bundle> {
  const all = await databaseDump(db);
  let content = bundleContentForScope(all, scope);
  if (scope.kind !== 'all') {
    const sealed = new Set(
      content.interviews.filter((i) => i.status === 'submitted' || i.status === 'amended').map((i) => i.id),
    );
    const own = <T extends { interviewId: string }>(rows: T[]) => rows.filter((r) => sealed.has(r.interviewId));
    content = {
      ...content,
      interviews: content.interviews.filter((i) => sealed.has(i.id)),
      ratings: own(content.ratings),
      notes: own(content.notes),
      signalTags: own(content.signalTags),
      defectFindings: own(content.defectFindings),
      interviewVersions: own(content.interviewVersions),
      incidentRuns: own(content.incidentRuns),
    };
  }
  // Every erasure travels in every bundle: tombstones hold no name, and an erasure made here must
  // reach each machine the data went to.
  const tombstones = await db.tombstones.toArray();
  return bundleCreate({
    content,
    appVersion: meta.appVersion,
    createdAt: meta.now,
    createdBy: meta.createdBy,
    scope,
    tombstones,
  });
}

export type BundleExportResult =
  | { ok: true; bundle: Bundle; withheld: { candidates: number; interviews: number } }
  | { ok: false; reason: string };

/**
 * A bundle of one scope as the person exporting may carry it out (the audience policy): a panelist
 * who has not sealed their own interview of a candidate gets none of their colleagues' evidence
 * for that candidate, and an export of everything is refused for them with the reason.
 */
export async function bundleExportForViewer(
  db: AppDb,
  scope: BundleScope,
  meta: { appVersion: string; createdBy: string; now: number; viewerId: string | null },
): Promise<BundleExportResult> {
  const bundle = await bundleExportBuild(db, scope, meta);
  const allInterviews = await db.interviews.toArray();
  const allowed = audienceBundleContent(bundle.content, scope, meta.viewerId, allInterviews);
  if (!allowed.ok) return allowed;
  if (allowed.withheld.interviews === 0) return { ok: true, bundle, withheld: allowed.withheld };
  return {
    ok: true,
    bundle: bundleCreate({
      content: allowed.content,
      appVersion: meta.appVersion,
      createdAt: meta.now,
      createdBy: meta.createdBy,
      scope,
      tombstones: bundle.manifest.tombstones ?? [],
    }),
    withheld: allowed.withheld,
  };
}

export type AuditVerification = ReturnType<typeof auditChainVerify>;

/** The audit chain, then every seal against the live evidence it covers. */
export async function auditVerify(db: AppDb): Promise<AuditVerification> {
  const entries = (await db.audit.orderBy('seq').toArray()) as AuditEntry[];
  const chain = auditChainVerify(entries);
  if (!chain.ok) return chain;
  const broken = await sealsVerify(db);
  return broken ? evidenceSealAuditBreak(entries, broken) : chain;
}

const auditSaltKey = 'auditSalt';

/** A per-installation secret so erased candidates' pseudonyms cannot be recomputed elsewhere. */
async function auditSalt(db: AppDb): Promise<string> {
  const row = await db.settings.get(auditSaltKey);
  if (typeof row?.value === 'string') return row.value;
  const salt = crypto.randomUUID();
  await db.settings.put({ key: auditSaltKey, value: salt });
  return salt;
}

export interface ErasureCounts {
  loops: number;
  interviews: number;
  ratings: number;
  notes: number;
  decisions: number;
}

/** What erasing a candidate removes, for the confirmation that names it. */
export async function candidateErasurePreview(db: AppDb, candidateId: string): Promise<ErasureCounts> {
  const loops = await db.loops.where('candidateId').equals(candidateId).toArray();
  const interviews = await db.interviews.where('candidateId').equals(candidateId).primaryKeys();
  const evidence = await evidenceRowsOf(db, interviews);
  return {
    loops: loops.length,
    interviews: interviews.length,
    ratings: evidence.reduce((n, row) => n + row.ratings.length, 0),
    notes: evidence.reduce((n, row) => n + row.notes.length, 0),
    decisions: await db.decisions.where('candidateId').equals(candidateId).count(),
  };
}

async function interviewsDelete(db: AppDb, interviewIds: string[]): Promise<void> {
  await db.evidence.bulkDelete(interviewIds);
  await db.interviewVersions.where('interviewId').anyOf(interviewIds).delete();
  await db.incidentRuns.where('interviewId').anyOf(interviewIds).delete();
  await db.interviews.bulkDelete(interviewIds);
}

/** Cached results derived from candidates' ratings (pool calibrations): erased with them. */
async function derivedCachesDelete(db: AppDb): Promise<void> {
  // Pool statistics drew on the erased evidence: drop them (they are recomputed from what is left).
  await db.settings.where('key').startsWith('poolCalibration:').delete();
  await poolStatsDrop(db);
}

const evidenceTables = (db: AppDb) => [
  db.candidates,
  db.loops,
  db.interviews,
  db.evidence,
  db.interviewVersions,
  db.incidentRuns,
  db.decisions,
  db.audit,
  db.settings,
  db.tombstones,
];

/** 32 random hex digits: each tombstone's own salt. */
function tombstoneSalt(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps a tombstone for a candidate about to be removed; returns it for the audit entry. */
async function tombstoneWrite(db: AppDb, candidateId: string, now: number, reason: Tombstone['reason']): Promise<Tombstone> {
  const candidate = await db.candidates.get(candidateId);
  const tombstone = tombstoneCreate({ id: candidateId, email: candidate?.email ?? '' }, tombstoneSalt(), now, reason);
  await db.tombstones.put(tombstone);
  return tombstone;
}

/** What the audit log keeps of a tombstone: the hashes and the day (no salt, no name). */
const tombstoneAudit = (t: Tombstone) => ({ tombstone: { candidateHash: t.candidateHash, emailHash: t.emailHash, erasedOn: t.erasedOn } });

/** Deletes a candidate and every record of theirs; runs inside the caller's transaction. */
async function candidateRecordsDelete(db: AppDb, candidateId: string): Promise<ErasureCounts> {
  const counts = await candidateErasurePreview(db, candidateId);
  const interviewIds = (await db.interviews.where('candidateId').equals(candidateId).primaryKeys()) as string[];
  await interviewsDelete(db, interviewIds);
  await db.decisions.where('candidateId').equals(candidateId).delete();
  await db.loops.where('candidateId').equals(candidateId).delete();
  await db.candidates.delete(candidateId);
  return counts;
}

/**
 * Erases a candidate and everything derived from them in one transaction. The audit log keeps a
 * pseudonymous event only (no name, no contact, no notes), so the erasure itself is on record.
 */
export async function candidateErase(
  db: AppDb,
  candidateId: string,
  actor: string,
  now: number,
): Promise<ErasureCounts> {
  return db.transaction('rw', evidenceTables(db), async () => {
    const tombstone = await tombstoneWrite(db, candidateId, now, 'erased');
    const counts = await candidateRecordsDelete(db, candidateId);
    await derivedCachesDelete(db);
    await auditWrite(db, {
      at: now,
      actor,
      action: 'candidate.erased',
      subject: auditPseudonym(candidateId, await auditSalt(db)),
      details: { loops: counts.loops, interviews: counts.interviews, ...tombstoneAudit(tombstone) },
    });
    return counts;
  });
}

export async function retentionSet(db: AppDb, days: number | null): Promise<void> {
  if (days === null) await db.settings.delete(retentionSettingKey);
  else await db.settings.put({ key: retentionSettingKey, value: Math.max(1, Math.round(days)) });
}

/** Closed loops past the retention period, with their candidates' names, for the confirmation. */
export async function retentionPreview(
  db: AppDb,
  now: number,
): Promise<Array<{ loopId: string; candidateName: string; closedAt: number }>> {
  const days = await retentionDays(db);
  if (days === null) return [];
  const cutoff = now - days * 86_400_000;
  const expired = (await db.loops.where('status').equals('closed').toArray()).filter(
    (l) => l.closedAt !== null && l.closedAt < cutoff,
  );
  const candidates = await db.candidates.bulkGet(expired.map((l) => l.candidateId));
  return expired.map((l, i) => ({
    loopId: l.id,
    candidateName: candidates[i]?.name ?? 'erased candidate',
    closedAt: l.closedAt!,
  }));
}

/**
 * Purges closed loops whose closing is older than the retention period: the loop, its
 * interviews and evidence and decisions, and the candidate when no other loop remains. Each purge
 * is audited. Returns how many loops were purged.
 */
/** The notice after a purge, naming the candidates whose loops went: "Purged 2 closed loops: Ada, Bea." */
export function retentionPurgedText(count: number, candidateNames: readonly string[]): string {
  const names = [...new Set(candidateNames)];
  return `Purged ${count} closed loop${count === 1 ? '' : 's'}${names.length > 0 ? `: ${names.join(', ')}` : ''}.`;
}

export async function retentionPurge(db: AppDb, actor: string, now: number): Promise<number> {
  const days = await retentionDays(db);
  if (days === null) return 0;
  const cutoff = now - days * 86_400_000;
  return db.transaction('rw', evidenceTables(db), async () => {
    const expired = (await db.loops.where('status').equals('closed').toArray()).filter(
      (l) => l.closedAt !== null && l.closedAt < cutoff,
    );
    for (const loop of expired) {
      const interviewIds = (await db.interviews.where('loopId').equals(loop.id).primaryKeys()) as string[];
      await interviewsDelete(db, interviewIds);
      await db.decisions.where('loopId').equals(loop.id).delete();
      await db.loops.delete(loop.id);
      const remaining = await db.loops.where('candidateId').equals(loop.candidateId).count();
      // The candidate goes with their last loop, and a backup made before must not bring them back.
      const tombstone = remaining === 0 ? await tombstoneWrite(db, loop.candidateId, now, 'purged') : null;
      if (remaining === 0) await db.candidates.delete(loop.candidateId);
      await auditWrite(db, {
        at: now,
        actor,
        action: 'loop.purged',
        subject: loop.id,
        details: {
          retentionDays: days,
          closedAt: loop.closedAt,
          interviews: interviewIds.length,
          candidateRemoved: remaining === 0,
          ...(tombstone ? tombstoneAudit(tombstone) : {}),
        },
      });
    }
    return expired.length;
  });
}

/** Every table: restore and import run in one read-write transaction over all of them. */
const allTables = (db: AppDb) => db.tables;

/** The steps of a restore or import, named so a test can make each one fail. */
export type ExchangeStep = 'tombstones-read' | 'audit-restored' | 'imported' | 'audited';
export type ExchangeFault = (step: ExchangeStep) => void;

/**
 * What an import or restore did, or would do: the plan, the erased candidates it skipped, and the
 * candidates here that erasures carried by the bundle erase (named only on this machine).
 */
export interface LastingImport {
  plan: BundleImportPlan;
  skip: TombstoneSkip;
  erases: Array<{ candidateId: string; name: string; erasedOn: string }>;
}

/** `content` without the records of candidates erased or purged here. */
async function contentWithoutTombstoned(db: AppDb, content: BundleContent) {
  return tombstoneContentFilter(content, await db.tombstones.toArray());
}

/** Candidates here that tombstones carried by a bundle cover. */
async function candidatesErasedBy(db: AppDb, incoming: readonly Tombstone[]): Promise<LastingImport['erases']> {
  if (incoming.length === 0) return [];
  const erases: LastingImport['erases'] = [];
  for (const candidate of await db.candidates.toArray()) {
    const tombstone = tombstoneFor(candidate.id, incoming);
    if (tombstone) erases.push({ candidateId: candidate.id, name: candidate.name, erasedOn: tombstone.erasedOn });
  }
  return erases;
}

/**
 * Keeps the tombstones a bundle carries (so the candidates never come back here either) and erases
 * the candidates they cover, each audited as an erasure received from another machine. Runs inside
 * the caller's transaction.
 */
async function tombstonesReceive(db: AppDb, incoming: readonly Tombstone[], actor: string, now: number): Promise<number> {
  const erases = await candidatesErasedBy(db, incoming);
  const known = new Set((await db.tombstones.toArray()).map((t) => t.candidateHash));
  for (const tombstone of incoming) if (!known.has(tombstone.candidateHash)) await db.tombstones.put(tombstone);
  for (const { candidateId } of erases) {
    const counts = await candidateRecordsDelete(db, candidateId);
    await auditWrite(db, {
      at: now,
      actor,
      action: 'candidate.erased',
      subject: auditPseudonym(candidateId, await auditSalt(db)),
      details: { loops: counts.loops, interviews: counts.interviews, receivedFromBundle: true, ...tombstoneAudit(tombstoneFor(candidateId, incoming)!) },
    });
  }
  if (erases.length > 0) await derivedCachesDelete(db);
  return erases.length;
}

/** What importing or restoring `content` would do, erased candidates skipped. Writes nothing. */
export async function lastingImportPreview(
  db: AppDb,
  content: BundleContent,
  incomingTombstones: readonly Tombstone[] = [],
): Promise<LastingImport> {
  const erases = await candidatesErasedBy(db, incomingTombstones);
  const { content: kept, skip } = tombstoneContentFilter(content, [...(await db.tombstones.toArray()), ...incomingTombstones]);
  return { plan: await bundleImportPreview(db, kept), skip, erases };
}

/**
 * Imports a validated bundle's content, skipping every record of a candidate erased or purged
 * here. One read-write transaction over every table: it all happens, or nothing does — Cancel
 * (`progress.signal`) included, which aborts it between chunks.
 */
export async function lastingImport(
  db: AppDb,
  content: BundleContent,
  meta: { actor: string; now: number; source: string; auditHead?: string | null; tombstones?: readonly Tombstone[] },
  fault: ExchangeFault = () => {},
  progress?: WriteProgress,
): Promise<LastingImport> {
  return db.transaction('rw', allTables(db), async () => {
    const erases = await candidatesErasedBy(db, meta.tombstones ?? []);
    await tombstonesReceive(db, meta.tombstones ?? [], meta.actor, meta.now);
    const { content: kept, skip } = await contentWithoutTombstoned(db, content);
    fault('tombstones-read');
    const plan = await bundleContentImport(db, kept, meta, progress);
    fault('imported');
    fault('audited');
    return { plan, skip, erases };
  });
}

/**
 * Restores a backup (a validated full bundle). Into an empty database the backup's audit log is
 * restored as it was and continued; otherwise records are merged like an import (nothing here is
 * overwritten) and the local log records the restore. Candidates erased or purged here stay gone.
 * One read-write transaction over every table: a failure at any step, or Cancel, leaves the
 * database as it was.
 */
export async function backupRestore(
  db: AppDb,
  bundle: Bundle,
  actor: string,
  now: number,
  fault: ExchangeFault = () => {},
  progress?: WriteProgress,
): Promise<LastingImport> {
  return db.transaction('rw', allTables(db), async () => {
    const incoming = bundle.manifest.tombstones ?? [];
    const erases = await candidatesErasedBy(db, incoming);
    await tombstonesReceive(db, incoming, actor, now);
    const { content, skip } = await contentWithoutTombstoned(db, bundle.content);
    fault('tombstones-read');
    const isEmpty = (await db.audit.count()) === 0 && (await db.candidates.count()) === 0;
    if (isEmpty && content.audit.length > 0) await db.audit.bulkAdd(content.audit);
    fault('audit-restored');
    const head = content.audit.at(-1)?.hash ?? null;
    const plan = await bundleContentImport(db, content, { actor, now, source: 'backup', auditHead: head }, progress);
    fault('imported');
    await auditWrite(db, {
      at: now,
      actor,
      action: 'backup.restored',
      subject: 'backup',
      details: {
        added: plan.summary.added,
        createdAt: bundle.manifest.createdAt,
        ...(skip.skipped.length > 0 ? { erasedSkipped: skip.skipped.length } : {}),
      },
    });
    fault('audited');
    return { plan, skip, erases };
  });
}

/** True when today's backup exists and nothing was written to the audit log since it. */
export async function backupFreshEnough(
  db: AppDb,
  backups: Array<{ name: string; createdAt: number }>,
  now: number,
): Promise<boolean> {
  const today = backupFileName(now);
  const latest = backups.find((b) => b.name === today);
  if (!latest) return false;
  const lastEvent = await db.audit.orderBy('seq').last();
  return !lastEvent || lastEvent.at <= latest.createdAt;
}
