/**
 * Regenerates `tests/fixtures/db/v1.json` (run once per released version with
 * `npx tsx tests/unit/db/writeV1Fixture.ts`; a released fixture is never rewritten).
 */
import 'fake-indexeddb/auto';
import { writeFileSync } from 'node:fs';
import { candidateCreate, loopClose, loopCreate } from '../../../src/renderer/db/actions/peopleActions';
import { profileCreate } from '../../../src/renderer/db/actions/profileActions';
import { interviewStart, interviewSubmit, noteSave, ratingSet, signalTagSave, defectFindingSet } from '../../../src/renderer/db/actions/interviewActions';
import { decisionRecord } from '../../../src/renderer/db/actions/decisionActions';
import { createAppDb } from '../../../src/renderer/db/appDb';

const db = createAppDb('fixture-v1');
const pack = { manifest: { id: 'staff-devops', version: '1.0.0' }, hash: 'c'.repeat(64), dimensions: [{ id: 'iac-engineering', title: 'IaC engineering' }, { id: 'communication', title: 'Communication' }], signals: [{ id: 'red-flag-secrets-in-repo', polarity: 'red-flag', title: 'Secrets' }] } as never;
const kit = { dimensions: ['iac-engineering', 'communication'], sections: [{ id: 'context' }] } as never;
const me = await profileCreate(db, { name: 'Grace Hopper', email: 'grace@example.org' }, 1_700_000_000_000);
const c = await candidateCreate(db, { name: 'Zoë Ŝmith-אברהם', email: 'zoe@example.org', phone: '+1 555 0100', packId: 'staff-devops', targetLevel: 'staff', notes: 'Referred by 🧪 team' }, 'Grace Hopper', 1_700_000_001_000);
const loop = await loopCreate(db, { candidateId: c.id, pack, targetLevel: 'staff', interviews: [{ kitId: 'iac-review', interviewerId: me.id, scheduledAt: 1_700_000_100_000 }] }, 'Grace Hopper', 1_700_000_002_000);
const i = (await db.interviews.where('loopId').equals(loop.id).first())!;
await interviewStart(db, i.id, kit, 1_700_000_100_000);
await ratingSet(db, i.id, 'iac-engineering', 3, 1_700_000_101_000);
await ratingSet(db, i.id, 'communication', 'no-evidence', 1_700_000_102_000);
const noteId = crypto.randomUUID();
await noteSave(db, { id: noteId, interviewId: i.id, at: 65_000, text: 'Said the DB password lives in git — "it is private"', dimensionId: 'iac-engineering', simAt: null, isPrivate: false });
await noteSave(db, { id: crypto.randomUUID(), interviewId: i.id, at: 125_000, text: 'Private: seemed tired', dimensionId: null, simAt: null, isPrivate: true });
await signalTagSave(db, { id: crypto.randomUUID(), interviewId: i.id, signalId: 'red-flag-secrets-in-repo', noteIds: [noteId], at: 65_000 });
await defectFindingSet(db, { interviewId: i.id, exerciseId: 'terraform-review', defectId: 'hardcoded-db-password', foundAt: 300_000 }, true);
await interviewSubmit(db, pack, kit, i.id, 'Grace Hopper', 1_700_003_000_000);
await decisionRecord(db, { candidateId: c.id, loopId: loop.id, outcome: 'no-hire', level: null, rationale: 'Red flag on secrets handling stands.', decidedBy: 'Committee', reportInputsHash: 'd'.repeat(64) }, 1_700_004_000_000);
await loopClose(db, loop.id, 'Grace Hopper', 1_700_005_000_000);
const rows: Record<string, unknown[]> = {};
for (const table of db.tables) rows[table.name] = await table.toArray();
writeFileSync('tests/fixtures/db/v1.json', JSON.stringify(rows, null, 1) + '\n');
console.log(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, v.length])));
