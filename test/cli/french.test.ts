import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runInProcess } from '../helpers/in-process.js';
import { frenchTypographyProblems } from '../helpers/french.js';
import { ROOT, tempDir } from '../e2e/support.js';

// The command line in French: help (commander's own words included), usage errors, and what
// init, migrate and plan write into files. Runs in this process, the language chosen by the
// environment (LANG) or by --lang.

const FRENCH = { env: { LANG: 'fr_FR.UTF-8' } };
const COMMANDS = ['score', 'validate', 'models', 'diff', 'history', 'benchmark', 'init', 'assess', 'migrate', 'schema', 'plan', 'consensus', 'import', 'form'];

/**
 * Words of the English messages that French never uses, each a whole word: found in a French
 * text once option names, metavariables, examples and quoted values are taken out, they are
 * English left behind.
 */
const ENGLISH_WORDS = ['the', 'and', 'with', 'of', 'to', 'is', 'are', 'for', 'when', 'every', 'each', 'file', 'files', 'write', 'print', 'never', 'only', 'default', 'else', 'which', 'that', 'this', 'from', 'than', 'exit', 'display', 'output', 'Usage', 'Examples', 'Commands', 'required', 'unknown', 'invalid', 'error', 'warning', 'Review', 'Advice', 'Stage', 'Criteria', 'Evidence', 'Owner'];

/** The English words left in a French text, once what is the same in every language is taken out. */
function englishLeft(text: string): string[] {
  const prose = text
    .split('\n')
    .filter((line) => !/^\s*\$ /.test(line))
    .join('\n')
    // The names of arguments and commands that start the lines of help's lists.
    .replace(/^ {2}[\w.-]+(?= )/gm, ' ')
    .replace(/--?[\w-]+/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]|"[^"\n]*"/g, ' ')
    .replace(/\S+\.(ya?ml|json|csv|md|html|xml|xlsx|txt)\b/g, ' ');
  return ENGLISH_WORDS.filter((word) => new RegExp(`(?<![\\w-])${word}(?![\\w-])`).test(prose));
}

describe('help in French', () => {
  it('the program and every command: commander’s titles and texts, descriptions, options and notes in French', async () => {
    const helps = [await runInProcess(['--help'], FRENCH), ...(await Promise.all(COMMANDS.map((command) => runInProcess([command, '--help'], FRENCH))))];
    for (const [index, help] of helps.entries()) {
      const name = index === 0 ? 'cm-maturity' : COMMANDS[index - 1]!;
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toMatch(/^Utilisation\u00a0: cm-maturity /);
      expect(help.stdout, name).toContain('Options\u00a0:\n');
      expect(help.stdout, name).toContain('  -h, --help ');
      expect(help.stdout, name).toContain('afficher l’aide de la commande');
      expect(help.stdout, name).toContain('Exemples\u00a0:\n  $ cm-maturity ');
      expect(englishLeft(help.stdout), name).toEqual([]);
      expect(frenchTypographyProblems(help.stdout), name).toEqual([]);
    }
    const program = helps[0]!.stdout;
    expect(program).toContain('Commandes\u00a0:\n');
    expect(program).toContain('afficher le numéro de version');
    expect(program).toContain('Codes de sortie\u00a0: 0 succès, 1 un contrôle a échoué, 2 entrée ou usage invalide, 3 défaillance interne.');
    expect(program).toMatch(/^ {2}help \[commande\] +afficher l’aide d’une commande$/m);
    expect(program).toMatch(/^Utilisation\u00a0: cm-maturity \[options\] \[commande\]$/m);
  });

  it('--lang fr gives the same help as the environment, option names and metavariables unchanged', async () => {
    const byOption = await runInProcess(['score', '--help', '--lang', 'fr']);
    expect(byOption.stdout).toBe((await runInProcess(['score', '--help'], FRENCH)).stdout);
    // The arguments' names are words of the language too; option names and metavariables are not.
    expect(byOption.stdout).toMatch(/^Utilisation\u00a0: cm-maturity score \[options\] <réponses> \[autres\.\.\.\]/);
    expect(byOption.stdout).toMatch(/^ {2}réponses +/m);
    expect(byOption.stdout).toContain('Arguments\u00a0:\n');
    expect(byOption.stdout).toMatch(/^ {2}-o, --output <file> +écrire le rapport dans un fichier/m);
    // Commander's "(choices: …)" and "(default: …)", in French; the values stay as they are.
    expect(byOption.stdout).toContain('(choix\u00a0: "table", "json"');
    expect(byOption.stdout.replace(/[ \n]+/g, ' ')).toContain('(par défaut\u00a0: "score")');
    // A no-break space is never where commander wraps a line.
    expect(byOption.stdout).not.toMatch(/[«\u00a0\u202f]\n|\n\s*[:;?!»]/);
  });
});

describe('usage errors in French', () => {
  const error = async (args: string[]) => {
    const result = await runInProcess(args, FRENCH);
    expect(result.code, args.join(' ')).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr, args.join(' ')).toMatch(/^cm-maturity: /);
    expect(frenchTypographyProblems(result.stderr.slice('cm-maturity:'.length)), args.join(' ')).toEqual([]);
    expect(englishLeft(result.stderr), args.join(' ')).toEqual([]);
    return result.stderr;
  };

  it('commander’s errors, said again from the catalogue with the same values, exit 2 and keep the cm-maturity: prefix', async () => {
    expect(await error(['score', 'examples/middle.yaml', '--formt', 'json'])).toBe('cm-maturity: erreur\u00a0: option inconnue «\u00a0--formt\u00a0»\n(Vouliez-vous dire --format\u202f?)\n');
    expect(await error(['scor'])).toBe('cm-maturity: erreur\u00a0: commande inconnue «\u00a0scor\u00a0»\n(Vouliez-vous dire score\u202f?)\n');
    expect(await error(['score'])).toBe('cm-maturity: erreur\u00a0: l’argument obligatoire «\u00a0réponses\u00a0» manque\n');
    expect(await error(['score', 'examples/middle.yaml', '-f', 'nope'])).toBe(
      'cm-maturity: erreur\u00a0: la valeur «\u00a0nope\u00a0» de l’option «\u00a0-f, --format <format>\u00a0» n’est pas valide. Choix possibles\u00a0: table, json, markdown, junit, html, xlsx, jsonl, csv, csv-answers, csv-actions.\n',
    );
    expect(await error(['models', 'extra', 'words'])).toBe('cm-maturity: erreur\u00a0: trop d’arguments pour «\u00a0models\u00a0»\u00a0: 0 attendu, 2 reçus.\n');
    expect(await error(['score', 'examples/middle.yaml', '--model'])).toBe('cm-maturity: erreur\u00a0: l’option «\u00a0-m, --model <id|path>\u00a0» attend une valeur\n');
    expect(await error(['score', 'examples/middle.yaml', '-q', '--verbose'])).toBe('cm-maturity: erreur\u00a0: l’option «\u00a0-q, --quiet\u00a0» ne peut pas être employée avec l’option «\u00a0--verbose\u00a0»\n');
    expect(await error(['plan', 'examples/middle.yaml'])).toBe('cm-maturity: erreur\u00a0: l’option obligatoire «\u00a0-t, --target <target>\u00a0» n’est pas donnée\n');
    // The tool's own reason for refusing a value, after commander's words.
    expect(await error(['score', 'examples/middle.yaml', '--width', '3'])).toMatch(/n’est pas valide\. Un nombre entier de colonnes est attendu, \d+ ou plus\n$/);
  });

  it('the tool’s own usage errors', async () => {
    expect(await error(['score', 'examples/middle.yaml', '--regression-tolerance', '1'])).toBe('cm-maturity: erreur\u00a0: --regression-tolerance demande --fail-on-regression\n');
    expect(await error(['score', 'examples/middle.yaml', '-o', 'report.xml', '-f', 'json'])).toBe(
      'cm-maturity: erreur\u00a0: --format json contredit -o report.xml, que son extension rend junit\u202f; --format ne fixe que le format de la sortie standard (-o -) et des fichiers sans extension connue\n',
    );
  });

  it('in English, the same errors are commander’s own words', async () => {
    const result = await runInProcess(['models', 'extra', 'words']);
    expect(result.stderr).toBe("cm-maturity: error: too many arguments for 'models'. Expected 0 arguments but got 2.\n");
  });
});

describe('warnings and notes in French', () => {
  it('one file: the unanswered indicators, said in French with the cm-maturity: prefix kept', async () => {
    const result = await runInProcess(['score', 'examples/partial.yaml', '-f', 'json'], FRENCH);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cm-maturity: avertissement\u00a0: \d+ indicateurs sur \d+ sont sans réponse et comptent pour 0 \([^)]*\)\u202f; --strict en fait une erreur\n$/);
    expect(frenchTypographyProblems(result.stderr.slice('cm-maturity:'.length))).toEqual([]);
  });

  it('many files: one summary line, in French', async () => {
    const result = await runInProcess(['score', 'examples/partial.yaml', 'examples/middle.yaml', 'examples/early.yaml', '-f', 'json', '--lang', 'fr']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cm-maturity: avertissement\u00a0: \d+ fichiers? de réponses sur 3 (a|ont) des indicateurs sans réponse, qui comptent pour 0\u202f; les plus nombreux\u00a0: /);
    expect(englishLeft(result.stderr)).toEqual([]);
  });
});

describe('stale answers and consensus in French', () => {
  const dir = tempDir();

  it('--stale-after: the warning’s dates as French writes them, in English as ISO dates', async () => {
    const [french, english] = [await runInProcess(['score', 'examples/middle.yaml', '--stale-after', '12m', '-f', 'json', '--lang', 'fr']), await runInProcess(['score', 'examples/middle.yaml', '--stale-after', '12m', '-f', 'json'])];
    expect(french.stderr).toContain(' avant le 15\u00a0septembre\u00a02026, plus de --stale-after 12m avant la date de l’évaluation, le 15\u00a0septembre\u00a02027\u00a0: strategy.purpose (30\u00a0août\u00a02026), ');
    expect(french.stderr).not.toMatch(/\d{4}-\d\d-\d\d/);
    expect(english.stderr).toContain(' before 2026-09-15, more than --stale-after 12m before the assessment\'s date 2027-09-15: strategy.purpose (2026-08-30), ');
  });

  // Two respondents of the French example, who differ on two indicators.
  const example = readFileSync(join(ROOT, 'examples/fr/communaute-clients.yaml'), 'utf8');
  const alice = join(dir, 'alice.yaml');
  const bob = join(dir, 'bob.yaml');
  writeFileSync(alice, example);
  writeFileSync(bob, example.replace('strategy.roadmap: "no"', 'strategy.roadmap: "yes"').replace('strategy.review: "no"', 'strategy.review: mostly'));

  it('consensus --report: the model’s names from its French translation, answers by the scale’s French labels', async () => {
    const result = await runInProcess(['consensus', alice, bob, '--report', '--lang', 'fr', '--width', '200']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/│ strategy\.roadmap │ Stratégie +│ 3 crans │ Oui\u00a0: bob · Non\u00a0: alice +│/);
    expect(result.stdout).toMatch(/│ strategy\.review +│ Stratégie +│ 2 crans │ Plutôt oui\u00a0: bob · Non\u00a0: alice +│/);
    expect(result.stdout).not.toMatch(/\b(yes|mostly|no): /);
    const html = await runInProcess(['consensus', alice, bob, '--report', '-f', 'html', '--lang', 'fr']);
    expect(html.stdout).toContain('<td>Oui 1 · Non 1</td>');
    const english = await runInProcess(['consensus', alice, bob, '--report', '--width', '200']);
    expect(english.stdout).toMatch(/│ strategy\.roadmap │ Strategy +│ 3 steps │ yes: bob · no: alice +│/);
  });

  it('consensus: a file that is no answers file refused in French', async () => {
    const result = await runInProcess(['consensus', alice, bob, join(ROOT, 'test/fixtures/consensus/team.model.yaml'), '--lang', 'fr']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('team.model.yaml:1:1: c’est un modèle, et non un fichier de réponses');
    expect(result.stderr).not.toContain('this is a model');
  });
});

describe('files written in French', () => {
  const dir = tempDir();

  it('init --lang fr: French comments, the same keys, ids and answers as in English, and a file that validates', async () => {
    const french = await runInProcess(['init', '--lang', 'fr', '--date', '2026-10-01']);
    const english = await runInProcess(['init', '--date', '2026-10-01']);
    expect(french.code).toBe(0);
    const text = french.stdout;
    expect(text).toContain('\n# Répondez à chaque indicateur par l’une de ces valeurs\u00a0:\n');
    // The scale's values with a decimal comma, its labels from the model's translation.
    expect(text).toContain('\n#   mostly  Plutôt oui (0,75)\n');
    expect(english.stdout).toContain('\n#   mostly  Mostly (0.75)\n');
    expect(text).toContain('\n# Réponses pour Maturité de l’animation de communauté (modèle community 2.0)\u00a0: ');
    expect(text).toContain('ne s’applique pas ici\u00a0: exclu du score');
    expect(text).toContain('Vérifiez-le avec `cm-maturity validate <file>` et notez-le avec `cm-maturity score <file>`.');
    expect(text).toContain('\norganisation: Votre organisation   # obligatoire\u00a0: l’organisation évaluée\n');
    expect(text).toContain('\nassessor:   # qui a répondu\n');
    expect(text).toMatch(/\n {2}# Étape\u00a0: [^.]+\. Réponses\u00a0: "yes", mostly, partly, "no", n\/a\./);
    for (const english of ['Answer each indicator', 'does not apply here', 'Check it with', 'required: the organisation', 'who answered', 'Stage: ', 'Answers: ', 'Advice: ', 'Criteria for', 'Must-have', 'Owner: ', 'Effort: ']) {
      expect(text, english).not.toContain(english);
    }
    // The fixed texts of the header follow French typography (the model's own texts are the model's).
    const header = text.slice(0, text.indexOf('\norganisation:'));
    expect(frenchTypographyProblems(header.split('\n').filter((line) => !line.startsWith('# yaml-language-server')).join('\n'))).toEqual([]);
    // Language-neutral data: the same keys and answer ids; only the placeholder organisation differs.
    const [fr, en] = [parse(text) as Record<string, unknown>, parse(english.stdout) as Record<string, unknown>];
    expect({ ...fr, organisation: null }).toEqual({ ...en, organisation: null });
    const file = join(dir, 'acme.yaml');
    writeFileSync(file, text);
    const validated = await runInProcess(['validate', file, '--lang', 'fr']);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout).toContain(`ok ${file}\u00a0: réponses de Votre organisation pour le modèle community 2.0 (0/`);
  });

  it('migrate in French: the header, the review marks and the note on standard error in French; the file validates', async () => {
    const output = join(dir, 'migrated.yaml');
    const result = await runInProcess(['migrate', join(ROOT, 'examples/community@1.0/middle.yaml'), '-o', output], FRENCH);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(output, 'utf8');
    const header = text.slice(0, text.indexOf('\norganisation:')).replace(/\n# /g, ' ');
    expect(header).toMatch(/ Migré de community 1\.0 vers community 2\.0 par cm-maturity migrate\u00a0: \d+ indicateurs reprennent des réponses antérieures, chacun marqué «\u00a0À revoir\u00a0:\u00a0» au-dessus de sa réponse\u202f; les autres indicateurs commencent sans réponse\./);
    expect(text).toMatch(/\n {2}# À revoir\u00a0: repris de community 1\.0 [\w.]+ \(/);
    for (const english of ['Migrated from', 'Review:', 'carried over', 'Not carried over', 'not answered']) expect(text, english).not.toContain(english);
    expect(result.stderr).toMatch(/^cm-maturity: note\u00a0: \S+ migré de community 1\.0 vers 2\.0 dans \S+\u00a0: \d+ indicateurs reprennent des réponses antérieures, chacun marqué «\u00a0À revoir\u00a0:\u00a0» pour vérification\u202f; \d+ réponses? antérieures? non reprises?\u202f; \d+ indicateurs? sans réponse\n$/);
    expect((await runInProcess(['validate', output])).code).toBe(0);
  });

  it('plan of a French answers file in an English run: the plan file in French, like the model’s texts in it', async () => {
    const result = await runInProcess(['plan', join(ROOT, 'examples/fr/communaute-clients.yaml'), '--target', 'community']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('\n# Le plan\u00a0: des cibles par phase, et les actions qui les atteignent.\n');
    expect(result.stdout).toContain('\n  # Stratégie\u00a0: Les besoins de chaque groupe de membres visé sont documentés');
    expect(result.stdout).not.toContain('The plan:');
    const english = await runInProcess(['plan', join(ROOT, 'examples/middle.yaml'), '--target', 'community']);
    expect(english.stdout).toContain('\n# The plan: targets by phase, and the actions that reach them.\n');
    expect(english.stdout).toContain('\n  # Strategy: ');
  });

  it('plan in French: the header of a new plan, and the note of an update', async () => {
    const output = join(dir, 'plan.yaml');
    const created = await runInProcess(['plan', join(ROOT, 'examples/middle.yaml'), '--target', 'community', '-o', output], FRENCH);
    expect(created.code, created.stderr).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text).toMatch(
      /^# yaml-language-server: \$schema=\S+\n# Le plan\u00a0: des cibles par phase, et les actions qui les atteignent\.\n# Modifiez responsables, dates, statuts \(todo, in-progress, done, dropped\) et notes\u202f; ajoutez ou retirez des actions\.\n# cm-maturity plan -o <ce fichier> ajoute ce qui manque et garde ce qui est écrit ici\u202f;\n# cm-maturity score <answers> --plan <ce fichier> en suit l’avancement\.\n/,
    );
    expect(text).not.toContain('The plan:');
    const updated = await runInProcess(['plan', join(ROOT, 'examples/middle.yaml'), '--target', 'community', '-o', output, '--lang', 'fr']);
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stderr).toBe(`cm-maturity: note\u00a0: ${output}\u00a0: rien à ajouter\u202f; tout ce qui s’y trouve est gardé\n`);
    expect((await runInProcess(['validate', output])).code).toBe(0);
  });
});
