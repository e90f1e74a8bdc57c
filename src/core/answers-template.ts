import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { Answer } from './assessment.js';
import { indicatorCount } from './model-facts.js';

export interface AnswersTemplateOptions {
  /** What the editor modeline points at: a path or URL of the answers JSON Schema. */
  schema: string;
  /** What to write as `model:` (a built-in id or a path relative to the answers file). */
  modelRef: string;
  organisation?: string;
  date?: string | null;
  assessor?: string | null;
  /** Answers to fill in (everything else is left empty: not answered yet). */
  answers?: ReadonlyMap<string, Answer>;
}

/** Written as `organisation:` until the user names one; a value, so the file validates as it is. */
export const ORGANISATION_PLACEHOLDER = 'Your organisation';

/** Comments are wrapped to keep the file readable in any editor and in diffs. */
const WIDTH = 100;

/**
 * An answers file for a model, as YAML text: a modeline for editors, a header explaining the
 * answers, then every indicator grouped by competency and stage, each under a comment with its
 * text, stage, allowed answers and advice. Unfilled answers are left empty, which the loader
 * reads as "not answered yet", so the file validates as it is. Pure and deterministic.
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
  lines.push(...comment('or { answer: …, note: "evidence" } to keep a note. An empty answer means "not answered yet" and counts as 0.', ''));
  lines.push(`# Check it with \`cm-maturity validate <file>\` and score it with \`cm-maturity score <file>\`.`);
  lines.push('');
  lines.push(`organisation: ${yamlScalar(options.organisation ?? ORGANISATION_PLACEHOLDER)}${options.organisation === undefined ? '   # required: the organisation assessed' : ''}`);
  lines.push(`date:${valueOrEmpty(options.date)}${options.date ? '' : '   # the day of the assessment, YYYY-MM-DD'}`);
  lines.push(`model: ${yamlScalar(options.modelRef)}`);
  lines.push(`assessor:${valueOrEmpty(options.assessor)}${options.assessor ? '' : '   # who answered'}`);
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
        lines.push(`  # Stage: ${stage.name}. Answers: ${allowed}.`);
        if (indicator.advice !== undefined) lines.push(...comment(`Advice: ${indicator.advice}`, '  '));
        lines.push(`  ${yamlScalar(indicator.id)}:${answerText(options.answers?.get(indicator.id))}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The allowed answers as a user writes them: `"yes", mostly, partly, "no", n/a`. */
function allowedAnswers(model: Model): string {
  return [...model.scale.map((level) => yamlScalar(level.id)), NOT_APPLICABLE].join(', ');
}

function answerText(answer: Answer | undefined): string {
  if (answer === undefined || (answer.answer === null && answer.note === null)) return '';
  if (answer.note === null) return ` ${yamlScalar(answer.answer!)}`;
  const parts = [...(answer.answer === null ? [] : [`answer: ${yamlScalar(answer.answer)}`]), `note: ${JSON.stringify(answer.note)}`];
  return ` { ${parts.join(', ')} }`;
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

/** A text as `# ` comment lines at an indent, wrapped at word boundaries; line breaks in the text are kept. */
function comment(text: string, indent: string): string[] {
  const prefix = `${indent}# `;
  const room = Math.max(20, WIDTH - prefix.length);
  const out: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part !== '')) {
      if (line !== '' && line.length + 1 + word.length > room) {
        out.push(prefix + line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    out.push(line === '' ? prefix.trimEnd() : prefix + line);
  }
  return out;
}
