/** Writing bundles: the manifest is derived from the content, never typed in. */
import { canonicalJson } from '../canonical/canonicalJson';
import { bundleChecksumOrThrow } from './bundleChecksum';
import type { Tombstone } from '../audience/tombstone';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleTables,
  type Bundle,
  type BundleContent,
  type BundleCounts,
  type BundleScope,
  type BundleTable,
} from './bundleSchema';

/** Number of records per table. */
export function bundleCounts(content: BundleContent): BundleCounts {
  const counts = {} as BundleCounts;
  for (const table of bundleTables) counts[table] = content[table].length;
  return counts;
}

const tableNouns: Record<BundleTable, readonly [string, string]> = {
  candidates: ['candidate', 'candidates'],
  interviewers: ['interviewer', 'interviewers'],
  loops: ['loop', 'loops'],
  interviews: ['interview', 'interviews'],
  ratings: ['rating', 'ratings'],
  notes: ['note', 'notes'],
  signalTags: ['signal tag', 'signal tags'],
  defectFindings: ['defect finding', 'defect findings'],
  decisions: ['decision', 'decisions'],
  interviewVersions: ['interview version', 'interview versions'],
  incidentRuns: ['incident run', 'incident runs'],
  audit: ['audit entry', 'audit entries'],
};

/** "1 interview" / "3 ratings": a count of a table's records in words. */
export function bundleCountText(table: BundleTable, count: number): string {
  return `${count} ${tableNouns[table][count === 1 ? 0 : 1]}`;
}

/** The non-zero counts in words, e.g. "2 candidates, 6 interviews, 60 ratings"; "no records" if none. */
export function bundleCountsSummary(counts: Partial<BundleCounts>): string {
  const parts: string[] = [];
  for (const table of bundleTables) {
    const count = counts[table] ?? 0;
    if (count > 0) parts.push(bundleCountText(table, count));
  }
  return parts.length > 0 ? parts.join(', ') : 'no records';
}

/**
 * The checksum a manifest carries: `sha256Hex(canonicalJson(content))`, computed without holding
 * the whole canonical text in memory.
 */
export function bundleContentSha256(content: BundleContent): string {
  return bundleChecksumOrThrow(content);
}

export interface BundleCreateInput {
  content: BundleContent;
  /** The Loopdesk version writing the bundle. */
  appVersion: string;
  /** Epoch ms; passed in so the same input gives the same bundle. */
  createdAt: number;
  /** Who exports it, as shown in the app. */
  createdBy: string;
  scope: BundleScope;
  /** Erasures to carry to the machines that import the bundle (see `bundleManifestSchema`). */
  tombstones?: readonly Tombstone[];
}

/**
 * A bundle of `content` with its manifest (counts and checksum). It does not check the content:
 * pick a self-contained set with `bundleContentForScope`, and anything that must be trusted goes
 * through `bundleParse` / `bundleValidate` on the receiving side anyway. Throws
 * `CanonicalJsonError` if the content holds non-JSON values (a bug at the caller).
 */
export function bundleCreate(input: BundleCreateInput): Bundle {
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    manifest: {
      appVersion: input.appVersion,
      createdAt: input.createdAt,
      createdBy: input.createdBy,
      scope: input.scope,
      counts: bundleCounts(input.content),
      contentSha256: bundleContentSha256(input.content),
      ...(input.tombstones && input.tombstones.length > 0 ? { tombstones: [...input.tombstones] } : {}),
    },
    content: input.content,
  };
}

/**
 * The file text of a bundle: `format` and `formatVersion` first (so a person or a sniffer sees
 * what the file is from its first bytes), then the manifest and content in canonical JSON. The
 * same bundle always gives the same bytes.
 */
export function bundleStringify(bundle: Bundle): string {
  return (
    `{"format":${JSON.stringify(bundle.format)},"formatVersion":${canonicalJson(bundle.formatVersion)},` +
    `"manifest":${canonicalJson(bundle.manifest)},"content":${canonicalJson(bundle.content)}` +
    (bundle.signature ? `,"signature":${canonicalJson(bundle.signature)}}` : '}')
  );
}
