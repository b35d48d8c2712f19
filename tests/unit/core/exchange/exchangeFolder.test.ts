import { describe, expect, it } from 'vitest';
import {
  exchangeFileName,
  exchangeFilesToRead,
  exchangeIsReadableName,
  exchangeOutgoing,
  exchangeTallyText,
  exchangeTempName,
  type ExchangeListing,
} from '../../../../src/core/exchange/exchangeFolder';
import { exchangeVerdict } from '../../../../src/core/exchange/exchangeVerdict';
import { keyPinFor } from '../../../../src/core/signing/keyTrust';

const id = '0b8f5c1e-7a35-4c5e-9d7a-1f2e3d4c5b6a';
const entry = (profileId: string, name: string, size = 10, lastModified = 1): ExchangeListing => ({ profileId, name, size, lastModified });

describe('exchange folder names', () => {
  it('names one file per thing that happened, and readers take only finished names', () => {
    const name = exchangeFileName('sealed', id, 1);
    expect(name).toBe(`sealed-${id}-1.loopdesk`);
    expect(exchangeIsReadableName(name)).toBe(true);
    expect(exchangeIsReadableName(exchangeTempName(name))).toBe(false);
    for (const bad of ['notes.txt', `sealed-${id}-0.loopdesk`, `draft-${id}-1.loopdesk`, `sealed-../x-1.loopdesk`, `sealed-${id}-1.loopdesk.tmp`])
      expect(exchangeIsReadableName(bad), bad).toBe(false);
  });
});

describe('which files to read', () => {
  const listing = [entry('a', exchangeFileName('sealed', id, 1), 10, 5), entry('me', exchangeFileName('decision', id, 1)), entry('a', '.x.partial'), entry('b', exchangeFileName('tombstone', 'ab12', 1), 10, 2)];
  it('skips its own outbox and temporary names, oldest first', () => {
    expect(exchangeFilesToRead(listing, 'me', new Map()).map((e) => e.profileId)).toEqual(['b', 'a']);
  });
  it('does not read a file again unless it changed, or it was held and what lifts holds changed', () => {
    const seen = new Map([
      [`a/${exchangeFileName('sealed', id, 1)}`, { stamp: '10:5', outcome: 'received' as const }],
      [`b/${exchangeFileName('tombstone', 'ab12', 1)}`, { stamp: '10:2', outcome: 'held' as const, generation: 'g1' }],
    ]);
    expect(exchangeFilesToRead(listing, 'me', seen, 'g1')).toEqual([]);
    expect(exchangeFilesToRead(listing, 'me', seen, 'g2').map((e) => e.profileId)).toEqual(['b']);
    const grown = [entry('a', exchangeFileName('sealed', id, 1), 20, 5)];
    expect(exchangeFilesToRead(grown, 'me', seen, 'g1')).toHaveLength(1);
  });
});

describe('what a profile owes its outbox', () => {
  it('a seal, each amendment, its decisions and erasures made here, minus what is written', () => {
    const out = exchangeOutgoing(
      {
        profileId: 'me',
        versions: [{ interviewId: id, version: 1, candidateId: 'c' }, { interviewId: id, version: 2, candidateId: 'c' }],
        decisions: [{ id: 'd1', candidateId: 'c' }],
        tombstones: [{ candidateHash: 'f'.repeat(64) }],
      },
      new Set([exchangeFileName('sealed', id, 1)]),
    );
    expect(out.map((o) => o.name)).toEqual([`amendment-${id}-2.loopdesk`, 'decision-d1-1.loopdesk', `tombstone-${'f'.repeat(32)}-1.loopdesk`]);
  });
  it('tallies the log in words', () => {
    expect(exchangeTallyText(['received', 'received', 'rejected', 'held'])).toBe('2 received, 1 rejected, 1 held.');
    expect(exchangeTallyText([])).toBe('Nothing exchanged yet.');
  });
});

describe('exchange verdict', () => {
  const signer = { profileId: 'a', interviewerId: 'a', name: 'Ann', publicKey: 'aa'.repeat(32) };
  const ok = { ok: true as const, signer, fingerprint: 'x' };
  const known = { kind: 'known' as const, pin: keyPinFor(signer, 1), fingerprint: 'x' };
  it('refuses unsigned, bad and misplaced bundles; holds new and changed keys and unsealed panels; imports the rest', () => {
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: null, trust: null, unsealedCandidates: [] }).action).toBe('reject');
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: { ok: false, reason: 'no' }, trust: null, unsealedCandidates: [] }).action).toBe('reject');
    expect(exchangeVerdict({ outboxProfileId: 'b', signature: ok, trust: known, unsealedCandidates: [] }).action).toBe('reject');
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: ok, trust: { kind: 'new', fingerprint: 'x' }, unsealedCandidates: [] })).toMatchObject({ action: 'hold', waitsFor: 'key' });
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: ok, trust: { ...known, kind: 'changed', pinnedFingerprint: 'y' }, unsealedCandidates: [] })).toMatchObject({ action: 'hold', waitsFor: 'key-change' });
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: ok, trust: { kind: 'impostor', pin: known.pin, fingerprint: 'x' }, unsealedCandidates: [] }).action).toBe('reject');
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: ok, trust: known, unsealedCandidates: ['Ada'] })).toMatchObject({ action: 'hold', waitsFor: 'seal' });
    expect(exchangeVerdict({ outboxProfileId: 'a', signature: ok, trust: known, unsealedCandidates: [] })).toEqual({ action: 'import' });
  });
});
