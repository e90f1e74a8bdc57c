import { distributionSpread, wideSpread } from '../../../core/disagreement.js';
import type { IndicatorResult, Report } from '../../../schema/report.js';
import { escapeHtml as e } from '../../escape/html.js';
import type { FormatOptions } from '../format.js';

/**
 * For answers combined by `consensus`: the indicators to discuss first (a spread of at least half
 * the scale's width, or `n/a` for some and an answer on the scale for others), then the spread and
 * the answers given on every indicator. Empty for one person's answers, and without the model (its
 * scale orders the answers) or a locale to say it in; so a report of one person's answers is the
 * page it always was.
 */
export function consensusSection(report: Report, options: FormatOptions): string {
  const { model, locale } = options;
  if (report.respondents === undefined || model === undefined || locale === undefined) return '';
  const wide = wideSpread(model);
  const rows = report.competencies
    .flatMap((competency) => competency.indicators.map((indicator) => ({ competency: competency.name, indicator })))
    .flatMap(({ competency, indicator }, place) => (indicator.distribution === undefined ? [] : [{ competency, indicator, place, ...distributionSpread(model, indicator.distribution) }]));
  const spreadText = (spread: number | null, disputed: boolean) => {
    const steps = spread === null ? '—' : locale.t('team.report.steps', { count: spread });
    return disputed ? `${steps} · ${locale.t('team.report.applicabilityDisputed')}` : steps;
  };
  const answers = (indicator: IndicatorResult) =>
    Object.entries(indicator.distribution!)
      .map(([answer, count]) => `${answer} ${count}`)
      .join(' · ');
  const first = rows.filter((row) => (row.spread ?? 0) >= wide || row.applicabilityDisputed).sort((a, b) => (b.spread ?? -1) - (a.spread ?? -1) || a.place - b.place);
  const discuss =
    first.length === 0
      ? `<p>${e(locale.t('team.report.nothingToDiscuss'))}</p>`
      : `<ul>\n${first.map((row) => `<li><code>${e(row.indicator.id)}</code> ${e(row.indicator.text)} — ${e(spreadText(row.spread, row.applicabilityDisputed))} (${e(answers(row.indicator))})</li>`).join('\n')}\n</ul>`;
  const table = rows
    .map((row) => `<tr><td><code>${e(row.indicator.id)}</code><br>${e(row.indicator.text)}</td><td>${e(row.competency)}</td><td>${e(spreadText(row.spread, row.applicabilityDisputed))}</td><td>${e(answers(row.indicator))}</td></tr>`)
    .join('\n');
  return `<section class="consensus-section" aria-labelledby="consensus-title">
<h2 id="consensus-title">${e(locale.t('team.report.title', { organisation: report.organisation, count: report.respondents }))}</h2>
<h3>${e(locale.t('team.report.discussFirst'))}</h3>
${discuss}
<table class="answers">
<thead><tr><th scope="col">${e(locale.t('team.report.indicator'))}</th><th scope="col">${e(locale.t('team.report.competency'))}</th><th scope="col">${e(locale.t('team.report.spread'))}</th><th scope="col">${e(locale.t('team.report.distribution'))}</th></tr></thead>
<tbody>
${table}
</tbody>
</table>
</section>
`;
}
