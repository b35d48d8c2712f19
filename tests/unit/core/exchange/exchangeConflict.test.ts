import { describe, expect, it } from 'vitest';
import {
  exchangeConflictInterviewFields,
  exchangeConflictRecordFields,
  exchangeConflictSubjects,
  exchangeInterviewSideOf,
} from '../../../../src/core/exchange/exchangeConflict';
import { conflictBaseContent, conflictingAmendment } from '../../../fixtures/exchange/conflictingAmendment';

describe('exchange conflicts as a person compares them', () => {
  const base = conflictBaseContent();
  const interview = base.interviews[0]!;
  const { mine, theirs } = conflictingAmendment(base, { dimensionId: 'iac-engineering', score: 4, reason: 'Re-scored' });

  it('turns conflicting interview-owned records into their interview, once, and keeps other records as they are', () => {
    const rating = theirs.ratings.find((r) => r.dimensionId === 'iac-engineering')!;
    const subjects = exchangeConflictSubjects(
      [
        { table: 'interviews', id: interview.id, reason: '', existingHash: 'a', incomingHash: 'b' },
        { table: 'ratings', id: `${rating.interviewId}/${rating.dimensionId}`, reason: '', existingHash: 'a', incomingHash: 'b' },
        { table: 'interviewVersions', id: theirs.interviewVersions[0]!.id, reason: '', existingHash: 'a', incomingHash: 'b' },
        { table: 'candidates', id: base.candidates[0]!.id, reason: '', existingHash: 'a', incomingHash: 'b' },
      ],
      theirs,
    );
    expect(subjects).toEqual([
      { table: 'interviews', id: interview.id },
      { table: 'candidates', id: base.candidates[0]!.id },
    ]);
  });

  it('shows only what differs between two sides of an interview', () => {
    const fields = exchangeConflictInterviewFields(exchangeInterviewSideOf(mine, interview.id), exchangeInterviewSideOf(theirs, interview.id));
    expect(fields.map((f) => f.field)).toEqual(['state', 'amendment reason', 'rating: iac-engineering', 'sealed versions']);
    expect(fields[2]).toEqual({ field: 'rating: iac-engineering', mine: '2', theirs: '4' });
    expect(fields[3]!.theirs).toMatch(/^v1 sealed .* UTC, seal [0-9a-f]{12}; v2 sealed .* UTC \(Re-scored\), seal [0-9a-f]{12}$/);
  });

  it('compares other records field by field, control characters escaped and long values cut', () => {
    const candidate = base.candidates[0]!;
    const fields = exchangeConflictRecordFields(candidate, { ...candidate, name: 'Ada\u202eevil', notes: 'x'.repeat(1000) });
    expect(fields.map((f) => f.field)).toEqual(['name', 'notes']);
    expect(fields[0]!.theirs).toBe('Ada\\u202eevil');
    expect(fields[1]!.theirs).toHaveLength(401);
    expect(exchangeConflictRecordFields(candidate, candidate)).toEqual([]);
  });
});
