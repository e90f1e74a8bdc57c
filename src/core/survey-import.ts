import type { Locale } from '../locale/locale.js';
import type { Respondent } from '../schema/answers.js';
import type { DateOrder, ImportMap } from '../schema/import-map.js';
import { NOT_APPLICABLE } from '../schema/constants.js';
import type { Model } from '../schema/model.js';
import type { Answer } from './assessment.js';
import { inlineText, quoted } from './quote.js';
import { closest, didYouMean } from './suggest.js';
import { dayOf, ordersOf, readDate, type ReadDate } from './survey-dates.js';

/** A survey export as rows of cells: the header row of question titles, then one row per respondent. */
export interface SurveyTable {
  header: readonly string[];
  /** Each respondent's row, with its number as a spreadsheet shows it (the header is row 1). */
  rows: readonly { row: number; cells: readonly string[] }[];
}

/** What a column may hold besides answers and notes. */
const SURVEY_FIELDS = ['timestamp', 'name', 'role', 'email', 'organisation'] as const;

type SurveyField = (typeof SURVEY_FIELDS)[number];

/** What one column of the export holds. */
type ColumnRole = { kind: 'answer'; indicator: string } | { kind: 'note'; indicator: string } | { kind: 'field'; field: SurveyField } | { kind: 'ignored' };

/** A problem in the export (row and column as a spreadsheet numbers them, from 1) or in the mapping file (by its path). */
export type SurveyIssue =
  | { in: 'export'; row: number; column: number; code: string; message: string }
  | { in: 'map'; path: (string | number)[]; at: 'key' | 'value'; code: string; message: string };

/** One respondent's row, ready to be written as an answers file. */
export interface ImportedRespondent {
  row: number;
  organisation: string;
  date: string | null;
  respondent: Respondent | null;
  answers: ReadonlyMap<string, Answer>;
}

export interface SurveyImportOptions {
  model: Model;
  /** The scale's labels in every language the model is translated into (the model's own included), by scale id. */
  labels: readonly { id: string; label: string }[];
  /** How `n/a` is said in every language, besides `n/a` itself. */
  notApplicable: readonly string[];
  map?: ImportMap;
  /** The organisation of every respondent whose row does not name one. */
  organisation?: string;
  /** How dates with the year last are read (`--dates`, else the mapping file's `dates:`). */
  dates?: DateOrder;
  locale: Locale;
}

/**
 * Columns that survey tools add to every export and that say nothing an answers file holds, by
 * their title as `looseText` makes it: passed over unless a mapping file or a bracketed id says
 * otherwise. Timestamps, names and e-mail addresses as Google Forms and Microsoft Forms title them
 * (in English and French) are recognised as such.
 */
const KNOWN_COLUMNS: Readonly<Record<string, SurveyField | 'ignored'>> = {
  timestamp: 'timestamp',
  horodateur: 'timestamp',
  horodatage: 'timestamp',
  'completion time': 'timestamp',
  'heure de fin': 'timestamp',
  'email address': 'email',
  email: 'email',
  'e-mail': 'email',
  'adresse e-mail': 'email',
  'adresse email': 'email',
  name: 'name',
  nom: 'name',
  id: 'ignored',
  'start time': 'ignored',
  'heure de debut': 'ignored',
  'last modified time': 'ignored',
  'heure de la derniere modification': 'ignored',
  'total points': 'ignored',
  'quiz feedback': 'ignored',
  score: 'ignored',
};

/**
 * Text compared whatever its case, accents, apostrophes and spacing: `Plutôt oui`, `plutot OUI`
 * and ` plutôt  oui ` are one text.
 */
function looseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A column title as a mapping file names it: as written, spaces at either end aside and runs of spaces as one. */
function titleKey(title: string): string {
  return title.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Control characters other than tab and line breaks, and Unicode noncharacters: what an answers file cannot hold as it is. */
const FORBIDDEN_CHARACTER = /(?![\t\n\r])\p{Cc}|\p{Noncharacter_Code_Point}/u;

/** A bracketed id at the end of a question title: `How clear is the purpose? [strategy.purpose]`. */
const BRACKETED = /\[([^\][]*)\]\s*$/;

/**
 * Turns a survey export into one respondent per row: every column matched to an indicator's answer
 * or note, or to the respondent's timestamp, name, role, e-mail address or organisation, and every
 * cell read. Every problem is returned at once, at its row and column, or at its place in the
 * mapping file; the respondents are returned only when there is none. Pure.
 */
export function importSurvey(table: SurveyTable, options: SurveyImportOptions): { respondents: ImportedRespondent[]; issues: SurveyIssue[] } {
  const { locale } = options;
  const issues: SurveyIssue[] = [];
  const at = (row: number, column: number, code: string, message: string) => issues.push({ in: 'export', row, column, code, message });
  const roles = columnRoles(table, options, issues);
  const words = answerWords(options);
  const accepted = acceptedAnswers(options);
  const column = (role: (role: ColumnRole) => boolean) => roles.findIndex((found) => found !== undefined && role(found));
  const timestampColumn = column((role) => role.kind === 'field' && role.field === 'timestamp');
  const nameColumn = column((role) => role.kind === 'field' && role.field === 'name');
  const roleColumn = column((role) => role.kind === 'field' && role.field === 'role');
  const organisationColumn = column((role) => role.kind === 'field' && role.field === 'organisation');
  if (issues.length === 0 && !roles.some((role) => role?.kind === 'answer')) at(1, 1, 'no-answer-column', locale.t('team.import.noAnswerColumn'));
  if (table.rows.length === 0) at(1, 1, 'no-respondent', locale.t('team.import.noRespondent'));
  if (organisationColumn === -1 && options.organisation === undefined) at(1, 1, 'no-organisation', locale.t('team.import.noOrganisation'));
  const dates = timestampColumn === -1 ? undefined : columnDates(table, timestampColumn, options.dates, at, locale);

  const respondents: ImportedRespondent[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.length > table.header.length && cells.slice(table.header.length).some((cell) => cell.trim() !== '')) {
      at(row, table.header.length + 1, 'extra-cells', locale.t('team.import.extraCells', { count: cells.length, columns: table.header.length }));
    }
    const cell = (index: number): string => (index === -1 ? '' : (cells[index] ?? '').trim());
    const answers = new Map<string, Answer>();
    roles.forEach((role, index) => {
      const value = cell(index);
      if (role === undefined || role.kind === 'ignored' || value === '') return;
      // What is written to the file; an e-mail address never is, and a timestamp is read as a date.
      if (role.kind !== 'field' || (role.field !== 'email' && role.field !== 'timestamp')) {
        const forbidden = FORBIDDEN_CHARACTER.exec(value);
        if (forbidden) {
          at(row, index + 1, 'forbidden-character', locale.t('team.import.forbiddenCharacter', { name: `U+${forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` }));
          return;
        }
      }
      if (role.kind === 'answer') {
        const answer = words.get(looseText(value));
        if (answer === undefined) at(row, index + 1, 'unknown-answer', locale.t('team.import.unknownAnswer', { value: quoted(value), indicator: role.indicator, accepted }));
        else answers.set(role.indicator, { answer, note: answers.get(role.indicator)?.note ?? null });
      } else if (role.kind === 'note') {
        answers.set(role.indicator, { answer: answers.get(role.indicator)?.answer ?? null, note: value });
      }
    });
    const organisation = cell(organisationColumn) || options.organisation;
    if (organisation === undefined && organisationColumn !== -1) at(row, organisationColumn + 1, 'no-organisation', locale.t('team.import.emptyOrganisation'));
    const name = cell(nameColumn);
    const role = cell(roleColumn);
    respondents.push({
      row,
      organisation: organisation ?? '',
      date: dates?.get(row) ?? null,
      respondent: name === '' && role === '' ? null : { ...(name !== '' ? { name } : {}), ...(role !== '' ? { role } : {}) },
      answers: ordered(answers, options.model),
    });
  }
  return issues.length > 0 ? { respondents: [], issues } : { respondents, issues };
}

/** The answers in the model's order of indicators, whatever the order of the columns. */
function ordered(answers: ReadonlyMap<string, Answer>, model: Model): ReadonlyMap<string, Answer> {
  const result = new Map<string, Answer>();
  for (const competency of model.competencies) {
    for (const indicator of competency.indicators) {
      const answer = answers.get(indicator.id);
      if (answer !== undefined) result.set(indicator.id, answer);
    }
  }
  return result;
}

/** What each column holds (undefined: an empty column, passed over), with a problem for every column that cannot be matched or is matched twice. */
function columnRoles(table: SurveyTable, options: SurveyImportOptions, issues: SurveyIssue[]): (ColumnRole | undefined)[] {
  const { locale, model, map } = options;
  const { header } = table;
  const indicators = new Set(model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id)));
  const mapped = mappedTitles(map, indicators, header, options, issues);
  const taken = new Map<string, number>();
  return header.map((title, index) => {
    const column = index + 1;
    const fail = (code: string, message: string): undefined => {
      issues.push({ in: 'export', row: 1, column, code, message });
      return undefined;
    };
    const role = mapped.get(titleKey(title)) ?? bracketedRole(title, indicators) ?? knownRole(title);
    if (role === undefined) {
      // A column without a title or a cell: a separator left at the end of each line.
      if (title.trim() === '' && table.rows.every(({ cells }) => (cells[index] ?? '').trim() === '')) return undefined;
      const bracketed = BRACKETED.exec(title);
      if (bracketed) return fail('unknown-indicator', locale.t('team.import.unknownIndicator', { id: inlineText(bracketed[1]!.trim()), model: `${model.id} ${model.version}`, suggestion: didYouMean(bracketed[1]!.trim(), indicators, locale) }));
      return fail('unmatched-column', locale.t('team.import.unmatchedColumn', { title: quoted(title) }));
    }
    if (role.kind === 'ignored') return role;
    const target = role.kind === 'field' ? role.field : `${role.kind} ${role.indicator}`;
    const first = taken.get(target);
    if (first !== undefined) {
      const what = role.kind === 'field' ? role.field : role.indicator;
      return fail('column-twice', locale.t('team.import.columnTwice', { kind: role.kind, what, first: columnName(first) }));
    }
    taken.set(target, column);
    return role;
  });
}

/** The titles the mapping file names, and what each column holds, with a problem at the file's place for each title or id that matches nothing. */
function mappedTitles(map: ImportMap | undefined, indicators: ReadonlySet<string>, header: readonly string[], options: SurveyImportOptions, issues: SurveyIssue[]): Map<string, ColumnRole> {
  const { locale, model } = options;
  const mapped = new Map<string, ColumnRole>();
  if (map === undefined) return mapped;
  const titles = header.map(titleKey);
  const entry = (path: (string | number)[], title: string, role: ColumnRole) => {
    const key = titleKey(title);
    const atKey = path.length > 1 && typeof path[1] === 'string';
    if (!titles.includes(key)) {
      issues.push({ in: 'map', path, at: atKey ? 'key' : 'value', code: 'unknown-column', message: locale.t('team.import.map.unknownColumn', { title: quoted(title), suggestion: titleSuggestion(key, titles, locale) }) });
      return;
    }
    if (titles.indexOf(key) !== titles.lastIndexOf(key)) {
      issues.push({ in: 'map', path, at: atKey ? 'key' : 'value', code: 'title-twice', message: locale.t('team.import.map.titleTwice', { title: quoted(title), first: columnName(titles.indexOf(key) + 1), second: columnName(titles.lastIndexOf(key) + 1) }) });
      return;
    }
    if (mapped.has(key)) {
      issues.push({ in: 'map', path, at: atKey ? 'key' : 'value', code: 'mapped-twice', message: locale.t('team.import.map.mappedTwice', { title: quoted(title) }) });
      return;
    }
    if ((role.kind === 'answer' || role.kind === 'note') && !indicators.has(role.indicator)) {
      issues.push({ in: 'map', path, at: 'value', code: 'unknown-indicator', message: locale.t('team.import.map.unknownIndicator', { id: inlineText(role.indicator), model: `${model.id} ${model.version}`, suggestion: didYouMean(role.indicator, indicators, locale) }) });
      // The column is the mapping file's to fix, not the export's.
      mapped.set(key, { kind: 'ignored' });
      return;
    }
    mapped.set(key, role);
  };
  for (const [title, indicator] of Object.entries(map.answers ?? {})) entry(['answers', title], title, { kind: 'answer', indicator });
  for (const [title, indicator] of Object.entries(map.notes ?? {})) entry(['notes', title], title, { kind: 'note', indicator });
  for (const field of SURVEY_FIELDS) {
    const title = map[field];
    if (title !== undefined && title !== null) entry([field], title, { kind: 'field', field });
  }
  (map.ignore ?? []).forEach((title, index) => entry(['ignore', index], title, { kind: 'ignored' }));
  return mapped;
}

/** " (did you mean "Is there a sponsor?")" or nothing: the title of the export closest to one a mapping file names. */
function titleSuggestion(title: string, titles: readonly string[], locale: Locale): string {
  const match = closest(title, titles.filter((found) => found !== ''));
  return match === undefined ? '' : locale.t('input.suggest.did-you-mean', { candidate: quoted(match) });
}

/** What a title's bracketed end says: an indicator (`[strategy.purpose]`), its note (`[strategy.purpose note]`) or a field (`[name]`). */
function bracketedRole(title: string, indicators: ReadonlySet<string>): ColumnRole | undefined {
  const match = BRACKETED.exec(title);
  if (!match) return undefined;
  const words = match[1]!.trim().split(/\s+/);
  if (words.length === 1 && indicators.has(words[0]!)) return { kind: 'answer', indicator: words[0]! };
  if (words.length === 2 && words[1] === 'note' && indicators.has(words[0]!)) return { kind: 'note', indicator: words[0]! };
  if (words.length === 1 && (SURVEY_FIELDS as readonly string[]).includes(words[0]!)) return { kind: 'field', field: words[0] as SurveyField };
  return undefined;
}

function knownRole(title: string): ColumnRole | undefined {
  const known = Object.hasOwn(KNOWN_COLUMNS, looseText(title)) ? KNOWN_COLUMNS[looseText(title)] : undefined;
  if (known === undefined) return undefined;
  return known === 'ignored' ? { kind: 'ignored' } : { kind: 'field', field: known };
}

/** A column as a spreadsheet names it, with its number: `C (3)`. */
function columnName(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return `${letters} (${column})`;
}

/** Every way an answer may be written, as `looseText` makes it, and the answer it stands for. */
function answerWords(options: SurveyImportOptions): Map<string, string> {
  const words = new Map<string, string>();
  // Ids first: a label never takes the place of an id.
  for (const level of options.model.scale) words.set(looseText(level.id), level.id);
  words.set(looseText(NOT_APPLICABLE), NOT_APPLICABLE);
  for (const { id, label } of options.labels) if (!words.has(looseText(label))) words.set(looseText(label), id);
  for (const word of options.notApplicable) if (!words.has(looseText(word))) words.set(looseText(word), NOT_APPLICABLE);
  return words;
}

/** The accepted answers as a message lists them: `yes (Yes, Oui), mostly (Mostly, Plutôt oui), …, n/a (Sans objet)`. */
function acceptedAnswers(options: SurveyImportOptions): string {
  const said = (id: string, others: readonly string[]) => {
    const extra = [...new Set(others)].filter((word) => looseText(word) !== looseText(id));
    return extra.length === 0 ? id : `${id} (${extra.join(', ')})`;
  };
  const levels = options.model.scale.map((level) => said(level.id, options.labels.filter((label) => label.id === level.id).map((label) => label.label)));
  return [...levels, said(NOT_APPLICABLE, options.notApplicable)].join(', ');
}

/**
 * The day each row's timestamp names, by row, with a problem at every cell that is not a date, and
 * at every year-last date whose order of day and month neither the option nor the column's other
 * dates settle: an export writes all its dates one way, so one `13/10/26` shows that `10/8/26` is
 * the 13th of October's neighbour, the 10th of August. Empty cells give no date.
 */
function columnDates(table: SurveyTable, index: number, given: DateOrder | undefined, at: (row: number, column: number, code: string, message: string) => void, locale: Locale): Map<number, string> {
  const column = index + 1;
  const read: { row: number; text: string; date: ReadDate }[] = [];
  for (const { row, cells } of table.rows) {
    const text = (cells[index] ?? '').trim();
    if (text !== '') read.push({ row, text, date: readDate(text) });
  }
  const seen = new Map<DateOrder, number>();
  for (const { row, date } of read) {
    if (date.kind !== 'year-last') continue;
    const orders = ordersOf(date);
    if (orders.length === 1 && !seen.has(orders[0]!)) seen.set(orders[0]!, row);
  }
  const order = given ?? (seen.size === 1 ? [...seen.keys()][0] : undefined);
  const days = new Map<number, string>();
  for (const { row, text, date } of read) {
    if (date.kind === 'date') {
      days.set(row, date.date);
    } else if (date.kind === 'bad') {
      at(row, column, 'bad-date', locale.t('team.import.date.bad', { value: quoted(text) }));
    } else if (order !== undefined) {
      const day = dayOf(date, order);
      if (day === undefined) at(row, column, 'bad-date', locale.t('team.import.date.notInOrder', { value: quoted(text), order: order === 'day-first' ? 'dayFirst' : 'monthFirst' }));
      else days.set(row, day);
    } else if (ordersOf(date).length === 1) {
      days.set(row, dayOf(date, ordersOf(date)[0]!)!);
      // Both orders are seen in the column: each date that settles one is wrong if the other is right.
      if (seen.size === 2) at(row, column, 'mixed-dates', locale.t('team.import.date.mixed', { value: quoted(text), dayFirst: seen.get('day-first')!, monthFirst: seen.get('month-first')! }));
    } else {
      at(row, column, 'ambiguous-date', locale.t('team.import.date.ambiguous', { value: quoted(text), dayFirst: dayOf(date, 'day-first')!, monthFirst: dayOf(date, 'month-first')! }));
    }
  }
  return days;
}
