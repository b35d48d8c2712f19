import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditAppend, auditChainVerify, auditEntryHash, auditPseudonym } from '../../../../src/core/audit/auditChain';
import {
  AUDIT_GENESIS_HASH,
  auditActions,
  auditForbiddenKeyIn,
  type AuditEntry,
  type AuditEvent,
} from '../../../../src/core/audit/auditSchema';

const actors = ['Ana Souza', 'محمد علي', 'Zoë Ó Briain', '李雷', 'loopdesk', 'Renée 👩🏽‍💻'];
const eventArb = fc.record(
  {
    at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    actor: fc.constantFrom(...actors),
    action: fc.constantFrom(...auditActions),
    subject: fc.uuid({ version: 4 }),
    details: fc
      .dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,10}$/), fc.jsonValue({ maxDepth: 2 }), {
        maxKeys: 4,
      })
      .filter((details) => auditForbiddenKeyIn(details) === null),
  },
  { requiredKeys: ['at', 'actor', 'action', 'subject'] },
) as fc.Arbitrary<AuditEvent>; // fast-check's JsonValue is structurally zod's JSON type

function chainOf(events: AuditEvent[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const event of events) entries.push(auditAppend(entries.at(-1) ?? null, event));
  return entries;
}

/** Replaces one field of `entry` with a different value (or removes / adds one). */
const fieldChangeArb = fc.oneof(
  fc.record({ field: fc.constant('seq'), value: fc.oneof(fc.integer({ min: -5, max: 500 }), fc.constant('1')) }),
  fc.record({ field: fc.constant('at'), value: fc.oneof(fc.integer({ min: 0, max: 4e12 }), fc.constant(-1)) }),
  fc.record({ field: fc.constant('actor'), value: fc.oneof(fc.constantFrom(...actors, '', ' '), fc.string()) }),
  fc.record({ field: fc.constant('action'), value: fc.constantFrom(...auditActions, 'interview.deleted') }),
  fc.record({ field: fc.constant('subject'), value: fc.oneof(fc.uuid(), fc.constant('')) }),
  fc.record({ field: fc.constant('details'), value: fc.oneof(fc.constant({ reason: 'typo' }), fc.constant([])) }),
  fc.record({ field: fc.constantFrom('prevHash', 'hash'), value: fc.stringMatching(/^[0-9a-f]{64}$/) }),
  fc.record({ field: fc.constantFrom('prevHash', 'hash'), value: fc.constant('not a hash') }),
  fc.record({
    field: fc.constantFrom('seq', 'at', 'actor', 'action', 'subject', 'prevHash', 'hash'),
    value: fc.constant(undefined),
  }),
  fc.record({ field: fc.constant('extra'), value: fc.constant(true) }),
);

describe('auditAppend', () => {
  it('starts at seq 1 after the genesis hash and links each entry to the previous one', () => {
    const [first, second] = chainOf([
      { at: 1, actor: 'Ana Souza', action: 'interview.submitted', subject: 'a' },
      { at: 2, actor: 'Ana Souza', action: 'interview.amended', subject: 'a', details: { reason: 'typo' } },
    ]);
    expect(first).toMatchObject({ seq: 1, prevHash: AUDIT_GENESIS_HASH });
    expect(second).toMatchObject({ seq: 2, prevHash: first!.hash, details: { reason: 'typo' } });
    expect(first!.hash).toBe(auditEntryHash(first!));
    expect('details' in first!).toBe(false);
  });

  it('gives a stable hash, so the same log verifies on every machine and release', () => {
    const entry = auditAppend(null, {
      at: 1_700_000_000_000,
      actor: 'Ana Souza',
      action: 'decision.recorded',
      subject: '0b7c3f9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
      details: { outcome: 'hire', level: 'staff' },
    });
    // Written out by hand: a change here would make every existing log fail to verify.
    const text =
      '{"action":"decision.recorded","actor":"Ana Souza","at":1700000000000,"details":{"level":"staff","outcome":"hire"},' +
      `"prevHash":"${'0'.repeat(64)}","seq":1,"subject":"0b7c3f9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f"}`;
    expect(entry.hash).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    expect(entry.hash).toBe('5616cb53821b41cea7b8340d90ea013dc3288c24eebacdef9ba02c719ca546d7');
  });
});

describe('auditChainVerify', () => {
  it('accepts any log built by auditAppend and reports its head', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 20 }), (events) => {
        const entries = chainOf(events);
        const result = auditChainVerify(entries);
        expect(result).toEqual({
          ok: true,
          count: entries.length,
          head: entries.length ? { seq: entries.length, hash: entries.at(-1)!.hash } : null,
        });
      }),
      { numRuns: 100 },
    );
  });

  it('names the changed entry for 1,000 random single-field changes', () => {
    fc.assert(
      fc.property(
        fc.array(eventArb, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        fieldChangeArb,
        (events, pick, change) => {
          const entries: unknown[] = chainOf(events);
          const index = pick % entries.length;
          const original = entries[index] as Record<string, unknown>;
          fc.pre(JSON.stringify(original[change.field]) !== JSON.stringify(change.value));
          const changed: Record<string, unknown> = { ...original };
          if (change.value === undefined) delete changed[change.field];
          else changed[change.field] = change.value;
          entries[index] = changed;
          const result = auditChainVerify(entries);
          expect(result.ok).toBe(false);
          if (!result.ok) {
            expect(result.brokenSeq).toBe(index + 1);
            expect(result.index).toBe(index);
            expect(result.message).toMatch(new RegExp(`^audit entry ${index + 1}: `));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('names the first entry after a removed or swapped one', () => {
    const entries = chainOf(
      Array.from({ length: 6 }, (_, i) => ({
        at: i,
        actor: 'Ana Souza',
        action: 'interview.submitted' as const,
        subject: `s${i}`,
      })),
    );
    const removed = [...entries.slice(0, 2), ...entries.slice(3)];
    expect(auditChainVerify(removed)).toMatchObject({ ok: false, brokenSeq: 3, reason: 'seq' });
    const swapped = [entries[0], entries[2], entries[1], ...entries.slice(3)];
    expect(auditChainVerify(swapped)).toMatchObject({ ok: false, brokenSeq: 2, reason: 'seq' });
    const tail = entries.slice(1);
    expect(auditChainVerify(tail)).toMatchObject({ ok: false, brokenSeq: 1, reason: 'seq' });
  });

  it('spots an entry re-sealed with a fresh hash but no longer linked to its predecessor', () => {
    const entries = chainOf(
      Array.from({ length: 4 }, (_, i) => ({
        at: i,
        actor: 'Ana Souza',
        action: 'loop.created' as const,
        subject: `s${i}`,
      })),
    );
    const forged: AuditEntry = { ...entries[2]!, subject: 'forged' };
    forged.hash = auditEntryHash(forged);
    expect(auditChainVerify([entries[0], entries[1], forged, entries[3]])).toMatchObject({
      ok: false,
      brokenSeq: 4,
      reason: 'prev-hash',
    });
  });

  it('verifies a contiguous slice of a log in segment mode', () => {
    const entries = chainOf(
      Array.from({ length: 5 }, (_, i) => ({
        at: i,
        actor: 'loopdesk',
        action: 'loop.purged' as const,
        subject: `s${i}`,
      })),
    );
    expect(auditChainVerify(entries.slice(2), { start: 'segment' })).toEqual({
      ok: true,
      count: 3,
      head: { seq: 5, hash: entries[4]!.hash },
    });
    expect(auditChainVerify([entries[2], entries[4]], { start: 'segment' })).toMatchObject({
      ok: false,
      brokenSeq: 4,
      reason: 'seq',
    });
  });

  it('refuses details with a __proto__ key, which would not survive a copy', () => {
    const details = JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as AuditEvent['details'];
    expect(() =>
      auditAppend(null, { at: 1, actor: 'Ana Souza', action: 'loop.closed', subject: 's', details }),
    ).toThrow(/__proto__/);
    const entry = {
      seq: 1,
      at: 1,
      actor: 'Ana Souza',
      action: 'loop.closed',
      subject: 's',
      details,
      prevHash: AUDIT_GENESIS_HASH,
    };
    const forged = { ...entry, hash: auditEntryHash(entry as AuditEntry) };
    expect(auditChainVerify([forged])).toMatchObject({ ok: false, brokenSeq: 1, reason: 'schema' });
  });

  it('reports a non-object entry as a schema break rather than throwing', () => {
    expect(auditChainVerify([null])).toMatchObject({ ok: false, brokenSeq: 1, reason: 'schema' });
    expect(auditChainVerify(['x'], { start: 'segment' })).toMatchObject({ ok: false, brokenSeq: 1, reason: 'schema' });
  });
});

describe('auditPseudonym', () => {
  it('is stable per salt, differs between salts and does not contain the id', () => {
    const id = '0b7c3f9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
    const pseudonym = auditPseudonym(id, 'salt-a');
    expect(pseudonym).toBe(auditPseudonym(id, 'salt-a'));
    expect(pseudonym).not.toBe(auditPseudonym(id, 'salt-b'));
    expect(pseudonym).not.toContain(id);
    expect(pseudonym).toMatch(/^pseudonym:[0-9a-f]{64}$/);
    const erased = auditAppend(null, { at: 5, actor: 'Ana Souza', action: 'candidate.erased', subject: pseudonym });
    expect(auditChainVerify([erased]).ok).toBe(true);
  });
});
