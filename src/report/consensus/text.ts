import { authorOf } from '../../core/consensus.js';
import type { Locale } from '../../locale/locale.js';
import { NOT_APPLICABLE } from '../../schema/constants.js';
import type { Disagreement, IndicatorSpread } from '../../schema/disagreement.js';
import { answerLabels, shownAnswer } from '../text.js';

// What every format of the disagreement report says, in the report's language.

/** A respondent as the report names them: the name given, else the file's name (see `authorOf`). */
export function respondentLabel(disagreement: Disagreement, place: number): string {
  const respondent = disagreement.respondents[place]!;
  return authorOf({ source: respondent.file, name: respondent.name });
}

/** A respondent with their role, when they gave one: `Alice (community manager)`. */
export function respondentWithRole(disagreement: Disagreement, place: number): string {
  const role = disagreement.respondents[place]!.role;
  return role === null ? respondentLabel(disagreement, place) : `${respondentLabel(disagreement, place)} (${role})`;
}

/** `2 steps`; a dash when fewer than two answered on the scale. */
function spreadText(locale: Locale, spread: number | null): string {
  return spread === null ? '—' : locale.t('team.report.steps', { count: spread });
}

/** The agreement as a whole percentage, cut down like every figure; a dash when there is none. */
export function agreementText(locale: Locale, agreement: number | null): string {
  return agreement === null ? '—' : locale.percent(agreement);
}

/** A mean in scale steps with two decimals (`0.67`, `0,67`); a dash when there is none. */
export function stepsFigure(locale: Locale, value: number | null): string {
  return value === null ? '—' : locale.decimal((Math.floor(value * 100 + 1e-9) / 100).toFixed(2));
}

/** `yes 2 · partly 1 · n/a 1`: how many gave each answer (by the scale's labels in a language but English, see answerLabels). */
export function distributionText(locale: Locale, disagreement: Disagreement, indicator: IndicatorSpread): string {
  const labels = answerLabels(locale, disagreement);
  return Object.entries(indicator.distribution)
    .map(([answer, count]) => `${shownAnswer(locale, answer, labels)} ${count}`)
    .join(' · ');
}

/**
 * Who answered what, from the highest answer down, then `n/a`: `yes: Alice, Bob · partly: r3`;
 * the respondents who did not answer are left out.
 */
export function whoAnsweredWhat(locale: Locale, disagreement: Disagreement, indicator: IndicatorSpread): string {
  const order = [...disagreement.scale.map((level) => level.id).reverse(), NOT_APPLICABLE];
  const labels = answerLabels(locale, disagreement);
  return order
    .flatMap((answer) => {
      const who = indicator.answers.flatMap((given, place) => (given === answer ? [respondentLabel(disagreement, place)] : []));
      return who.length === 0 ? [] : [locale.t('team.report.answeredBy', { answer: shownAnswer(locale, answer, labels), who: who.join(', ') })];
    })
    .join(' · ');
}

/** Whether an indicator is worth showing among the disagreements: a spread of a step or more, or its applicability disputed. */
export function isDisputed(indicator: IndicatorSpread): boolean {
  return (indicator.spread ?? 0) > 0 || indicator.applicabilityDisputed;
}

/** An indicator's spread, and that its applicability is disputed when it is. */
export function spreadWithApplicability(locale: Locale, indicator: IndicatorSpread): string {
  const spread = spreadText(locale, indicator.spread);
  return indicator.applicabilityDisputed ? `${spread} · ${locale.t('team.report.applicabilityDisputed')}` : spread;
}

/** The indicator of a `discussFirst` entry, found in its competency. */
export function indicatorOf(disagreement: Disagreement, competency: string, id: string): IndicatorSpread {
  return disagreement.competencies.find((candidate) => candidate.id === competency)!.indicators.find((indicator) => indicator.id === id)!;
}

/** The competency's name. */
export function competencyName(disagreement: Disagreement, id: string): string {
  return disagreement.competencies.find((competency) => competency.id === id)!.name;
}
