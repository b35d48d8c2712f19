/**
 * The committee screen's shared live read: a read started when the route changes is the one the
 * screen then subscribes to — its rows already there — and it stays live, so a decision recorded
 * afterwards shows without reopening the screen.
 */
// Dexie's liveQuery runs only where a global indexedDB exists (set before Dexie loads).
import 'fake-indexeddb/auto';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rubricFilesRead } from '../../../src/cli/rubricFiles';
import { demoDataset, DEMO_FIXED_NOW } from '../../../src/core/demo/demoLoop';
import { rubricPacksLoad } from '../../../src/core/rubric/loader';
import type { RubricPack } from '../../../src/core/rubric/schema';
import { bundleContentImport } from '../../../src/renderer/db/actions/importActions';
import { decisionRecord } from '../../../src/renderer/db/actions/decisionActions';
import { committeeRowsRefresh } from '../../../src/renderer/db/committeeRowsRefresh';
import { committeeScreenLive, committeeScreenPrefetch } from '../../../src/renderer/db/committeeScreenLive';
import { committeeScreenRead, type CommitteeScreenData } from '../../../src/renderer/db/committeeScreenRead';
import { testDb } from './dbTestKit';

let pack: RubricPack;
beforeAll(() => {
  const files = rubricFilesRead(join(import.meta.dirname, '../../../rubrics'))!;
  pack = rubricPacksLoad(files.files).packs.find((p) => p.manifest.id === 'staff-devops')!;
});

describe('committee screen live read', () => {
  it('started by the route, is the one the screen gets, with its rows, and shows a decision recorded after', async () => {
    const db = testDb(undefined, 'loopdesk-committee-live');
    const content = demoDataset(pack, { now: DEMO_FIXED_NOW, seed: 7 });
    await bundleContentImport(db, content, { actor: 'Test', now: DEMO_FIXED_NOW, source: 'demo.loopdesk' });
    await committeeRowsRefresh(db, pack);

    committeeScreenPrefetch(db, pack);
    await expect.poll(() => committeeScreenLive(db, pack).hasValue()).toBe(true);
    const expected = await committeeScreenRead(db, pack);
    expect(expected.views!.length).toBeGreaterThan(0);

    // The screen subscribes after the value arrived: it has the rows at once, no second read.
    const seen: CommitteeScreenData[] = [];
    const subscription = committeeScreenLive(db, pack).subscribe((data) => seen.push(data));
    expect(seen).toHaveLength(1);
    expect(seen[0]!.views!.map((v) => [v.candidate.id, v.candidate.name, v.decision?.id ?? null])).toEqual(
      expected.views!.map((v) => [v.candidate.id, v.candidate.name, v.decision?.id ?? null]),
    );

    const candidate = expected.views!.find((v) => v.decision === null) ?? expected.views![0]!;
    const recorded = await decisionRecord(
      db,
      {
        candidateId: candidate.candidate.id,
        loopId: content.loops.find((l) => l.candidateId === candidate.candidate.id)!.id,
        outcome: 'no-hire',
        level: null,
        rationale: 'Discussed in committee.',
        decidedBy: 'Chair',
        reportInputsHash: 'f'.repeat(64),
      },
      DEMO_FIXED_NOW + 5000,
    );
    await expect
      .poll(() => seen.at(-1)!.views!.find((v) => v.candidate.id === candidate.candidate.id)!.decision?.id)
      .toBe(recorded.id);
    subscription.unsubscribe();
    db.close();
  });
});
