import { describe, expect, it } from 'vitest';
import { dayOf, ordersOf, readDate } from '../../src/core/survey-dates.js';

describe('survey timestamps', () => {
  it('reads ISO and year-first dates as the day they write, time and zone dropped', () => {
    expect(readDate('2026-10-08')).toEqual({ kind: 'date', date: '2026-10-08' });
    expect(readDate('2026-10-08T23:59:59Z')).toEqual({ kind: 'date', date: '2026-10-08' });
    expect(readDate('2026-10-08 00:30:00+02:00')).toEqual({ kind: 'date', date: '2026-10-08' });
    expect(readDate(' 2026/10/08 14:03:11 UTC+2 ')).toEqual({ kind: 'date', date: '2026-10-08' });
    expect(readDate('2026/1/8 2:03:11 PM GMT+2')).toEqual({ kind: 'date', date: '2026-01-08' });
    expect(readDate('2024/02/29 10:00')).toEqual({ kind: 'date', date: '2024-02-29' });
  });

  it('keeps the two numbers of a year-last date for the column to order, a two-digit year being 20yy', () => {
    expect(readDate('10/8/26 14:03:11')).toEqual({ kind: 'year-last', first: 10, second: 8, year: 2026 });
    expect(readDate('08.10.2026 14:03')).toEqual({ kind: 'year-last', first: 8, second: 10, year: 2026 });
    const date = { first: 10, second: 8, year: 2026 };
    expect(dayOf(date, 'day-first')).toBe('2026-08-10');
    expect(dayOf(date, 'month-first')).toBe('2026-10-08');
    expect(ordersOf(date)).toEqual(['day-first', 'month-first']);
    // 13 can only be a day; the same number twice reads the same either way.
    expect(ordersOf({ first: 13, second: 10, year: 2026 })).toEqual(['day-first']);
    expect(ordersOf({ first: 10, second: 13, year: 2026 })).toEqual(['month-first']);
    expect(ordersOf({ first: 5, second: 5, year: 2026 })).toEqual(['day-first']);
  });

  it('refuses what is no date, or a day that does not exist', () => {
    for (const text of ['yesterday', '2026-02-30', '2025/02/29', '46303.58', '13/13/2026', '2026-10-08 noon', '8 October 2026']) {
      expect(readDate(text), text).toEqual({ kind: 'bad' });
    }
  });
});
