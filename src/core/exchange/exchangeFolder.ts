/**
 * The exchange folder's rules as pure functions (see docs/exchange.md): how outbox files are named,
 * which files a reader takes up, and what each profile owes its outbox.
 *
 * ```
 * <folder>/outbox/<profileId>/<kind>-<subjectId>-<n>.loopdesk   kind: sealed | amendment | decision | tombstone
 * <folder>/outbox/<profileId>/.<name>.partial                     being written; readers skip it
 * ```
 *
 * A file is written under its temporary dot-name and renamed when complete, so a sync tool never
 * hands over half a file; readers verify checksum and signature anyway, and read a file again only
 * when its size or modification time changes (a truncated file is refused, then retried once the
 * sync tool has finished it).
 */

export const exchangeOutboxFolder = 'outbox';
export const exchangeFileExtension = '.loopdesk';
export const exchangeKinds = ['sealed', 'amendment', 'decision', 'tombstone'] as const;
export type ExchangeKind = (typeof exchangeKinds)[number];

const idPattern = '[A-Za-z0-9_-]{1,100}';
const fileNamePattern = new RegExp(`^(${exchangeKinds.join('|')})-(${idPattern})-([1-9][0-9]{0,3})\\.loopdesk$`);
const profileIdPattern = new RegExp(`^${idPattern}$`);

/** `sealed-<interviewId>-1.loopdesk`: one file per thing that happened, never rewritten. */
export function exchangeFileName(kind: ExchangeKind, subjectId: string, n: number): string {
  return `${kind}-${subjectId}-${n}${exchangeFileExtension}`;
}

/** The temporary name a file is written under before the rename that publishes it. */
export function exchangeTempName(name: string): string {
  return `.${name}.partial`;
}

/** True for a finished outbox file a reader may take up (temporary and foreign names are skipped). */
export function exchangeIsReadableName(name: string): boolean {
  return fileNamePattern.test(name);
}

/** True for a folder name that can be a profile's outbox. */
export function exchangeIsProfileFolder(name: string): boolean {
  return profileIdPattern.test(name);
}

/** One file found in some profile's outbox. */
export interface ExchangeListing {
  profileId: string;
  name: string;
  size: number;
  lastModified: number;
}

/** Where a file is, relative to the outbox folder: its identity in the log. */
export function exchangePath(entry: { profileId: string; name: string }): string {
  return `${entry.profileId}/${entry.name}`;
}

/** What a reader remembers of a file it took up: its size and time when read. */
export function exchangeStamp(entry: { size: number; lastModified: number }): string {
  return `${entry.size}:${entry.lastModified}`;
}

/**
 * Outcomes of reading a file; `held` and `conflict` wait for a person or for this profile's seal;
 * `resolved` is a conflict a person decided (kept what is here, or took the file's version).
 */
export type ExchangeOutcome = 'sent' | 'received' | 'skipped' | 'rejected' | 'held' | 'conflict' | 'resolved';

/**
 * The last thing a reader did with each file: path → stamp and outcome, and for a held file the
 * reader's `generation` then (see `exchangeFilesToRead`).
 */
export type ExchangeSeen = ReadonlyMap<string, { stamp: string; outcome: ExchangeOutcome; generation?: string }>;

/**
 * The files of other profiles' outboxes to read now, oldest first: finished names only, never this
 * profile's own outbox, and not a file already read unchanged — except one that was held while
 * what lifts a hold (the pinned keys, this profile's seals: `generation`) has changed since.
 */
export function exchangeFilesToRead(
  listing: readonly ExchangeListing[],
  ownProfileId: string,
  seen: ExchangeSeen,
  generation = '',
): ExchangeListing[] {
  return listing
    .filter((entry) => entry.profileId !== ownProfileId && exchangeIsProfileFolder(entry.profileId))
    .filter((entry) => exchangeIsReadableName(entry.name))
    .filter((entry) => {
      const last = seen.get(exchangePath(entry));
      return !last || last.stamp !== exchangeStamp(entry) || (last.outcome === 'held' && last.generation !== generation);
    })
    .sort((a, b) => a.lastModified - b.lastModified || exchangePath(a).localeCompare(exchangePath(b)));
}

/** One file this profile owes its outbox. */
export interface ExchangeOutgoing {
  kind: ExchangeKind;
  subjectId: string;
  /** The interview version, or 1. */
  n: number;
  name: string;
  /** The candidate the file is about (for the audience policy), or null for a tombstone. */
  candidateId: string | null;
}

/** What this profile has that the folder should carry. */
export interface ExchangeOwnRecords {
  profileId: string;
  /** Sealed versions of this profile's own interviews. */
  versions: ReadonlyArray<{ interviewId: string; version: number; candidateId: string }>;
  /** Decisions this profile recorded. */
  decisions: ReadonlyArray<{ id: string; candidateId: string }>;
  /** Tombstones of erasures made here (not those received). */
  tombstones: ReadonlyArray<{ candidateHash: string }>;
}

/**
 * The files this profile owes its outbox and has not written yet (`written`: names already there
 * or logged as sent). Version 1 of an interview is its seal, later versions are amendments.
 */
export function exchangeOutgoing(own: ExchangeOwnRecords, written: ReadonlySet<string>): ExchangeOutgoing[] {
  const wanted: ExchangeOutgoing[] = [
    ...own.versions.map((v) => {
      const kind: ExchangeKind = v.version === 1 ? 'sealed' : 'amendment';
      return { kind, subjectId: v.interviewId, n: v.version, candidateId: v.candidateId };
    }),
    ...own.decisions.map((d) => ({ kind: 'decision' as const, subjectId: d.id, n: 1, candidateId: d.candidateId })),
    // A tombstone's hash is 64 hex digits; its first 32 name the file (no name, nothing reversible).
    ...own.tombstones.map((t) => ({ kind: 'tombstone' as const, subjectId: t.candidateHash.slice(0, 32), n: 1, candidateId: null })),
  ].map((out) => ({ ...out, name: exchangeFileName(out.kind, out.subjectId, out.n) }));
  return wanted.filter((out) => !written.has(out.name));
}

/** The log's summary line: "3 received, 1 skipped as already here, 2 rejected, 1 held". */
export function exchangeTallyText(outcomes: readonly ExchangeOutcome[]): string {
  const count = (o: ExchangeOutcome) => outcomes.filter((x) => x === o).length;
  const parts = [
    [count('sent'), 'sent'],
    [count('received'), 'received'],
    [count('skipped'), 'skipped as already here'],
    [count('rejected'), 'rejected'],
    [count('held'), 'held'],
    [count('conflict'), 'with conflicts'],
    [count('resolved'), 'with conflicts resolved'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, text]) => `${n} ${text}`);
  return said.length === 0 ? 'Nothing exchanged yet.' : `${said.join(', ')}.`;
}
