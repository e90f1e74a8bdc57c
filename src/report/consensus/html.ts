import { escapeHtml as e } from '../escape/html.js';
import { pageHead } from '../html-page.js';
import type { Disagreement, IndicatorSpread } from '../../schema/disagreement.js';
import type { DisagreementFormatter } from './format.js';
import {
  agreementText,
  competencyName,
  distributionText,
  indicatorOf,
  respondentLabel,
  respondentWithRole,
  spreadWithApplicability,
  stepsFigure,
  whoAnsweredWhat,
} from './text.js';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#1b1f24;max-width:72rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
.meta{color:#454c54;margin:0}.note{color:#454c54;font-size:.9rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}td.number,th.number{text-align:right;white-space:nowrap}
tr.wide td{background:#fff4e5}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;


/** A table of cells already escaped; `numbers` names the columns aligned right. */
function table(head: readonly string[], rows: readonly { cells: readonly string[]; wide?: boolean }[], numbers: readonly number[] = []): string {
  const cell = (tag: string, text: string, index: number) => `<${tag}${numbers.includes(index) ? ' class="number"' : ''}${tag === 'th' ? ' scope="col"' : ''}>${text}</${tag}>`;
  return `<table>
<thead><tr>${head.map((text, index) => cell('th', e(text), index)).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr${row.wide ? ' class="wide"' : ''}>${row.cells.map((text, index) => cell('td', text, index)).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
}

/**
 * Where respondents disagree, as one self-contained HTML page: what to discuss first, each
 * competency's agreement and the spread of every one of its indicators with who answered what, and
 * the calibration hint. Inline CSS allowed by hash, no script, nothing loaded; every text escaped.
 */
export const formatDisagreementHtml: DisagreementFormatter = (disagreement, options) => {
  const { locale } = options;
  const count = disagreement.respondents.length;
  const title = locale.t('team.report.title', { organisation: disagreement.organisation, count });
  const wide = new Set(disagreement.discussFirst.map((entry) => entry.id));
  const indicatorRow = (indicator: IndicatorSpread) => ({
    cells: [e(indicator.id), e(indicator.text), e(spreadWithApplicability(locale, indicator)), e(distributionText(locale, disagreement, indicator)), e(whoAnsweredWhat(locale, disagreement, indicator))],
    wide: wide.has(indicator.id),
  });
  const sections = disagreement.competencies.map(
    (competency) => `<section>
<h3>${e(competency.name)} — ${e(agreementText(locale, competency.agreement))}</h3>
${table([locale.t('team.report.indicator'), locale.t('team.report.text'), locale.t('team.report.spread'), locale.t('team.report.distribution'), locale.t('team.report.answers')], competency.indicators.map(indicatorRow))}
</section>`,
  );
  const discuss =
    disagreement.discussFirst.length === 0
      ? `<p>${e(locale.t('team.report.nothingToDiscuss'))}</p>`
      : table(
          [locale.t('team.report.indicator'), locale.t('team.report.competency'), locale.t('team.report.text'), locale.t('team.report.spread'), locale.t('team.report.answers')],
          disagreement.discussFirst.map(({ id, competency }) => {
            const indicator = indicatorOf(disagreement, competency, id);
            return { cells: [e(id), e(competencyName(disagreement, competency)), e(indicator.text), e(spreadWithApplicability(locale, indicator)), e(whoAnsweredWhat(locale, disagreement, indicator))] };
          }),
        );
  return `${pageHead(locale.language, title, STYLE)}<header>
<h1>${e(title)}</h1>
<p class="meta">${e(locale.t('team.report.model', { name: disagreement.model.name, version: disagreement.model.version, id: disagreement.model.id }))} · ${e(locale.t('team.report.agreement', { agreement: agreementText(locale, disagreement.agreement) }))}</p>
<p class="meta">${e(locale.t('team.report.respondents', { names: disagreement.respondents.map((_, place) => respondentWithRole(disagreement, place)).join(', ') }))}</p>
</header>
<main>
<h2>${e(locale.t('team.report.discussFirst'))}</h2>
${discuss}
<h2>${e(locale.t('team.report.byCompetency'))}</h2>
${table(
  [locale.t('team.report.competency'), locale.t('team.report.agreementHead'), locale.t('team.report.meanSpread'), locale.t('team.report.compared')],
  disagreement.competencies.map((competency) => ({ cells: [e(competency.name), e(agreementText(locale, competency.agreement)), e(stepsFigure(locale, competency.meanSpread)), e(competency.compared)] })),
  [1, 2, 3],
)}
<p class="note">${e(locale.t('team.report.agreementDefinition'))}</p>
${sections.join('\n')}
<h2>${e(locale.t('team.report.calibration'))}</h2>
<p class="note">${e(locale.t('team.report.calibrationDefinition'))}</p>
${table(
  [locale.t('team.report.respondent'), locale.t('team.report.deviation'), locale.t('team.report.compared')],
  disagreement.calibration.map((entry) => ({ cells: [e(respondentLabel(disagreement, entry.respondent)), e(stepsFigure(locale, entry.deviation)), e(entry.compared)] })),
  [1, 2],
)}
</main>
</body>
</html>
`;
};
