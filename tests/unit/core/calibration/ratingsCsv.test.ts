import { describe, expect, it } from 'vitest';
import { ratingsCsvParse } from '../../../../src/core/calibration/ratingsCsv';

function messages(text: string): string[] {
  const result = ratingsCsvParse(text);
  if (result.ok) throw new Error('expected the CSV to be rejected');
  return result.issues.map((i) => i.message);
}

describe('ratingsCsvParse', () => {
  it('reads long-format rows; an empty rating is "no evidence"', () => {
    const result = ratingsCsvParse(
      'candidate,interviewer,dimension,rating\nc1,ana,communication,3\nc1,ben,communication,\n',
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { candidateId: 'c1', interviewerId: 'ana', dimensionId: 'communication', score: 3 },
        { candidateId: 'c1', interviewerId: 'ben', dimensionId: 'communication', score: null },
      ],
    });
  });

  it('takes the column order from the header and ignores extra columns', () => {
    const result = ratingsCsvParse(
      'Rating,note,Dimension,Interviewer,Candidate\n2,"late, but fine",iac-engineering,ana,c1',
    );
    expect(result).toEqual({
      ok: true,
      value: [{ candidateId: 'c1', interviewerId: 'ana', dimensionId: 'iac-engineering', score: 2 }],
    });
  });

  it('accepts a byte-order mark, CRLF line ends, quoted fields with commas, quotes and line breaks', () => {
    const text =
      '\uFEFFcandidate,interviewer,dimension,rating\r\n"Doe, ""JD"" Jane","ana\r\nsmith",communication,4\r\n\r\nc2,ben,communication,+1\r\n';
    const result = ratingsCsvParse(text);
    expect(result).toEqual({
      ok: true,
      value: [
        { candidateId: 'Doe, "JD" Jane', interviewerId: 'ana\r\nsmith', dimensionId: 'communication', score: 4 },
        { candidateId: 'c2', interviewerId: 'ben', dimensionId: 'communication', score: 1 },
      ],
    });
  });

  it('names the file, line and column of a rating that is not a number', () => {
    const text = [
      'candidate,interviewer,dimension,rating',
      'c1,ana,communication,3',
      'c1,ben,communication,abc',
      'c1,chen,communication,Infinity',
    ].join('\n');
    expect(messages(text)).toEqual([
      'ratings.csv:3:4: rating "abc" is not a number',
      'ratings.csv:4:4: rating "Infinity" is not a number',
    ]);
    const result = ratingsCsvParse(text, 'panel.csv');
    expect(!result.ok && result.issues[0]).toEqual({
      line: 3,
      column: 'rating',
      columnNumber: 4,
      message: 'panel.csv:3:4: rating "abc" is not a number',
    });
  });

  it('takes only whole numbers on the scale, 1-4 unless told otherwise', () => {
    const rows = ['0', '99', '-3', '2.5', '1e200', '4.0'].map((r) => `c1,r${r},communication,${r}`);
    expect(messages(['candidate,interviewer,dimension,rating', ...rows].join('\n'))).toEqual([
      'ratings.csv:2:4: rating "0" is outside the scale 1-4',
      'ratings.csv:3:4: rating "99" is outside the scale 1-4',
      'ratings.csv:4:4: rating "-3" is outside the scale 1-4',
      'ratings.csv:5:4: rating "2.5" is not a whole number on the scale 1-4',
      'ratings.csv:6:4: rating "1e200" is not a whole number on the scale 1-4',
      'ratings.csv:7:4: rating "4.0" is not a whole number on the scale 1-4',
    ]);
    const wide = ratingsCsvParse('candidate,interviewer,dimension,rating\nc1,ana,x,10\n', 'r.csv', {
      scale: { min: 1, max: 10 },
    });
    expect(wide.ok && wide.value[0]!.score).toBe(10);
  });

  it('escapes control characters it quotes from the file', () => {
    expect(messages('candidate,interviewer,dimension,rating\nc1,ana,x,\u001b[2J\n')).toEqual([
      'ratings.csv:2:4: rating "\\x1b[2J" is not a number',
    ]);
  });

  it('counts lines inside quoted fields when naming later lines', () => {
    const text = 'candidate,interviewer,dimension,rating\n"c\n1",ana,communication,3\nc2,ana,communication,x\n';
    expect(messages(text)).toEqual(['ratings.csv:4:4: rating "x" is not a number']);
  });

  it('rejects a header without the required columns, saying which', () => {
    expect(messages('candidate,interviewer,score\nc1,ana,3')).toEqual([
      'ratings.csv:1: the header lacks "dimension", "rating"; expected columns candidate,interviewer,dimension,rating (in any order)',
    ]);
    expect(messages('')[0]).toMatch(/ratings.csv:1: the file is empty/);
  });

  it('rejects rows with the wrong number of fields, empty ids, and repeated ratings', () => {
    const text = [
      'candidate,interviewer,dimension,rating',
      'c1,ana,communication',
      ',ana,communication,2',
      'c1,ana,communication,2',
      'c1,ana,communication,3',
    ].join('\n');
    expect(messages(text)).toEqual([
      'ratings.csv:2: expected 4 fields as in the header, found 3',
      'ratings.csv:3:1: candidate is empty',
      'ratings.csv:5: ana already rated c1 on communication on line 4; keep one of the two rows',
    ]);
  });

  it('rejects an unclosed quote and stray quotes', () => {
    expect(messages('candidate,interviewer,dimension,rating\nc1,"ana,communication,3\n')).toEqual([
      'ratings.csv:2: a quoted field is never closed (missing ")',
    ]);
    expect(messages('candidate,interviewer,dimension,rating\nc1,an"a,communication,3\n')[0]).toMatch(
      /^ratings.csv:2: a field contains a quote/,
    );
    expect(messages('candidate,interviewer,dimension,rating\nc1,"ana"x,communication,3\n')[0]).toMatch(
      /^ratings.csv:2: unexpected text after a closing quote/,
    );
  });
});
