import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EDITOR_KEYWORDS, jsonSchemaText, overlayJsonSchema } from '../../src/schema/json-schema.js';
import { runInProcess } from '../helpers/in-process.js';

// Translations of models through the CLI, in this process: validate on a translation (one fixture
// per error class, each located in the translation), and the language of a report (--lang, the
// answers file's language:, the environment) with the model translated by the file beside it.
// Every position below was counted by hand in the fixture.

const BAD = 'test/fixtures/bad-overlays';
const CLUB_ANSWERS = 'test/fixtures/overlays/club-answers.yaml';
const CLUB_MODEL = 'test/fixtures/overlays/club.yaml';

/** One fixture per error class: the `file:line:col` of its one error and a part of its message. */
const ERRORS: [fixture: string, at: string, message: string][] = [
  ['unknown-scale', '7:3', 'community 2.0 has no scale level maybe'],
  ['unknown-context', '6:3', 'community 2.0 has no context partners'],
  ['unknown-stage', '7:3', 'community 2.0 has no stage emerging (did you mean emergent?)'],
  ['unknown-competency', '6:3', 'community 2.0 has no competency strategie (did you mean strategy?)'],
  ['unknown-descriptor', '10:7', 'competency strategy of community 2.0 describes no stage nowhere'],
  ['unknown-source', '8:7', 'competency strategy of community 2.0 has no source at https://example.org/strategy'],
  ['unknown-indicator', '6:3', 'community 2.0 has no indicator strategy.purpos (did you mean strategy.purpose?)'],
  ['unknown-migration', '6:3', 'community 2.0 has no migration from version 0.9'],
  ['criteria-count', '8:7', "indicator strategy.purpose has 3 criteria in community 2.0, and 2 are given here: give one translation per criterion, in the model's order"],
  ['no-model', '2:13', 'no model to check this translation against: communities 2.0 is not a built-in model, and there is no no-model.yaml beside it'],
  ['wrong-language', '4:11', 'the name of this file makes it the fr translation of its model, but it says language: en'],
];

describe('validate on a translation', () => {
  for (const [fixture, at, message] of ERRORS) {
    it(`${fixture}: one error, at ${at} of the translation, exit 2`, async () => {
      const file = `${BAD}/${fixture}.fr.yaml`;
      const result = await runInProcess(['validate', file]);
      expect(result).toEqual({ code: 2, stdout: '', stderr: `${file}:${at}: ${message}\n` });
    });
  }

  it('a translation that names another model than the one beside it', async () => {
    const file = 'test/fixtures/overlays/other/club.fr.yaml';
    expect(await runInProcess(['validate', file])).toEqual({ code: 2, stdout: '', stderr: `${file}:2:13: this translates model clubs, but is checked against model club\n` });
  });

  it('the shape of the file: every problem at its line, as for any file', async () => {
    const file = `${BAD}/shape.fr.yaml`;
    const result = await runInProcess(['validate', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `${file}:4:11: language must be one of en, fr, not "de"\n` +
        `${file}:7:5: unknown key "advise" in indicators.strategy.purpose (did you mean advice?); allowed keys: text, criteria, evidence, advice, owner\n`,
    );
  });

  it('in French, the errors of a translation are French', async () => {
    const file = `${BAD}/unknown-indicator.fr.yaml`;
    const result = await runInProcess(['validate', file, '--lang', 'fr']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${file}:6:3: community 2.0 n’a pas d’indicateur strategy.purpos (vouliez-vous dire strategy.purpose\u202f?)\n` });
  });

  it('a stale translation is a warning, an error with --strict', async () => {
    const file = `${BAD}/stale.fr.yaml`;
    const result = await runInProcess(['validate', file]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toContain(`${file}:3:10: warning: this translation was written for version 1.5 of community, which is now at version 2.0: check the texts that changed since`);
    expect(lines).toContain(`${file}:2:1: warning: indicator strategy.purpose is not translated: the model's own text is used`);
    // Everything but the model's name is missing: one warning per untranslated entry or text.
    expect(result.stdout).toBe(`ok ${file}: fr translation of model community 2.0, ${lines.length} warnings\n`);
    const strict = await runInProcess(['validate', '--strict', '-f', 'json', file]);
    expect(strict.code).toBe(2);
    const errors = (JSON.parse(strict.stdout) as { files: { errors: { line: number; column: number; code: string; message: string }[] }[] }).files[0]!.errors;
    expect(errors).toHaveLength(lines.length);
    expect(errors[0]).toMatchObject({ line: 2, column: 1, code: 'overlay-missing-text' });
    expect(errors).toContainEqual({ file, line: 3, column: 10, code: 'overlay-stale', message: 'this translation was written for version 1.5 of community, which is now at version 2.0: check the texts that changed since (--strict)' });
  });

  it('the French translations of both built-in versions, and of the test model, pass with no warning under --strict', async () => {
    const files = ['models/community@2.0.fr.yaml', 'models/community@1.0.fr.yaml', 'test/fixtures/overlays/club.fr.yaml'];
    expect(await runInProcess(['validate', '--strict', ...files])).toEqual({
      code: 0,
      stderr: '',
      stdout: 'ok models/community@2.0.fr.yaml: fr translation of model community 2.0\nok models/community@1.0.fr.yaml: fr translation of model community 1.0\nok test/fixtures/overlays/club.fr.yaml: fr translation of model club 2.0\n',
    });
  });

  it('validate --format json names the kind of a translation', async () => {
    const result = await runInProcess(['validate', '-f', 'json', 'models/community@2.0.fr.yaml']);
    expect(JSON.parse(result.stdout)).toEqual({ valid: true, files: [{ path: 'models/community@2.0.fr.yaml', kind: 'overlay', valid: true, errors: [], warnings: [] }] });
  });

  it('a translation found in a folder scored is passed over with the models', async () => {
    const result = await runInProcess(['score', 'test/fixtures/overlays/', '-f', 'csv', '--verbose']);
    expect(result.stderr).toContain('test/fixtures/overlays/club.fr.yaml');
    expect(result.stdout.split('\n')[1]).toMatch(/^test\/fixtures\/overlays\/club-answers\.yaml,Club des Lilas,/);
  });
});

/** The JSON report of a run, with its language and the names of its model and stages. */
async function scored(args: string[], options: Parameters<typeof runInProcess>[1] = {}) {
  const result = await runInProcess(['score', ...args, '-f', 'json'], options);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { language: string; model: { name: string }; stages: { name: string }[] };
  return { language: report.language, model: report.model.name, stages: report.stages.map((stage) => stage.name), stderr: result.stderr };
}

const CLUB_FRENCH = { language: 'fr', model: 'Communauté du club', stages: ['Départ', 'Croissance', 'Partage'] };
const CLUB_ENGLISH = { language: 'en', model: 'Club Community', stages: ['Start', 'Grown', 'Shared'] };
/** The club answers without their `language: fr` line. */
const UNSTATED = readFileSync(CLUB_ANSWERS, 'utf8').replace('language: fr\n', '').replace('model: ./club.yaml', `model: ${CLUB_MODEL}`);

describe('the language of a report', () => {
  it('is the answers file’s language: when no --lang is given, whatever the environment', async () => {
    expect(await scored([CLUB_ANSWERS])).toMatchObject(CLUB_FRENCH);
    expect(await scored([CLUB_ANSWERS], { env: { LANG: 'en_US.UTF-8' } })).toMatchObject(CLUB_FRENCH);
  });

  it('is --lang above all', async () => {
    expect(await scored([CLUB_ANSWERS, '--lang', 'en'])).toMatchObject(CLUB_ENGLISH);
    expect(await scored([CLUB_ANSWERS, '--lang', 'en'], { env: { LC_ALL: 'fr_FR.UTF-8' } })).toMatchObject(CLUB_ENGLISH);
    expect(await scored(['-', '--lang', 'fr'], { input: UNSTATED, env: { LANG: 'en_GB.UTF-8' } })).toMatchObject(CLUB_FRENCH);
  });

  it('is the environment’s for answers that state none, else English', async () => {
    expect(await scored(['-'], { input: UNSTATED, env: { LANG: 'fr_FR.UTF-8' } })).toMatchObject(CLUB_FRENCH);
    expect(await scored(['-'], { input: UNSTATED })).toMatchObject(CLUB_ENGLISH);
  });

  it('comes with the built-in model’s French texts, from its shipped translation', async () => {
    expect(await scored(['examples/fr/communaute-clients.yaml'])).toMatchObject({
      language: 'fr',
      model: 'Maturité de l’animation de communauté',
      stages: ['Hiérarchie', 'Communauté émergente', 'Communauté', 'Réseau'],
    });
    expect(await scored(['examples/community@1.0/middle.yaml', '--lang', 'fr'])).toMatchObject({ language: 'fr', stages: ['Hiérarchie', 'Communauté émergente', 'Communauté', 'Réseau'] });
    expect(await scored(['examples/community@1.0/middle.yaml'])).toMatchObject({ language: 'en', stages: ['Hierarchy', 'Emergent Community', 'Community', 'Network'] });
  });

  it('is said by every report of a list, each in its own file’s language', async () => {
    const result = await runInProcess(['score', CLUB_ANSWERS, 'examples/community@1.0/middle.yaml', '-f', 'json', '--sort', 'name']);
    const reports = JSON.parse(result.stdout) as { language: string; model: { name: string } }[];
    expect(reports.map((report) => [report.language, report.model.name])).toEqual([
      ['fr', 'Communauté du club'],
      ['en', 'Community Management Maturity'],
    ]);
  });

  it('leaves a model without a translation in its own words, silently', async () => {
    const answers = 'test/fixtures/small-models/open-data.yaml';
    const english = await scored([answers]);
    expect(await scored([answers, '--lang', 'fr'])).toEqual({ ...english, language: 'fr', stderr: expect.stringContaining('sans réponse') });
  });

  it('refuses a translation that does not fit its model, at its place in the translation (in the run’s language), and reads none in English', async () => {
    const answers = 'organisation: Club\nanswers:\n  goals.written: "yes"\n';
    const model = 'test/fixtures/overlays/other/club.yaml';
    expect(await runInProcess(['score', '-', '--model', model, '--lang', 'fr'], { input: answers })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'test/fixtures/overlays/other/club.fr.yaml:2:13: ce fichier traduit le modèle clubs, mais il est vérifié par rapport au modèle club\n',
    });
    expect((await runInProcess(['score', '-', '--model', model], { input: answers })).code).toBe(0);
  });

  it('gives the texts of diff, history and benchmark in the language asked for', async () => {
    const pair = ['examples/community@1.0/early.yaml', 'examples/community@1.0/partial.yaml'];
    expect((await runInProcess(['diff', ...pair, '--lang', 'fr'])).stdout).toContain('Stratégie');
    const history = await runInProcess(['history', 'examples/community@1.0/middle.yaml', '--lang', 'fr', '-f', 'json']);
    expect(history.stdout).toContain('Maturité de l’animation de communauté');
    const benchmark = await runInProcess(['benchmark', 'examples/community@1.0/', '--lang', 'fr', '--min-completeness', '0']);
    expect(benchmark.stdout).toContain('Stratégie');
  });

  it('migrate writes the migration notes of the French translation', async () => {
    const result = await runInProcess(['migrate', 'examples/community@1.0/early.yaml', '--lang', 'fr']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# La version 2.0 ajoute des critères');
    expect(result.stdout).not.toContain('Version 2.0 adds');
    const english = await runInProcess(['migrate', 'examples/community@1.0/early.yaml']);
    expect(english.stdout).not.toContain('La version 2.0');
  });
});

describe('the JSON Schema of translations', () => {
  const schema = JSON.parse(readFileSync('schema/overlay.schema.json', 'utf8')) as Record<string, unknown>;

  it('is the one the code makes', () => {
    expect(readFileSync('schema/overlay.schema.json', 'utf8')).toBe(jsonSchemaText(overlayJsonSchema()));
  });

  it('accepts the shipped translations and refuses a broken one', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    ajv.addVocabulary(EDITOR_KEYWORDS);
    const validate = ajv.compile(schema);
    for (const file of ['models/community@2.0.fr.yaml', 'models/community@1.0.fr.yaml', 'test/fixtures/overlays/club.fr.yaml']) {
      expect(validate(parse(readFileSync(file, 'utf8'), { version: '1.2' })), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(parse(readFileSync(`${BAD}/shape.fr.yaml`, 'utf8'), { version: '1.2' }))).toBe(false);
  });
});
