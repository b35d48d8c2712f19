/**
 * A sealed version's snapshot text read as a JSON object: its nesting checked before it is parsed,
 * no record schemas. `evidenceFromSnapshot` checks every record on top of it; readers that need one
 * field of the ratings (the anchoring audit) use it alone, so the print page and the report carry
 * no schema library.
 */
import { jsonDepthScan } from '../canonical/jsonDepth';
import { JSON_MAX_DEPTH } from '../limits/inputLimits';

export type SnapshotObject = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

export function snapshotObjectOf(snapshot: string): SnapshotObject {
  if (!jsonDepthScan(snapshot, JSON_MAX_DEPTH).ok) {
    return { ok: false, message: `the snapshot is nested deeper than ${JSON_MAX_DEPTH} levels` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(snapshot);
  } catch {
    return { ok: false, message: 'the snapshot is not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, message: 'the snapshot is not an object' };
  }
  return { ok: true, value: raw as Record<string, unknown> };
}
