/**
 * How the import worker hands a checked bundle to the page: its records in slices, table by table,
 * then the result with the tables left empty. A single message would hold the serialized copy of
 * every record at once, beside the worker's copy and the page's (the import's memory peak); in
 * slices, only a few slices are in flight at a time. The page puts the tables back in order.
 */
import { bundleTables, type BundleParseResult, type BundleTable } from '../../core/bundle/bundleSchema';

/** Records per message. */
export const handOverSliceRecords = 20_000;

export type BundleHandOverMessage =
  | { kind: 'records'; table: BundleTable; records: unknown[] }
  | { kind: 'result'; result: BundleParseResult };

/** The messages that carry `result` to the page; each table is let go once its slices are made. */
export function* bundleHandOverMessages(
  result: BundleParseResult,
  sliceRecords = handOverSliceRecords,
): Generator<BundleHandOverMessage> {
  if (result.ok) {
    const content = result.value.content as unknown as Record<BundleTable, unknown[]>;
    for (const table of bundleTables) {
      const records = content[table];
      content[table] = [];
      for (let at = 0; at < records.length; at += sliceRecords)
        yield { kind: 'records', table, records: records.slice(at, at + sliceRecords) };
    }
  }
  yield { kind: 'result', result };
}

/** Takes the hand-over's messages in order; gives the result, tables refilled, at its last. */
export function bundleHandOverReceiver(): { take(message: BundleHandOverMessage): BundleParseResult | null } {
  const slices = new Map<BundleTable, unknown[][]>();
  return {
    take(message) {
      if (message.kind === 'records') {
        const list = slices.get(message.table);
        if (list) list.push(message.records);
        else slices.set(message.table, [message.records]);
        return null;
      }
      const { result } = message;
      if (result.ok) {
        const content = result.value.content as unknown as Record<BundleTable, unknown[]>;
        for (const table of bundleTables) content[table] = (slices.get(table) ?? []).flat();
      }
      slices.clear();
      return result;
    },
  };
}
