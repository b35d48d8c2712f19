import { describe, expect, it } from 'vitest';
import { dateText, dateTimeText } from '../../../../src/core/text/dateTimeText';

describe('dateTimeText', () => {
  it('says a moment in local time: day, month, year and 24-hour time', () => {
    expect(dateTimeText(new Date(2026, 2, 3, 9, 5).getTime())).toBe('3 Mar 2026, 09:05');
    expect(dateTimeText(new Date(2026, 11, 31, 23, 59, 59).getTime())).toBe('31 Dec 2026, 23:59');
    expect(dateTimeText(new Date(2027, 0, 1, 0, 0).getTime())).toBe('1 Jan 2027, 00:00');
  });

  it('says a day in local time without the time', () => {
    expect(dateText(new Date(2026, 2, 3, 23, 59).getTime())).toBe('3 Mar 2026');
    expect(dateText(new Date(2027, 0, 1, 0, 0).getTime())).toBe('1 Jan 2027');
  });
});
