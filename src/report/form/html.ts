import { appliesIn } from '../../core/assessment.js';
import { scoreAssessment } from '../../core/score.js';
import type { Locale } from '../../locale/locale.js';
import type { Report } from '../../schema/report.js';
import type { Model } from '../../schema/model.js';
import { escapeHtml as e } from '../escape/html.js';
import { pageHead } from '../html-page.js';
import { embeddedJson, FORM_DATA_ID, type FormPageData } from './page-data.js';
import { FORM_STYLE } from './style.js';

export interface FormHtmlOptions {
  /** The page's messages (team.form.page.*), in the page's language. */
  locale: Locale;
  /** The page's script: the bundle the build makes of src/form-page/ (dist/form-page.js). */
  script: string;
}

/**
 * The questionnaire as one self-contained HTML page: who answers, the scale, the progress, every
 * indicator that applies (its text, stage, criteria, what to look at, advice) with a radio group
 * of the scale's answers, n/a and "not answered yet", a note and evidence, and where the answers
 * stand, each competency's stage and score. Every text from the model or the command line is
 * escaped; the script is given its data as JSON and brings the page to life (keeping, scoring,
 * downloading and opening answers). Pure: the same data and script give the same bytes.
 */
export function formatFormHtml(data: FormPageData, options: FormHtmlOptions): string {
  const { locale, script } = options;
  if (/<\/script|<!--/i.test(script)) throw new Error('the form script holds a sequence that would end its <script> element');
  const { model } = data;
  const title =
    data.organisation === null ? locale.t('team.form.page.title', { model: model.name }) : locale.t('team.form.page.titleOf', { organisation: data.organisation, model: model.name });
  const context = model.contexts?.find((candidate) => candidate.id === data.context);
  const empty: Report = scoreAssessment(model, { organisation: data.organisation ?? '', date: null, assessor: null, context: data.context, answers: new Map() }, data.language);
  return `${pageHead(data.language, title, FORM_STYLE, script)}<div class="page">
<header>
<h1>${e(title)}</h1>
<p class="meta">${e(locale.t('team.form.page.modelLine', { name: model.name, version: model.version, id: model.id }))}</p>
${context === undefined ? '' : `<p class="meta">${e(locale.t('team.form.page.contextLine', { name: context.name }))}</p>\n`}<p>${e(locale.t('team.form.page.intro'))}</p>
<p>${e(locale.t('team.form.page.privacy'))}</p>
<noscript><p><strong>${e(locale.t('team.form.page.noScript'))}</strong></p></noscript>
</header>
<main>
${about(data, locale)}
${scale(model, locale)}
${status(data, locale)}
${actions(locale)}
${questions(data, locale)}
${standing(empty, locale)}
</main>
</div>
<script type="application/json" id="${FORM_DATA_ID}">${embeddedJson(data)}</script>
<script>${script}</script>
</body>
</html>
`;
}

function about(data: FormPageData, locale: Locale): string {
  const field = (id: string, label: string, value: string | null | undefined, autocomplete: string) =>
    `<p class="field"><label for="${id}">${e(label)}</label><input type="text" id="${id}" name="${id}" autocomplete="${autocomplete}" value="${e(value ?? '')}"></p>`;
  return `<section aria-labelledby="about-heading">
<h2 id="about-heading">${e(locale.t('team.form.page.about'))}</h2>
${field('organisation', locale.t('team.form.page.organisation'), data.organisation, 'organization')}
${field('respondent-name', locale.t('team.form.page.name'), data.respondent.name, 'name')}
${field('respondent-role', locale.t('team.form.page.role'), data.respondent.role, 'organization-title')}
</section>`;
}

function scale(model: Model, locale: Locale): string {
  const entries = [
    ...model.scale.map((level) => [level.label, level.description ?? ''] as const),
    [locale.t('team.form.page.notApplicable'), locale.t('team.form.page.notApplicableDescription')] as const,
    [locale.t('team.form.page.unanswered'), locale.t('team.form.page.unansweredDescription')] as const,
  ];
  return `<section aria-labelledby="scale-heading">
<h2 id="scale-heading">${e(locale.t('team.form.page.scale'))}</h2>
<p>${e(locale.t('team.form.page.scaleIntro'))}</p>
<dl class="scale">
${entries.map(([label, description]) => `<dt>${e(label)}</dt><dd>${e(description)}</dd>`).join('\n')}
</dl>
</section>`;
}

function status(data: FormPageData, locale: Locale): string {
  const total = data.indicators.length;
  return `<section class="status-bar" aria-labelledby="progress-heading">
<h2 id="progress-heading">${e(locale.t('team.form.page.progress'))}</h2>
<progress id="progress" max="${total}" value="0" aria-labelledby="progress-heading"></progress>
<p id="progress-text" role="status">${e(locale.t('team.form.page.progressText', { answered: 0, total }))}</p>
<p class="jump"><a href="#standing-heading">${e(locale.t('team.form.page.standing'))}</a></p>
</section>`;
}

function actions(locale: Locale): string {
  return `<section aria-labelledby="actions-heading">
<h2 id="actions-heading">${e(locale.t('team.form.page.actions'))}</h2>
<div class="actions">
<button type="button" id="download">${e(locale.t('team.form.page.download'))}</button>
<p class="open"><label for="open">${e(locale.t('team.form.page.open'))}</label><input type="file" id="open" accept=".yaml,.yml,application/yaml,text/yaml"></p>
</div>
<p id="message" class="message" role="status"></p>
</section>`;
}

function questions(data: FormPageData, locale: Locale): string {
  const { model } = data;
  const stageNames = new Map(model.stages.map((stage) => [stage.id, stage.name]));
  const top = model.scale[0]!;
  const sections: string[] = [];
  let number = 0;
  model.competencies.forEach((competency, competencyIndex) => {
    const asked = competency.indicators.filter((indicator) => appliesIn(indicator, data.context));
    if (asked.length === 0) return;
    const fieldsets = asked.map((indicator) => {
      const n = number++;
      const facts = [locale.t('team.form.page.stage', { stage: stageNames.get(indicator.stage) ?? indicator.stage })];
      if (indicator.key === true) facts.push(locale.t('team.form.page.mustHave'));
      const choices = [
        ...model.scale.map((level) => [level.id, level.label] as const),
        ['n/a', locale.t('team.form.page.notApplicable')] as const,
        ['', locale.t('team.form.page.unanswered')] as const,
      ];
      return `<fieldset class="indicator" id="q-${n}">
<legend>${e(indicator.text)} <span class="indicator-id">${e(indicator.id)}</span></legend>
<p class="facts">${e(facts.join(' '))}</p>
${
  indicator.criteria === undefined
    ? ''
    : `<div class="criteria">${e(locale.t('team.form.page.criteria', { answer: top.label }))}<ul>${indicator.criteria.map((criterion) => `<li>${e(criterion)}</li>`).join('')}</ul></div>\n`
}${indicator.evidence === undefined ? '' : `<p class="prompt">${e(locale.t('team.form.page.evidencePrompt', { evidence: indicator.evidence }))}</p>\n`}${
        indicator.advice === undefined ? '' : `<p class="prompt">${e(locale.t('team.form.page.advice', { advice: indicator.advice }))}</p>\n`
      }<div class="choices">
${choices.map(([value, label], choice) => `<label><input type="radio" name="a-${n}" id="a-${n}-${choice}" value="${e(value)}"${value === '' ? ' checked' : ''}> ${e(label)}</label>`).join('\n')}
</div>
<div class="notes">
<p class="field"><label for="n-${n}">${e(locale.t('team.form.page.note'))}</label><textarea id="n-${n}" rows="2"></textarea></p>
<p class="field"><label for="e-${n}">${e(locale.t('team.form.page.evidence'))}</label><textarea id="e-${n}" rows="2"></textarea></p>
</div>
</fieldset>`;
    });
    sections.push(`<section aria-labelledby="c-${competencyIndex}">
<h2 id="c-${competencyIndex}">${e(competency.name)}</h2>
${competency.description === undefined ? '' : `<p class="competency-intro">${e(competency.description)}</p>\n`}${fieldsets.join('\n')}
</section>`);
  });
  return `<div id="questions">
${sections.join('\n')}
</div>`;
}

function standing(report: Report, locale: Locale): string {
  return `<section aria-labelledby="standing-heading">
<h2 id="standing-heading">${e(locale.t('team.form.page.standing'))}</h2>
<p>${e(locale.t('team.form.page.standingIntro'))}</p>
<p id="overall"><strong>${e(locale.t('team.form.page.overall', { stage: report.overall.stageName, score: locale.score(report.overall.score) }))}</strong></p>
<table>
<thead><tr><th scope="col">${e(locale.t('team.form.page.competencyHead'))}</th><th scope="col">${e(locale.t('team.form.page.stageHead'))}</th><th scope="col" class="score">${e(locale.t('team.form.page.scoreHead'))}</th></tr></thead>
<tbody id="standing">
${report.competencies.map((competency) => `<tr><th scope="row">${e(competency.name)}</th><td>${e(competency.stageName)}</td><td class="score">${e(locale.score(competency.score))}</td></tr>`).join('\n')}
</tbody>
</table>
</section>`;
}
