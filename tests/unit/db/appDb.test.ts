import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { appDbVersion, createAppDbExisting } from '../../../src/renderer/db/appDb';
import { profileCreate, profileCurrent } from '../../../src/renderer/db/actions/profileActions';
import { freshIdb, testDb, writeFixtureAtVersion } from './dbTestKit';

describe('app database', () => {
  it('opens at the current version with every table', async () => {
    const db = testDb();
    await db.open();
    expect(db.verno).toBe(appDbVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'audit',
        'candidates',
        'decisions',
        'incidentRuns',
        'interviewVersions',
        'interviewers',
        'interviews',
        'loops',
        'settings',
        'tombstones',
        'evidence',
        'practiceRuns',
        'profileKeys',
        'keyPins',
        'exchangeLog',
      ].sort(),
    );
    db.close();
  });

  it('a connection still in use when its database is deleted does not bring the database back', async () => {
    const deps = freshIdb();
    const worker = testDb(deps, 'loopdesk-demo');
    await worker.settings.put({ key: 'x', value: '1' });
    await new Dexie('loopdesk-demo', deps).delete();
    // A computation that carries on after the delete gets an error, not a new empty database.
    await expect(worker.settings.count()).rejects.toThrow(/closed/i);
    expect((await deps.indexedDB.databases()).map((d) => d.name)).not.toContain('loopdesk-demo');
  });

  it('background work started after its database was deleted creates nothing, and opens one that exists', async () => {
    const deps = freshIdb();
    await testDb(deps, 'loopdesk-demo').settings.put({ key: 'x', value: '1' });
    const existing = createAppDbExisting('loopdesk-demo', deps);
    expect(await existing.settings.get('x')).toEqual({ key: 'x', value: '1' });
    existing.close();
    await new Dexie('loopdesk-demo', deps).delete();
    // The statistics worker's request, posted before "Leave and delete", runs after it.
    const late = createAppDbExisting('loopdesk-demo', deps);
    await expect(late.settings.count()).rejects.toThrow(/does not exist/);
    late.close();
    expect((await deps.indexedDB.databases()).map((d) => d.name)).not.toContain('loopdesk-demo');
  });

  it('remembers who is interviewing on this machine across reopen', async () => {
    const deps = freshIdb();
    const db = testDb(deps);
    const me = await profileCreate(db, { name: 'Grace Hopper' }, 1_700_000_000_000);
    db.close();
    const reopened = testDb(deps);
    expect(await profileCurrent(reopened)).toEqual(me);
    reopened.close();
  });

  it('rejects an invalid profile without writing anything', async () => {
    const db = testDb();
    await expect(profileCreate(db, { name: '   ' }, 0)).rejects.toThrow();
    expect(await db.interviewers.count()).toBe(0);
    expect(await profileCurrent(db)).toBeNull();
    db.close();
  });

  it('keeps every row of a version 1 database when opened by the current build', async () => {
    const deps = freshIdb();
    await writeFixtureAtVersion(deps, 'loopdesk-v1', 1, {
      interviewers: [{ id: 'a3c1f0de-0000-4000-8000-000000000001', name: 'Ada', email: '', createdAt: 1 }],
      settings: [{ key: 'me', value: 'a3c1f0de-0000-4000-8000-000000000001' }],
    });
    const db = testDb(deps, 'loopdesk-v1');
    await db.open();
    expect(await db.interviewers.count()).toBe(1);
    expect((await profileCurrent(db))?.name).toBe('Ada');
    db.close();
  });
});
