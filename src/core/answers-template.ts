import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Indicator, Model } from '../schema/model.js';
import type { Respondent } from '../schema/answers.js';
import type { Answer } from './assessment.js';
import type { SourceAnswer } from './migrate.js';
import { indicatorCount } from './model-facts.js';
import type { Locale } from '../locale/locale.js';

export interface AnswersTemplateOptions {
  /** The language of the comments; ids, keys and answers are the same in every language. */
  locale: Locale;
  /** What the editor modeline points at: a path or URL of the answers JSON Schema. */
  schema: string;
  /** What to write as `model:` (a built-in id or a path relative to the answers file). */
  modelRef: string;
  organisation?: string;
  date?: string | null;
  assessor?: string | null;
  /** The model's context the organisation works in (for a model with contexts); empty when not given. */
  context?: string | null;
  /** Answers to fill in (everything else is left empty: not answered yet). */
  answers?: ReadonlyMap<string, Answer>;
  /** For a file migrated from an earlier version of the model: what was carried over, to be reviewed. */
  migrated?: MigratedFrom;
  /** Who gave the answers, when several people answer separately (`respondent:`). */
  respondent?: Respondent | null;
  /** For answers combined from several respondents' files by `consensus`. */
  combined?: CombinedFrom;
  /** The language of the reports (`language:`), when the answers state one. */
  language?: string | null;
}

/** What `consensus` writes into the file it makes: a header, how many respondents, and who. */
export interface CombinedFrom {
  /** Said in the file's header: how the answers were combined (already in the run's language). */
  header: string;
  respondents: number;
  /** The respondents who gave a name or a role. */
  panel: readonly Respondent[];
}

/** What `migrate` tells the reader of the file it writes: where the answers come from, which to review and which were left behind. */
export interface MigratedFrom {
  /** The model id and version the answers were written for. */
  model: string;
  version: string;
  /** The model's own note on what changed, if it gives one (the migration's `note`; several for a chain). */
  notes: readonly string[];
  /** For each indicator that took over an earlier answer, note or evidence: the earlier answers, each marked for review above its answer. */
  carried: ReadonlyMap<string, readonly SourceAnswer[]>;
  /** Earlier answers no indicator takes over, named in the header. */
  dropped: readonly { id: string; answer: Answer }[];
}

/**
 * Written as `organisation:` of an English file until the user names one; a value, so the file
 * validates as it is (each language writes its own: `answers.template.organisationPlaceholder`).
 */
export const ORGANISATION_PLACEHOLDER = 'Your organisation';

/** Comments are wrapped to keep the file readable in any editor and in diffs. */
const WIDTH = 100;

/**
 * An answers file for a model, as YAML text: a modeline for editors, a header explaining the
 * answers (and the model's contexts), then every indicator grouped by competency and stage, each
 * under a comment with its text, criteria, evidence to look at, stage, allowed answers, whether it
 * is a must-have, its effort, owner and contexts, and advice; for a migrated file, a review mark
 * above each answer carried over. Unfilled answers are left empty, which the loader reads as "not
 * answered yet", so the file validates as it is. Pure and deterministic.
 */
export function answersTemplate(model: Model, options: AnswersTemplateOptions): string {
  const { locale } = options;
  const lines: string[] = [];
  const total = indicatorCount(model);
  const allowed = allowedAnswers(model);
  const width = Math.max(...model.scale.map((level) => yamlScalar(level.id).length), NOT_APPLICABLE.length);

  lines.push(`# yaml-language-server: $schema=${options.schema}`);
  lines.push(`#`);
  lines.push(...comment(locale.t('answers.template.header', { model: model.name, id: model.id, version: model.version, indicators: total, competencies: model.competencies.length }), ''));
  lines.push(`# ${locale.t('answers.template.answerWith')}`);
  for (const level of model.scale) lines.push(`#   ${yamlScalar(level.id).padEnd(width)}  ${level.label} (${locale.decimal(String(level.value))})`);
  lines.push(`#   ${NOT_APPLICABLE.padEnd(width)}  ${locale.t('answers.template.notApplicable')}`);
  lines.push(...comment(locale.t('answers.template.detailedAnswer'), ''));
  lines.push(...comment(locale.t('answers.template.check'), ''));
  if (model.contexts !== undefined) {
    const idWidth = Math.max(...model.contexts.map((context) => context.id.length));
    lines.push(`#`);
    lines.push(...comment(locale.t('answers.template.contexts'), ''));
    for (const context of model.contexts) {
      const text = context.description === undefined ? context.name : locale.t('answers.template.contextLine', { name: context.name, description: context.description });
      lines.push(...comment(text, '', `#   ${' '.repeat(idWidth + 2)}`, `#   ${context.id.padEnd(idWidth)}  `));
    }
  }
  if (options.migrated !== undefined) lines.push(...migratedHeader(locale, model, options.migrated));
  if (options.combined !== undefined) lines.push('#', ...comment(options.combined.header, ''));
  lines.push('');
  const placeholder = locale.t('answers.template.organisationPlaceholder');
  lines.push(`organisation: ${yamlScalar(options.organisation ?? placeholder)}${options.organisation === undefined ? `   # ${locale.t('answers.template.organisationHint')}` : ''}`);
  lines.push(`date:${valueOrEmpty(options.date)}${options.date ? '' : `   # ${locale.t('answers.template.dateHint')}`}`);
  lines.push(`model: ${yamlScalar(options.modelRef)}`);
  if (model.contexts !== undefined) {
    const contexts = model.contexts.map((context) => context.id).join(', ');
    lines.push(`context:${valueOrEmpty(options.context)}${options.context ? '' : `   # ${locale.t('answers.template.contextHint', { contexts })}`}`);
  }
  if (options.language) lines.push(`language: ${yamlScalar(options.language)}`);
  lines.push(`assessor:${valueOrEmpty(options.assessor)}${options.assessor ? '' : `   # ${locale.t('answers.template.assessorHint')}`}`);
  if (options.respondent?.name || options.respondent?.role) lines.push(`respondent: ${respondentMapping(options.respondent)}`);
  if (options.combined !== undefined) lines.push(...combinedLines(options.combined));
  lines.push('answers:');

  for (const competency of model.competencies) {
    lines.push('');
    lines.push(`  # ${'='.repeat(WIDTH - 4)}`);
    lines.push(...comment(`${competency.name} (${competency.id})`, '  '));
    if (competency.description !== undefined) lines.push(...comment(competency.description, '  '));
    lines.push(`  # ${'='.repeat(WIDTH - 4)}`);
    for (const stage of model.stages.slice(1)) {
      const indicators = competency.indicators.filter((indicator) => indicator.stage === stage.id);
      if (indicators.length === 0) continue;
      lines.push('');
      lines.push(...comment(locale.t('answers.template.stageHeading', { competency: competency.name, stage: stage.name }), '  '));
      const descriptor = competency.stages?.[stage.id];
      if (descriptor !== undefined) lines.push(...comment(descriptor, '  '));
      for (const indicator of indicators) {
        lines.push('');
        lines.push(...comment(indicator.text, '  '));
        if (indicator.criteria !== undefined) {
          lines.push(...comment(locale.t('answers.template.criteria', { answer: yamlScalar(model.scale[0]!.id) }), '  '));
          for (const criterion of indicator.criteria) lines.push(...comment(`- ${criterion}`, '  ', '  #     ', '  #   '));
        }
        if (indicator.evidence !== undefined) lines.push(...comment(locale.t('answers.template.evidence', { evidence: indicator.evidence }), '  '));
        lines.push(...comment([locale.t('answers.template.stage', { stage: stage.name, answers: allowed }), ...facts(locale, indicator)].join(' '), '  '));
        if (indicator.advice !== undefined) lines.push(...comment(locale.t('answers.template.advice', { advice: indicator.advice }), '  '));
        const carried = options.migrated?.carried.get(indicator.id);
        if (carried !== undefined) lines.push(...comment(reviewMark(locale, options.migrated!, carried), '  '));
        lines.push(...answerLines(indicator.id, options.answers?.get(indicator.id)));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The allowed answers as a user writes them: `"yes", mostly, partly, "no", n/a`. */
function allowedAnswers(model: Model): string {
  return [...model.scale.map((level) => yamlScalar(level.id)), NOT_APPLICABLE].join(', ');
}

/** What an indicator's comment says beyond its stage and answers: must-have, effort, owner, contexts; one sentence each. */
function facts(locale: Locale, indicator: Indicator): string[] {
  const parts = [];
  if (indicator.key === true) parts.push(locale.t('answers.template.mustHave'));
  if (indicator.effort !== undefined) parts.push(locale.t('answers.template.effort', { effort: indicator.effort }));
  if (indicator.owner !== undefined) parts.push(locale.t('answers.template.owner', { owner: indicator.owner }));
  if (indicator.contexts !== undefined) parts.push(locale.t('answers.template.onlyInContexts', { contexts: indicator.contexts.join(', ') }));
  return parts;
}

/** An earlier answer as a comment names it: the answer, or that there was none. */
function answerText(locale: Locale, answer: string | null): string {
  return answer === null ? locale.t('answers.template.notAnswered') : yamlScalar(answer);
}

/** "Review: carried over from community 1.0 strategy.plan ("yes"), …; check it against …, then delete this mark." */
function reviewMark(locale: Locale, migrated: MigratedFrom, carried: readonly SourceAnswer[]): string {
  const from = carried.map((source) => `${source.id} (${answerText(locale, source.answer)})`).join(', ');
  return locale.t('answers.template.review', { model: migrated.model, version: migrated.version, from });
}

/** The header of a migrated file: where its answers come from, the model's note on what changed, and the answers left behind. */
function migratedHeader(locale: Locale, model: Model, migrated: MigratedFrom): string[] {
  const lines = ['#'];
  const values = { fromModel: migrated.model, fromVersion: migrated.version, id: model.id, version: model.version, carried: migrated.carried.size };
  lines.push(...comment(locale.t('answers.template.migrated', values), ''));
  for (const note of migrated.notes) lines.push(...comment(note, ''));
  if (migrated.dropped.length > 0) {
    lines.push(...comment(locale.t('answers.template.notCarried', { version: model.version }), ''));
    for (const { id, answer } of migrated.dropped) {
      const given = { id, answer: answerText(locale, answer.answer) };
      const text = answer.note === null ? locale.t('answers.template.dropped', given) : locale.t('answers.template.droppedWithNote', { ...given, note: JSON.stringify(answer.note) });
      lines.push(...comment(text, '', '#     ', '#   '));
    }
  }
  return lines;
}

/**
 * An indicator's answer as YAML lines: empty when unanswered; a bare answer; `{ answer, note }` on
 * one line; a block mapping when it also gives evidence, the date it was checked or (combined
 * answers) how many respondents gave each answer.
 */
function answerLines(id: string, answer: Answer | undefined): string[] {
  const key = `  ${yamlScalar(id)}:`;
  if (answer === undefined || (answer.answer === null && answer.note === null && answer.evidence === undefined && answer.checked === undefined && answer.distribution === undefined)) return [key];
  if (answer.evidence === undefined && answer.checked === undefined && answer.distribution === undefined) {
    if (answer.note === null) return [`${key} ${yamlScalar(answer.answer!)}`];
    const parts = [...(answer.answer === null ? [] : [`answer: ${yamlScalar(answer.answer)}`]), `note: ${JSON.stringify(answer.note)}`];
    return [`${key} { ${parts.join(', ')} }`];
  }
  const lines = [key];
  if (answer.answer !== null) lines.push(`    answer: ${yamlScalar(answer.answer)}`);
  if (answer.note !== null) lines.push(`    note: ${JSON.stringify(answer.note)}`);
  if (answer.evidence !== undefined) {
    lines.push('    evidence:');
    for (const item of answer.evidence) lines.push(`      - ${JSON.stringify(item)}`);
  }
  if (answer.checked !== undefined) lines.push(`    checked: ${answer.checked}`);
  if (answer.distribution !== undefined) {
    lines.push('    distribution:');
    for (const [given, count] of Object.entries(answer.distribution)) lines.push(`      ${yamlScalar(given)}: ${count}`);
  }
  return lines;
}

/** `respondents:` and, when any respondent gave a name or a role, `panel:`. */
function combinedLines(combined: CombinedFrom): string[] {
  const lines = [`respondents: ${combined.respondents}`];
  if (combined.panel.length > 0) {
    lines.push('panel:');
    for (const respondent of combined.panel) lines.push(`  - ${respondentMapping(respondent)}`);
  }
  return lines;
}

/** `{ name: "Alice", role: "community manager" }`, each key only when given. */
function respondentMapping(respondent: Respondent): string {
  const parts = [...(respondent.name ? [`name: ${JSON.stringify(respondent.name)}`] : []), ...(respondent.role ? [`role: ${JSON.stringify(respondent.role)}`] : [])];
  return `{ ${parts.join(', ')} }`;
}

function valueOrEmpty(value: string | null | undefined): string {
  return value ? ` ${yamlScalar(value)}` : '';
}

/** Words that YAML 1.1 tools (and some editors) read as booleans or null: always quoted. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/**
 * A string as a YAML scalar that reads back as the same string: plain when that is unambiguous,
 * else double-quoted (a JSON string is a valid YAML double-quoted scalar).
 */
export function yamlScalar(value: string): string {
  const plain = /^[A-Za-z_/][A-Za-z0-9 ._/()'&,+-]*$/.test(value) && !/[ ]$/.test(value) && !RESERVED.test(value);
  return plain ? value : JSON.stringify(value);
}

/**
 * A text as `# ` comment lines at an indent, wrapped at word boundaries; line breaks in the text
 * are kept. `first` starts the first line (a list item's `#   - `), `rest` the lines after it
 * (indented under the item's text).
 */
function comment(text: string, indent: string, rest = `${indent}# `, first = `${indent}# `): string[] {
  const out: string[] = [];
  let prefix = first;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    // No-break spaces hold their words together, as French typography puts them before a colon.
    for (const word of paragraph.split(/[^\S\u00a0\u202f]+/).filter((part) => part !== '')) {
      if (line !== '' && prefix.length + line.length + 1 + word.length > WIDTH) {
        out.push(prefix + line);
        prefix = rest;
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(line === '' ? prefix.trimEnd() : prefix + line);
    prefix = rest;
  }
  return out;
}
