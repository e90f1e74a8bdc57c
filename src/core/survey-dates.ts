import type { DateOrder } from '../schema/import-map.js';

/**
 * The calendar day of a survey export's timestamp, as the export writes it: the time and the time
 * zone are dropped, never converted (a response sent at 00:30 UTC+2 is dated that day, as the
 * respondent saw it). Three shapes are read:
 *
 * - ISO 8601, year first with dashes: `2026-10-08`, `2026-10-08T14:03:11Z`, `2026-10-08 14:03`;
 * - year first with slashes, as Google Forms writes it: `2026/10/08 14:03:11 UTC+2`, `2026/10/08 2:03:11 PM GMT+2`;
 * - year last with slashes, dots or dashes, as Microsoft Forms and spreadsheets write it:
 *   `10/8/26 14:03:11`, `08/10/2026 14:03`, `8.10.2026`. The day and the month may come in either
 *   order, which `dateColumn` decides for the whole column. A two-digit year is 20yy.
 */
export type ReadDate =
  | { kind: 'date'; date: string }
  /** Year last: the first two numbers, day and month in one order or the other. */
  | { kind: 'year-last'; first: number; second: number; year: number }
  | { kind: 'bad' };

const TIME = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)?`;
const ZONE = String.raw`(?:\s*(?:Z|(?:UTC|GMT)?\s*[+-]\d{1,2}(?::?\d{2})?|UTC|GMT|[A-Z]{2,5}))?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}${ZONE}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})${TIME}${ZONE}$`);

/** What a timestamp cell says of its day, before the column's order of day and month is known. */
export function readDate(text: string): ReadDate {
  const value = text.trim();
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst) {
    const date = isoDay(Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4]));
    return date === undefined ? { kind: 'bad' } : { kind: 'date', date };
  }
  const yearLast = YEAR_LAST.exec(value);
  if (yearLast) {
    const year = yearLast[4]!.length === 2 ? 2000 + Number(yearLast[4]) : Number(yearLast[4]);
    const found = { kind: 'year-last' as const, first: Number(yearLast[1]), second: Number(yearLast[3]), year };
    if (dayOf(found, 'day-first') === undefined && dayOf(found, 'month-first') === undefined) return { kind: 'bad' };
    return found;
  }
  return { kind: 'bad' };
}

/** A year-last date read in one order: YYYY-MM-DD, or undefined when that day does not exist. */
export function dayOf(date: { first: number; second: number; year: number }, order: DateOrder): string | undefined {
  return order === 'day-first' ? isoDay(date.year, date.second, date.first) : isoDay(date.year, date.first, date.second);
}

/** The orders a year-last date can be read in: one when the other gives no real day, or when both give the same. */
export function ordersOf(date: { first: number; second: number; year: number }): DateOrder[] {
  const dayFirst = dayOf(date, 'day-first');
  const monthFirst = dayOf(date, 'month-first');
  if (dayFirst !== undefined && monthFirst !== undefined && dayFirst !== monthFirst) return ['day-first', 'month-first'];
  return dayFirst !== undefined ? ['day-first'] : ['month-first'];
}

/** YYYY-MM-DD of a day that exists in the Gregorian calendar, else undefined. */
function isoDay(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
