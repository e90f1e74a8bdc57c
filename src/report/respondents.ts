import type { Locale } from '../locale/locale.js';
import type { Report } from '../schema/report.js';

/**
 * "based on 3 respondents", for the report of answers combined by `consensus`; null for the answers
 * of one person, or when the formatter is given no locale to say it in.
 */
export function basedOnRespondents(report: Report, locale: Locale | undefined): string | null {
  return report.respondents === undefined || locale === undefined ? null : locale.t('team.report.basedOn', { count: report.respondents });
}
