import type answers from '../../locales/en/answers.json';
import type cli from '../../locales/en/cli.json';
import type input from '../../locales/en/input.json';
import type report from '../../locales/en/report.json';
import type reports from '../../locales/en/reports.json';
import type team from '../../locales/en/team.json';

/**
 * The catalogue of a language is a folder, `locales/<language>/`, of one JSON file per area of the
 * tool: flat keys, each an ICU MessageFormat message, which translation platforms read as they are.
 * A message's full key is its area and its key in that file: `report.table.title`.
 *
 * - `cli`: help, options, usage errors and what commands say as they run;
 * - `input`: errors and warnings about input files;
 * - `report`: the fixed texts of one organisation's report, in every format;
 * - `reports`: those of the other reports (portfolio, benchmark, diff, history, models, validate);
 * - `answers`: the texts `init`, `assess`, `migrate` and `plan` write into files and ask;
 * - `team`: the questionnaire form, consensus and survey imports.
 */
export const AREAS = ['cli', 'input', 'report', 'reports', 'answers', 'team'] as const;

export type Area = (typeof AREAS)[number];

/** One area's messages, by key. */
export type Catalogue = Readonly<Record<string, string>>;

type KeysOf<Name extends Area, Messages> = `${Name}.${keyof Messages & string}`;

/** Every message key, as the English catalogue (the reference) defines them. */
export type MessageKey =
  | KeysOf<'cli', typeof cli>
  | KeysOf<'input', typeof input>
  | KeysOf<'report', typeof report>
  | KeysOf<'reports', typeof reports>
  | KeysOf<'answers', typeof answers>
  | KeysOf<'team', typeof team>;
