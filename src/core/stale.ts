import { ENGLISH } from '../locale/english.js';
import type { Locale } from '../locale/locale.js';
import type { Report, StaleAnswers } from '../schema/report.js';

// Answers checked too long before the assessment (`--stale-after`). The age of an answer is
// measured from the assessment's own `date:`, never from the day of the run, so that the same
// file always gives the same report.

/** The units of `--stale-after`: days, weeks, months, years. */
type Unit = 'd' | 'w' | 'm' | 'y';

/** The most of any unit `--stale-after` takes: four digits, which already reaches back past year 0. */
const MAX_COUNT = 9999;

/** `--stale-after` as given and as read: `12m` is 12 months. */
export interface StaleAfter {
  /** As written on the command line (`12m`), for messages and the report. */
  text: string;
  count: number;
  unit: Unit;
}

/** The grammar of `--stale-after`, for help and error messages. */
function staleAfterGrammar(locale: Locale): string {
  return locale.t('input.stale.grammar', { max: MAX_COUNT });
}

/** Reads a `--stale-after` value; returns an error message for anything outside the grammar. */
export function parseStaleAfter(text: string, locale: Locale = ENGLISH): StaleAfter | string {
  const match = /^(\d{1,4})([dwmy])$/.exec(text);
  const count = match ? Number(match[1]) : 0;
  if (!match || count < 1 || count > MAX_COUNT) return locale.t('input.stale.not-a-duration', { text, grammar: staleAfterGrammar(locale) });
  return { text, count, unit: match[2] as Unit };
}

/**
 * The first date an answer may have been checked on and not be stale: the assessment's date less
 * the duration. Months and years go back by the calendar, to the same day of the month, or to the
 * month's last day when it has no such day (2026-03-31 less 1m is 2026-02-28; 2024-02-29 less 1y
 * is 2023-02-28); days and weeks go back day by day. Never earlier than 0000-01-01.
 */
export function staleCutoff(date: string, after: StaleAfter): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (after.unit === 'd' || after.unit === 'w') {
    const days = daysFromCivil(year, month, day) - after.count * (after.unit === 'w' ? 7 : 1);
    return days < daysFromCivil(0, 1, 1) ? '0000-01-01' : isoDate(...civilFromDays(days));
  }
  const months = year * 12 + (month - 1) - after.count * (after.unit === 'y' ? 12 : 1);
  if (months < 0) return '0000-01-01';
  const toYear = Math.floor(months / 12);
  const toMonth = (months % 12) + 1;
  return isoDate(toYear, toMonth, Math.min(day, daysInMonth(toYear, toMonth)));
}

/**
 * The report with its stale answers: every answer (a scale level or an assessor's `n/a`) of an
 * indicator that applies, whose `checked:` date is before the cut-off (staleCutoff), in model
 * order. An answer without a `checked:` date is not judged, nor is any answer of an assessment
 * without a `date:` (`checkedBefore` is then null). Pure: the same report and duration, the same result.
 */
export function withStale(report: Report, after: StaleAfter): Report {
  const checkedBefore = report.date === null ? null : staleCutoff(report.date, after);
  const answers: StaleAnswers['answers'] = [];
  if (checkedBefore !== null) {
    for (const competency of report.competencies) {
      for (const indicator of competency.indicators) {
        if (indicator.applicable === false || indicator.answer === null || indicator.checked === undefined) continue;
        if (indicator.checked < checkedBefore) answers.push({ id: indicator.id, competency: competency.id, checked: indicator.checked });
      }
    }
  }
  return { ...report, stale: { after: after.text, checkedBefore, answers } };
}

/** The ids of a report's stale answers (none without `--stale-after`). */
export function staleIds(report: Report): ReadonlySet<string> {
  return new Set(report.stale?.answers.map((answer) => answer.id));
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Days since 1970-01-01 and back, in the proleptic Gregorian calendar, by whole-number arithmetic
// (H. Hinnant's algorithms): Date would read years 0 to 99 as 1900 to 1999.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const shifted = days + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
