/**
 * The one IndexedDB database. Schema versions are append-only: a released `version(n)` is never
 * edited; a change adds `version(n + 1)` with its upgrade in `upgrades/`, and a test that upgrades
 * a fixture of version n (see tests/unit/db).
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import type {
  Candidate,
  Decision,
  Interview,
  Interviewer,
  Loop,
} from '../../core/model/records';
import type { IncidentRun } from '../../core/incident/runSchema';
import type { Tombstone } from '../../core/audience/tombstone';
import type { PracticeRunRow } from './rows/practiceRunRow';
import type { ExchangeLogRow, KeyPinRow, ProfileKeyRow } from './rows/signingRows';
import type { EvidenceRow } from './evidenceRows';
import type { InterviewVersionRow } from './sealedVersions';
import { upgradeToV4EvidenceRows } from './upgrades/v4EvidenceRows';
import { appDbName } from './workspace';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  subject: string;
  details?: unknown;
  prevHash: string;
  hash: string;
}

export type AppDb = Dexie & {
  candidates: EntityTable<Candidate, 'id'>;
  interviewers: EntityTable<Interviewer, 'id'>;
  loops: EntityTable<Loop, 'id'>;
  interviews: EntityTable<Interview, 'id'>;
  /** One row per interview holding its ratings, notes, signal tags and findings (`evidenceRows.ts`). */
  evidence: EntityTable<EvidenceRow, 'interviewId'>;
  incidentRuns: EntityTable<IncidentRun, 'interviewId'>;
  decisions: EntityTable<Decision, 'id'>;
  /** Sealed versions; the current one of a sealed interview without its snapshot (`sealedVersions.ts`). */
  interviewVersions: EntityTable<InterviewVersionRow, 'id'>;
  audit: EntityTable<AuditRow, 'seq'>;
  settings: EntityTable<SettingRow, 'key'>;
  tombstones: EntityTable<Tombstone, 'candidateHash'>;
  practiceRuns: EntityTable<PracticeRunRow, 'id'>;
  profileKeys: EntityTable<ProfileKeyRow, 'profileId'>;
  keyPins: EntityTable<KeyPinRow, 'profileId'>;
  exchangeLog: EntityTable<ExchangeLogRow, 'seq'>;
};

export interface AppDbVersion {
  stores: Record<string, string | null>;
  /** Data migration run when upgrading from the previous version (`upgrades/v<n><What>.ts`). */
  upgrade?: (tx: Transaction) => Promise<void>;
}

/** Store definitions per version; index 0 is version 1. Append only. */
export const appDbVersions: ReadonlyArray<AppDbVersion> = [
  {
    stores: {
      candidates: 'id, name, updatedAt, packId',
      interviewers: 'id, name',
      loops: 'id, candidateId, status, packId, createdAt',
      interviews: 'id, loopId, candidateId, interviewerId, status, [interviewerId+status], [candidateId+status]',
      ratings: '[interviewId+dimensionId], interviewId',
      notes: 'id, interviewId, [interviewId+at]',
      signalTags: 'id, interviewId, signalId',
      defectFindings: '[interviewId+defectId], interviewId',
      incidentRuns: 'interviewId, scenarioId',
      decisions: 'id, candidateId, loopId',
      interviewVersions: 'id, interviewId',
      audit: 'seq, hash, action',
      settings: 'key',
    },
  },
  {
    // Tombstones of erased and purged candidates (salted hashes and a day, no name). A new, empty
    // table: nothing to migrate.
    stores: { tombstones: 'candidateHash, erasedOn' },
  },
  {
    // Practice runs (kept apart from real evidence), this profile's signing keys, pinned keys of
    // other profiles, and the exchange folder's log. New, empty tables: nothing to migrate.
    stores: {
      practiceRuns: 'id, interviewerId, caseId, sealedAt',
      profileKeys: 'profileId',
      keyPins: 'profileId, publicKey',
      exchangeLog: '++seq, at, file',
    },
  },
  {
    // Evidence as one row per interview instead of one record per rating, note, tag and finding:
    // IndexedDB writes cost per record, and a 25,000-interview import wrote ~600,000 of them. The
    // current sealed version of an interview keeps its seal hash, not a second copy of that
    // evidence as a snapshot (superseded versions keep theirs).
    stores: {
      evidence: 'interviewId',
      ratings: null,
      notes: null,
      signalTags: null,
      defectFindings: null,
    },
    upgrade: upgradeToV4EvidenceRows,
  },
];

export interface AppDbDeps {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

export { appDbName } from './workspace';

/** Opens (lazily) the app database; tests pass fake-indexeddb through `deps`. */
export function createAppDb(name: string = appDbName, deps: AppDbDeps = {}): AppDb {
  const db = new Dexie(name, {
    ...(deps.indexedDB ? { indexedDB: deps.indexedDB } : {}),
    ...(deps.IDBKeyRange ? { IDBKeyRange: deps.IDBKeyRange } : {}),
    // Every committed write is flushed before its promise resolves: "Saved" means on disk.
    chromeTransactionDurability: 'strict',
  }) as AppDb;
  appDbVersions.forEach(({ stores, upgrade }, index) => {
    const version = db.version(index + 1).stores(stores);
    if (upgrade) version.upgrade(upgrade);
  });
  // Another connection deleting or upgrading the database closes this one for good. Dexie's own
  // handler closes with auto-open kept, so the next query of a worker still running would quietly
  // re-create a database that was just deleted (the demo workspace coming back after "Leave").
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  return db;
}

/**
 * The app database `name` for background work in a worker (statistics, committee rows,
 * analytics), which must never create one. Its opening fails when the database does not exist —
 * the demo workspace left and deleted while the work was queued — and creates nothing: the
 * upgrade that would create it is aborted, and an aborted creation leaves no database.
 */
export function createAppDbExisting(name: string, deps: AppDbDeps = {}): AppDb {
  const db = createAppDb(name, deps);
  db.on('populate', () => {
    throw new Error(`the database ${name} does not exist (left and deleted); nothing was computed`);
  });
  return db;
}

/** Current schema version number. */
export const appDbVersion = appDbVersions.length;

/** Asks the browser not to evict our data under storage pressure. */
export async function appStoragePersist(): Promise<boolean> {
  try {
    if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
      return (await navigator.storage.persisted()) || (await navigator.storage.persist());
    }
  } catch {
    // Not fatal: the data stays; it is only evictable under pressure.
  }
  return false;
}
