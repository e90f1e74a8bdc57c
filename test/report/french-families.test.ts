import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { inline } from '../../src/report/escape/markdown.js';
import { ROOT } from '../helpers/cli.js';
import { frenchTypographyProblems } from '../helpers/french.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';

// The reports of many organisations, the benchmark, diff, history and the model list in French:
// every fixed text from the French catalogue, numbers with a decimal comma in the formats read by
// people, and the formats read by programs the same in both languages.

const example = (name: string) => join(ROOT, 'examples', name);
const older = (name: string) => join(ROOT, 'examples', 'community@1.0', name);
const EXAMPLES = ['advanced.yaml', 'association.yaml', 'developer.yaml', 'early.yaml', 'middle.yaml', 'partial.yaml'].map(example);
const OLDER = ['advanced.yaml', 'early.yaml', 'middle.yaml', 'partial.yaml'].map(older);
const DETAILS = ['harbour.yaml', 'undated.yaml'].map((name) => join(ROOT, 'test/fixtures/details', name));
const PLAN = join(ROOT, 'test/fixtures/plan');
/** Wide enough that no table cuts a text from a file, which the checks below take out whole. */
const WIDE = ['--width', '100000'];

const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-french-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function catalogue(language: string): Record<string, string> {
  return JSON.parse(readFileSync(join(ROOT, 'locales', language, 'reports.json'), 'utf8')) as Record<string, string>;
}

/** The words of a message, its placeholders and plural selectors left out. */
function messageWords(message: string): string[] {
  const text = message
    .replace(/\{\s*\w+\s*\}/g, ' ')
    .replace(/\{\s*\w+\s*,\s*(?:plural|selectordinal)\s*,/g, ' ')
    .replace(/\b(?:zero|one|two|few|many|other)\s*\{/g, ' ');
  return (text.match(/\p{L}{3,}/gu) ?? []).map((word) => word.toLowerCase());
}

/** The words of the English messages of these reports that no French message uses ("Organisation", "Date" are both). */
const ENGLISH_WORDS = (() => {
  const french = new Set(Object.values(catalogue('fr')).flatMap(messageWords));
  return [...new Set(Object.values(catalogue('en')).flatMap(messageWords))].filter((word) => !french.has(word));
})();

/** Every text of a JSON document: what the files and the model say, ids and paths. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(textsOf);
  return [];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The output without the texts that come from files and the model (as they are, and as markdown escapes them): what is left is the report's own. */
function ownText(output: string, fileTexts: readonly string[]): string {
  let text = output;
  const forms = [...new Set(fileTexts.flatMap((value) => [value, inline(value)]))].filter((form) => form.trim().length > 0).sort((a, b) => b.length - a.length);
  for (const form of forms) text = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(form)}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  return text;
}

/** English words of the reports' messages left in a French output, beyond the texts of the files. */
function englishLeft(own: string): string[] {
  return ENGLISH_WORDS.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(own));
}

async function ok(args: string[]): Promise<string> {
  const result = await runInProcess(args);
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/**
 * Runs a command in French in a human format and checks what is the report's own: no English
 * word of its messages, French typography, scores with a decimal comma and no English ordinal.
 */
async function french(args: string[], format: string, fileTexts: readonly string[]): Promise<string> {
  const output = await ok([...args, '-f', format, '--lang', 'fr']);
  const own = ownText(output, fileTexts);
  expect(englishLeft(own), `${args[0]} -f ${format}`).toEqual([]);
  expect(frenchTypographyProblems(own), `${args[0]} -f ${format}`).toEqual([]);
  expect(own, `${args[0]} -f ${format}: a score with a decimal point`).not.toMatch(/\d\.\d\d(?!\d)/);
  expect(own).not.toMatch(/\d(?:st|nd|rd|th)\b/);
  expect(own).not.toMatch(/(?<![\p{L}/])n\/a(?![\p{L}/])/u);
  return output;
}

/** The JSON of a run, and every text in it: what the French checks take out of the human formats. */
async function jsonTexts(args: string[]): Promise<string[]> {
  // In both languages: the model's texts are in French in a French report, through its translation.
  return [...textsOf(JSON.parse(await ok([...args, '-f', 'json', '--lang', 'en']))), ...textsOf(JSON.parse(await ok([...args, '-f', 'json', '--lang', 'fr'])))];
}

/**
 * A format read by programs is the same in both languages: byte for byte, or, where a value is a
 * text of the model (which a translation of the model may give in French), the same ids, numbers,
 * dates, answers and paths, cell by cell.
 */
async function sameInBothLanguages(args: string[], format: string): Promise<void> {
  const english = await ok([...args, '-f', format, '--lang', 'en']);
  const french = await ok([...args, '-f', format, '--lang', 'fr']);
  if (english === french) return;
  const cells = (text: string): unknown[] =>
    format === 'json' ? textsAndNumbers(JSON.parse(text)) : format === 'jsonl' ? text.split('\n').filter((line) => line !== '').flatMap((line) => textsAndNumbers(JSON.parse(line))) : (parseCsv(text) as string[][]).flat();
  const [before, after] = [cells(english), cells(french)];
  expect(after.length).toBe(before.length);
  // Only a text of the model may differ: it has a capital or a space, where ids, dates, numbers and answers have none.
  const changed = before.flatMap((value, index) => (value === after[index] ? [] : [value]));
  expect(changed.filter((value) => typeof value !== 'string' || !/[A-Z ]/.test(value)), `${args[0]} -f ${format}`).toEqual([]);
}

/** The values of a JSON document in order, without the `language` a report states. */
function textsAndNumbers(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(textsAndNumbers);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => (key === 'language' ? [] : [key, ...textsAndNumbers(item)]));
  return [value];
}

describe('the check for English left', () => {
  it('finds the English of these reports in an English report, beyond the texts of its files', async () => {
    const args = ['benchmark', ...OLDER, '--org', older('early.yaml'), ...WIDE];
    const own = ownText(await ok([...args, '--lang', 'en']), await jsonTexts(args));
    expect(englishLeft(own)).toEqual(expect.arrayContaining(['benchmark', 'assessments', 'against', 'pool', 'furthest', 'behind', 'median']));
    expect(own).toMatch(/\d\.\d\d/);
  });
});

describe('many organisations (score <files...>) in French', () => {
  const args = ['score', ...EXAMPLES, ...WIDE];
  const detailed = ['score', ...DETAILS, ...EXAMPLES.slice(0, 2), '--stale-after', '12m', ...WIDE];

  it('table and markdown: French headings and counts, scores with a decimal comma, shares with a narrow space before %', async () => {
    const texts = await jsonTexts(args);
    const table = await french(args, 'table', texts);
    expect(table).toContain('Maturité de l’animation de communauté — 6 organisations\n');
    expect(table).toMatch(/│ Organisation +│ Fichier +│/);
    expect(table).toMatch(/│ Global +│ Stade +│ Complétude +│/);
    expect(table).toMatch(/│ +3,64 │/);
    const markdown = await french(args, 'markdown', texts);
    expect(markdown).toMatch(/^# Maturité de l’animation de communauté\u00a0: 6 organisations\n/);
    expect(markdown).toContain('| Organisation | Fichier | ');
    expect(markdown).toContain('| Global | Stade | Complétude |');
    expect(markdown).toContain('| **3,64** |');
    expect(markdown).toContain('| 100\u202f% |');
  });

  it('with contexts and stale answers: their columns in French too', async () => {
    const texts = await jsonTexts(detailed);
    const table = await french(detailed, 'table', texts);
    expect(table).toMatch(/│ Contexte +│ Périmées │/);
    const markdown = await french(detailed, 'markdown', texts);
    expect(markdown).toContain('| Contexte | Périmées |');
  });

  it('json, jsonl, csv and csv-answers are the same as in English; csv-actions keeps its columns and values', async () => {
    for (const format of ['json', 'jsonl']) await sameInBothLanguages(args, format);
    for (const format of ['csv', 'csv-answers']) {
      await sameInBothLanguages(args, format);
      await sameInBothLanguages(detailed, format);
    }
    const planned = ['score', join(PLAN, 'later.yaml'), '--plan', join(PLAN, 'plan.yaml')];
    await sameInBothLanguages(planned, 'csv-actions');
    const actions = await ok([...planned, '-f', 'csv-actions', '--lang', 'fr']);
    expect(actions.split('\n')[0]).toBe('organisation,phase,phase_by,indicator,competency,text,owner,due,status,answer,attention,note');
  });

  it('xlsx: sheet names and headers in French, every value as in English, numbers still numbers', async () => {
    const workbook = async (language: string) => {
      const path = join(dir, `portfolio-${language}.xlsx`);
      await ok([...detailed, '-o', path, '--lang', language]);
      return readWorkbook(readFileSync(path));
    };
    const [english, french] = [await workbook('en'), await workbook('fr')];
    expect(french.map((sheet) => sheet.name)).toEqual(['Scores', 'Réponses']);
    const [scores, answers] = french.map(values) as [ReturnType<typeof values>, ReturnType<typeof values>];
    expect(scores[0]!.slice(0, 6)).toEqual(['Organisation', 'Fichier', 'Date', 'Stade global', 'Niveau global', 'Score global']);
    expect(scores[0]!.slice(-2)).toEqual(['Contexte', 'Réponses périmées']);
    expect(scores[0]).toContain('Recruitment (stade)');
    expect(answers[0]).toEqual(['Organisation', 'Fichier', 'Compétence', 'Indicateur', 'Stade', 'Réponse', 'Note', 'Vérifiée le', 'Périmée', 'Justificatifs']);
    // What the workbook says of an answer itself, in French: not applicable, outside the context, stale.
    const answerOf = (rows: typeof answers, indicator: string) => rows.find((row) => row[3] === indicator)!;
    expect(answerOf(answers, 'support.wellbeing').slice(5, 6)).toEqual(['Sans objet']);
    expect(answers.some((row) => row[5] === 'sans objet dans ce contexte')).toBe(true);
    expect(answers.some((row) => row[8] === 'périmée')).toBe(true);
    // Every other cell is the English workbook's: numbers stay numbers, with the same values.
    const marks: Record<string, string> = { 'n/a': 'Sans objet', 'not applicable in this context': 'sans objet dans ce contexte', stale: 'périmée' };
    for (const [index, sheet] of english.entries()) {
      const translated = values(sheet)
        .slice(1)
        .map((row) => row.map((cell) => (typeof cell === 'string' ? (marks[cell] ?? cell) : cell)));
      // Only a text of the model may differ (a translation of the model gives it in French): it has a capital or a space.
      const frenchRows = values(french[index]!).slice(1);
      const differing = translated.flatMap((row, r) => row.filter((cell, c) => cell !== frenchRows[r]?.[c]));
      expect(differing.filter((cell) => typeof cell !== 'string' || !/[A-Z ]/.test(cell))).toEqual([]);
      expect(frenchRows.map((row) => row.length)).toEqual(translated.map((row) => row.length));
      const types = (rows: typeof sheet.rows) => rows.slice(1).map((row) => row.map((cell) => cell?.type ?? null));
      expect(types(french[index]!.rows)).toEqual(types(sheet.rows));
    }
  });
});

describe('benchmark in French', () => {
  const args = ['benchmark', ...OLDER, '--org', older('middle.yaml'), ...WIDE];

  it('table and markdown: statistics, shares and the organisation against its peers, French ordinals', async () => {
    const texts = await jsonTexts(args);
    const table = await french(args, 'table', texts);
    expect(table).toContain('Maturité de l’animation de communauté\u00a0: comparaison entre pairs — 4 évaluations');
    expect(table).toContain('Modèle\u00a0: Maturité de l’animation de communauté 1.0 (community) · quartiles par interpolation linéaire');
    expect(table).toMatch(/│ Compétence +│ Nombre │ +Min │ +P25 │ Médiane │ +P75 │ +Max │ Moyenne │/);
    expect(table).toMatch(/│ Global +│ +4 │ 1,66 │ 1,75 │/);
    expect(table).toContain('25\u202f%');
    expect(table).toContain('Larkspur Analytics (15\u00a0septembre\u00a02026) face à ses pairs');
    expect(table).toMatch(/│ Compétence +│ Score │ Stade +│ Médiane des pairs │ Écart │ Centile │/);
    expect(table).toMatch(/│ +\+0,61 │ +62e │/);
    const markdown = await french(args, 'markdown', texts);
    expect(markdown).toMatch(/^# Maturité de l’animation de communauté\u00a0: comparaison entre pairs sur 4 évaluations\n/);
    expect(markdown).toContain('**Modèle\u00a0:** Maturité de l’animation de communauté 1\\.0 (`community`) · quartiles par interpolation linéaire');
    expect(markdown).toContain('## Larkspur Analytics face à ses pairs');
    expect(markdown).toContain('| **Global** | **4** | **1,66** |');
    expect(markdown).toContain('\nAu niveau de la médiane ou au-dessus dans chaque compétence.\n');
  });

  it('an organisation behind its peers: the competencies furthest behind the median, gaps with a decimal comma', async () => {
    const behind = ['benchmark', ...OLDER, '--org', older('early.yaml'), ...WIDE];
    const texts = await jsonTexts(behind);
    const table = await french(behind, 'table', texts);
    expect(table).toContain('Fernwood Regional Health (12\u00a0mars\u00a02026) face à ses pairs');
    expect(table).toMatch(/\nLes plus en retard sur la médiane\u00a0: [^\n]* \(-\d,\d\d\)[^\n]*\.\n/);
    const markdown = await french(behind, 'markdown', texts);
    expect(markdown).toMatch(/\nLes plus en retard sur la médiane\u00a0: [^\n]* \(-\d,\d\d\)[^\n]*\.\n/);
  });

  it('json and csv are the same as in English', async () => {
    await sameInBothLanguages(args, 'json');
    await sameInBothLanguages(args, 'csv');
  });
});

describe('diff in French', () => {
  // An organisation a quarter later: one answer up, one to n/a, a note changed and one removed.
  const before = join(dir, 'before.yaml');
  const after = join(dir, 'after.yaml');
  const middle = readFileSync(older('middle.yaml'), 'utf8');
  writeFileSync(before, middle.replace(/^( {2}tools\.sso:).*$/m, '$1 { answer: "no", note: "Waiting for IT" }').replace(/^( {2}tools\.backlog:).*$/m, '$1 { answer: partly, note: "Old backlog" }'));
  writeFileSync(
    after,
    middle
      .replace(/^date: .*$/m, 'date: 2026-12-01')
      .replace(/^( {2}governance\.moderation:).*$/m, '$1 "yes"')
      .replace(/^( {2}tools\.sso:).*$/m, '$1 { answer: n/a, note: "Paused for the migration" }')
      .replace(/^( {2}tools\.backlog:).*$/m, '$1 partly'),
  );
  const within = ['diff', before, after, ...WIDE];
  const across = ['diff', older('early.yaml'), example('early.yaml'), ...WIDE];

  it('table and markdown: scores, stages and answers in French, dates as French writes them, n/a as « Sans objet »', async () => {
    const texts = await jsonTexts(within);
    const table = await french(within, 'table', texts);
    expect(table).toContain('Larkspur Analytics — Maturité de l’animation de communauté\u00a0: évolution 15\u00a0septembre\u00a02026 → 1er\u00a0décembre\u00a02026');
    expect(table).toMatch(/│ Compétence +│ Avant │ Après │ Évolution │/);
    expect(table).toMatch(/│ Global +│ +2,95 │ +3,15 │ ▲ \+0,20 +│/);
    expect(table).toContain('  ▲ atteint Outils\u00a0: Communauté émergente → Communauté\n');
    expect(table).toMatch(/Réponses \(3 modifiées\)/);
    expect(table).toMatch(/│ Indicateur +│ Compétence +│ Avant → après +│ Note +│/);
    // Answers by the French labels of the scale, from the model's translation.
    expect(table).toContain('Non → Sans objet');
    expect(table).toMatch(/│ governance\.moderation +│ [^│]+│ (Non|Partiellement|Plutôt oui) → Oui +│/);
    expect(table).not.toMatch(/\b(yes|mostly|partly|no) → /);
    expect(table).toContain('Paused for the migration (auparavant\u00a0: Waiting for IT)');
    expect(table).toContain('(note supprimée\u00a0: Old backlog)');
    const markdown = await french(within, 'markdown', texts);
    expect(markdown).toMatch(/^# Maturité de l’animation de communauté, évolution\u00a0: Larkspur Analytics\n/);
    expect(markdown).toContain('**Modèle\u00a0:** Maturité de l’animation de communauté 1.0 (community) · **Comparaison\u00a0:** 15\u00a0septembre\u00a02026 → 1er\u00a0décembre\u00a02026');
    expect(markdown).toContain('## Stades\n\n- ▲ atteint Politiques et gouvernance\u00a0: Hiérarchie → Communauté émergente\n');
    expect(markdown).toContain('| **Global** | **2,95** | **3,15** | **▲ +0,20** |');
    expect(markdown).toContain('## Réponses');
    expect(markdown).toContain('| Indicateur | Compétence | Avant → après | Note |');
    expect(markdown).toContain(' | Non → Sans objet | ');
  });

  it('across model versions: the comparison, the answers carried over and the competencies gained or lost in French', async () => {
    const texts = await jsonTexts(across);
    const table = await french(across, 'table', texts);
    expect(table).toContain('Comparaison entre les versions 1.0 → 2.0 du modèle, compétence par compétence\u202f; les réponses de la version 1.0 sont reportées sur les indicateurs de la version 2.0');
    expect(table).toMatch(/▼ perdu Outils\u00a0: Communauté émergente → Hiérarchie/);
    expect(table).toMatch(/governance\.privacy-notice \(issu de governance\.privacy\)/);
    const markdown = await french(across, 'markdown', texts);
    expect(markdown).toContain('- ▼ perdu Outils\u00a0: Communauté émergente → Hiérarchie');
  });

  it('two folders: each pair’s answers by the French labels of its model’s scale', async () => {
    const [q1, q2] = [join(dir, 'q1'), join(dir, 'q2')];
    mkdirSync(q1);
    mkdirSync(q2);
    copyFileSync(before, join(q1, 'larkspur.yaml'));
    copyFileSync(after, join(q2, 'larkspur.yaml'));
    const table = await ok(['diff', q1, q2, ...WIDE, '--lang', 'fr']);
    expect(table).toContain('Non → Sans objet');
    expect(table).not.toMatch(/\b(yes|mostly|partly|no) → /);
  });

  it('two unchanged assessments: « Aucun changement. »', async () => {
    const same = ['diff', before, before, ...WIDE];
    const texts = await jsonTexts(same);
    expect(await french(same, 'table', texts)).toContain('Stades\u00a0: aucun changement.\n\nRéponses\u00a0: aucun changement.\n');
    expect(await french(same, 'markdown', texts)).toContain('## Stades\n\nAucun changement.\n\n## Réponses\n\nAucun changement.\n');
  });

  it('json is the same as in English', async () => {
    await sameInBothLanguages(within, 'json');
    await sameInBothLanguages(across, 'json');
  });
});

describe('history in French', () => {
  const across = ['history', older('early.yaml'), example('early.yaml'), ...WIDE];
  const planned = ['history', join(PLAN, 'answers.yaml'), join(PLAN, 'later.yaml'), '--plan', join(PLAN, 'plan.yaml'), ...WIDE];

  it('table and markdown: dates as French writes them, the trend, and each version across versions', async () => {
    const texts = await jsonTexts(across);
    const table = await french(across, 'table', texts);
    expect(table).toContain('Fernwood Regional Health — Maturité de l’animation de communauté dans le temps');
    expect(table).toContain('Modèle\u00a0: Maturité de l’animation de communauté 2.0 (community) · 2 évaluations, 12\u00a0mars\u00a02026 → 18\u00a0mars\u00a02027');
    expect(table).toContain('chaque évaluation est calculée avec sa propre version (12\u00a0mars\u00a02026\u00a0: 1.0, 18\u00a0mars\u00a02027\u00a0: 2.0)');
    expect(table).toMatch(/│ Date +│ strategy │.*│ global │/);
    expect(table).toMatch(/│ 12\u00a0mars\u00a02026 │ +1,66 │/);
    expect(table).toMatch(/│ tendance +│/);
    expect(table).toContain('Tendance\u00a0: ▁ Hiérarchie … █ Réseau');
    const markdown = await french(across, 'markdown', texts);
    expect(markdown).toMatch(/^# Maturité de l’animation de communauté dans le temps\u00a0: Fernwood Regional Health\n/);
    expect(markdown).toMatch(/\| Date \| Stratégie \| .* \| Global \|\n/);
    expect(markdown).toContain('| 12\u00a0mars\u00a02026 | 1,66 |');
  });

  it('with --plan: the targets of each phase dated in French', async () => {
    const texts = await jsonTexts(planned);
    const table = await french(planned, 'table', texts);
    expect(table).toMatch(/│ objectif du \d{1,2}(?:er)?\u00a0\p{L}+\u00a02027 │/u);
    await french(planned, 'markdown', texts);
  });

  it('with --git: the commit column in French, the commit ids as git shows them', async () => {
    const repo = join(dir, 'repo');
    mkdirSync(repo);
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: repo, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.org', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.org' };
    const git = (gitArgs: string[], date: string) => execFileSync('git', gitArgs, { cwd: repo, env: { ...env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, encoding: 'utf8' }).trim();
    git(['init', '-q', '-b', 'main'], '2026-01-01T12:00:00Z');
    writeFileSync(join(repo, 'maturity.yaml'), readFileSync(older('early.yaml'), 'utf8'));
    git(['add', '-A'], '2026-03-30T09:00:00Z');
    git(['commit', '-q', '-m', 'Q1'], '2026-03-30T09:00:00Z');
    writeFileSync(join(repo, 'maturity.yaml'), readFileSync(older('middle.yaml'), 'utf8').replace(/^organisation: .*$/m, 'organisation: Fernwood Regional Health'));
    git(['commit', '-q', '-a', '-m', 'Q3'], '2026-09-16T09:00:00Z');
    const last = git(['rev-parse', 'HEAD'], '2026-09-16T09:00:00Z');
    const args = ['history', '--git', join(repo, 'maturity.yaml'), ...WIDE];
    const texts = await jsonTexts(args);
    const table = await french(args, 'table', texts);
    expect(table).toMatch(new RegExp(`│ 15\u00a0septembre\u00a02026 │ +${last.slice(0, 7)} │`));
    expect(table).toMatch(/│ Date +│ +Commit │ strategy │/);
    const markdown = await french(args, 'markdown', texts);
    expect(markdown).toMatch(/^\| Date \| Commit \| Stratégie \|/m);
    await sameInBothLanguages(args, 'csv');
  });

  it('json and csv are the same as in English', async () => {
    for (const args of [across, planned]) {
      await sameInBothLanguages(args, 'json');
      await sameInBothLanguages(args, 'csv');
    }
  });
});

describe('models in French', () => {
  it('table: French headings and the newest version said in French; json the same as in English', async () => {
    const args = ['models', ...WIDE];
    const table = await french(args, 'table', await jsonTexts(args));
    expect(table).toMatch(/│ Modèle +│ Nom +│ Version │ Stades +│ Compétences │ Indicateurs │/);
    expect(table).toContain('community désigne la version la plus récente, community@2.0.\n');
    // The model's name and stages from its French translation; JSON keeps the model's own.
    expect(table).toMatch(/│ community@2\.0 │ Maturité de l’animation de communauté │ 2\.0 +│ Hiérarchie → Communauté émergente → Communauté → Réseau │/);
    expect(table).not.toContain('Emergent Community');
    await sameInBothLanguages(args, 'json');
  });
});

describe('validate in French', () => {
  it('json is the same as in English', async () => {
    await sameInBothLanguages(['validate', example('middle.yaml'), older('early.yaml')], 'json');
  });
});
