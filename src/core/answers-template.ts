import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Indicator, Model } from '../schema/model.js';
import type { Respondent } from '../schema/answers.js';
import type { Answer } from './assessment.js';
import type { SourceAnswer } from './migrate.js';
import { indicatorCount } from './model-facts.js';

export interface AnswersTemplateOptions {
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

/** Written as `organisation:` until the user names one; a value, so the file validates as it is. */
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
  const lines: string[] = [];
  const total = indicatorCount(model);
  const allowed = allowedAnswers(model);
  const width = Math.max(...model.scale.map((level) => yamlScalar(level.id).length), NOT_APPLICABLE.length);

  lines.push(`# yaml-language-server: $schema=${options.schema}`);
  lines.push(`#`);
  lines.push(...comment(`Answers for ${model.name} (model ${model.id} ${model.version}): ${total} indicators in ${model.competencies.length} competencies.`, ''));
  lines.push(`# Answer each indicator with one of:`);
  for (const level of model.scale) lines.push(`#   ${yamlScalar(level.id).padEnd(width)}  ${level.label} (${level.value})`);
  lines.push(`#   ${NOT_APPLICABLE.padEnd(width)}  does not apply here: left out of the score`);
  lines.push(
    ...comment(
      'or { answer: …, note: "…", evidence: ["a link or a short text"], checked: YYYY-MM-DD } to keep a note, what the answer rests on and when it was last checked. An empty answer means "not answered yet" and counts as 0.',
      '',
    ),
  );
  lines.push(`# Check it with \`cm-maturity validate <file>\` and score it with \`cm-maturity score <file>\`.`);
  if (model.contexts !== undefined) {
    const idWidth = Math.max(...model.contexts.map((context) => context.id.length));
    lines.push(`#`);
    lines.push(...comment('Contexts: write the one the organisation works in as context: below; the indicators of the others then do not apply.', ''));
    for (const context of model.contexts) {
      const text = `${context.name}${context.description === undefined ? '' : `: ${context.description}`}`;
      lines.push(...comment(text, '', `#   ${' '.repeat(idWidth + 2)}`, `#   ${context.id.padEnd(idWidth)}  `));
    }
  }
  if (options.migrated !== undefined) lines.push(...migratedHeader(model, options.migrated));
  if (options.combined !== undefined) lines.push('#', ...comment(options.combined.header, ''));
  lines.push('');
  lines.push(`organisation: ${yamlScalar(options.organisation ?? ORGANISATION_PLACEHOLDER)}${options.organisation === undefined ? '   # required: the organisation assessed' : ''}`);
  lines.push(`date:${valueOrEmpty(options.date)}${options.date ? '' : '   # the day of the assessment, YYYY-MM-DD'}`);
  lines.push(`model: ${yamlScalar(options.modelRef)}`);
  if (model.contexts !== undefined) {
    lines.push(`context:${valueOrEmpty(options.context)}${options.context ? '' : `   # one of: ${model.contexts.map((context) => context.id).join(', ')}; empty: every indicator applies`}`);
  }
  if (options.language) lines.push(`language: ${yamlScalar(options.language)}`);
  lines.push(`assessor:${valueOrEmpty(options.assessor)}${options.assessor ? '' : '   # who answered'}`);
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
      lines.push(...comment(`--- ${competency.name}: ${stage.name} ---`, '  '));
      const descriptor = competency.stages?.[stage.id];
      if (descriptor !== undefined) lines.push(...comment(descriptor, '  '));
      for (const indicator of indicators) {
        lines.push('');
        lines.push(...comment(indicator.text, '  '));
        if (indicator.criteria !== undefined) {
          lines.push(...comment(`Criteria for ${yamlScalar(model.scale[0]!.id)} (every one holds):`, '  '));
          for (const criterion of indicator.criteria) lines.push(...comment(`- ${criterion}`, '  ', '  #     ', '  #   '));
        }
        if (indicator.evidence !== undefined) lines.push(...comment(`Evidence: ${indicator.evidence}`, '  '));
        lines.push(...comment(`Stage: ${stage.name}. Answers: ${allowed}.${facts(indicator)}`, '  '));
        if (indicator.advice !== undefined) lines.push(...comment(`Advice: ${indicator.advice}`, '  '));
        const carried = options.migrated?.carried.get(indicator.id);
        if (carried !== undefined) lines.push(...comment(reviewMark(options.migrated!, carried), '  '));
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

/** What an indicator's comment says beyond its stage and answers: must-have, effort, owner, contexts. */
function facts(indicator: Indicator): string {
  const parts = [];
  if (indicator.key === true) parts.push('Must-have: its stage is not met without it.');
  if (indicator.effort !== undefined) parts.push(`Effort: ${indicator.effort}.`);
  if (indicator.owner !== undefined) parts.push(`Owner: ${indicator.owner}.`);
  if (indicator.contexts !== undefined) parts.push(`Only in the contexts: ${indicator.contexts.join(', ')}.`);
  return parts.map((part) => ` ${part}`).join('');
}

/** "Review: carried over from community 1.0 strategy.plan ("yes"), …; check it against …, then delete this mark." */
function reviewMark(migrated: MigratedFrom, carried: readonly SourceAnswer[]): string {
  const from = carried.map((source) => `${source.id} (${source.answer === null ? 'not answered' : yamlScalar(source.answer)})`).join(', ');
  return `Review: carried over from ${migrated.model} ${migrated.version} ${from}; check it against this version's text and criteria, then delete this mark.`;
}

/** The header of a migrated file: where its answers come from, the model's note on what changed, and the answers left behind. */
function migratedHeader(model: Model, migrated: MigratedFrom): string[] {
  const lines = ['#'];
  lines.push(
    ...comment(
      `Migrated from ${migrated.model} ${migrated.version} to ${model.id} ${model.version} by cm-maturity migrate: ${migrated.carried.size} ${migrated.carried.size === 1 ? 'indicator takes' : 'indicators take'} over earlier answers, each marked "Review:" above it; the other indicators start unanswered.`,
      '',
    ),
  );
  for (const note of migrated.notes) lines.push(...comment(note, ''));
  if (migrated.dropped.length > 0) {
    lines.push(...comment(`Not carried over (no indicator of ${model.version} takes them):`, ''));
    for (const { id, answer } of migrated.dropped) {
      const note = answer.note === null ? '' : ` (note: ${JSON.stringify(answer.note)})`;
      lines.push(...comment(`- ${id}: ${answer.answer === null ? 'not answered' : yamlScalar(answer.answer)}${note}`, '', '#     ', '#   '));
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
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
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
