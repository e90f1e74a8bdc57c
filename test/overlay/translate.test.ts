import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkAnswers } from '../../src/core/assessment.js';
import { checkOverlay, translateModel } from '../../src/core/overlay.js';
import { scoreAssessment } from '../../src/core/score.js';
import { createLocale } from '../../src/locale/locale.js';
import { parseModel } from '../../src/parse/model.js';
import { readCatalogue } from '../../src/read/catalogue.js';
import { readCompiledModel } from '../../src/read/compiled-model.js';
import { answersSchema } from '../../src/schema/answers.js';
import { NOT_APPLICABLE, type Model } from '../../src/schema/model.js';
import { overlaySchema, type Overlay } from '../../src/schema/overlay.js';
import type { Report } from '../../src/schema/report.js';

// translateModel puts a translation's texts in place of the model's and leaves everything else;
// checkOverlay says what a translation lacks. Every expectation is read from the fixtures by hand.

const english = createLocale('en', readCatalogue);
const french = createLocale('fr', readCatalogue);

const readModel = (path: string): Model => parseModel({ file: path, text: readFileSync(path, 'utf8') });
const readOverlay = (path: string): Overlay => overlaySchema.parse(parse(readFileSync(path, 'utf8'), { version: '1.2' }));

const CLUB = readModel('test/fixtures/overlays/club.yaml');
const CLUB_FR = readOverlay('test/fixtures/overlays/club.fr.yaml');

describe('translateModel', () => {
  it('puts every text of the translation in place of the model’s, and nothing else', () => {
    const translated = translateModel(CLUB, CLUB_FR);
    expect(translated).toEqual({
      id: 'club',
      name: 'Communauté du club',
      version: '2.0',
      description: 'Comment un club anime sa communauté.',
      source: 'Écrit pour les tests.',
      scale: [
        { id: 'yes', label: 'Oui', value: 1, description: 'Tous les critères sont remplis.' },
        // The model gives this level no description: none is added, whatever a translation says.
        { id: 'partly', label: 'Partiellement', value: 0.5 },
        { id: 'no', label: 'Non', value: 0, description: 'Cela ne se fait pas.' },
      ],
      threshold: 0.75,
      aggregate: 'mean',
      contexts: [
        { id: 'staff', name: 'Réseau des salariés', description: 'Les salariés qui travaillent ensemble.' },
        { id: 'members', name: 'Communauté des membres' },
      ],
      stages: [
        { id: 'start', name: 'Départ', description: 'Rien encore.' },
        { id: 'grown', name: 'Croissance' },
        { id: 'shared', name: 'Partage', description: 'Animé ensemble.' },
      ],
      competencies: [
        {
          id: 'goals',
          name: 'Objectifs',
          weight: 2,
          description: 'Ce que vise le club.',
          stages: { start: 'Aucun objectif.', grown: 'Des objectifs écrits.' },
          sources: [{ title: 'Un guide des objectifs', url: 'https://example.org/goals' }],
          indicators: [
            {
              id: 'goals.written',
              stage: 'grown',
              text: 'Les objectifs sont écrits.',
              criteria: ['Les objectifs tiennent dans un document.', 'Chaque objectif a une date.'],
              evidence: 'Le document des objectifs.',
              advice: 'Écrivez-les.',
              weight: 1,
              effort: 'small',
              owner: 'community manager',
              key: true,
            },
            { id: 'goals.members', stage: 'grown', text: 'Les membres ont voté les objectifs.', weight: 1, contexts: ['members'] },
            { id: 'goals.shared', stage: 'shared', text: 'Les membres portent les objectifs.', advice: 'Confiez la revue aux membres.', weight: 2 },
          ],
        },
        {
          id: 'events',
          name: 'Événements',
          weight: 1,
          indicators: [
            { id: 'events.regular', stage: 'grown', text: 'Un événement a lieu chaque mois.', weight: 1 },
            {
              id: 'events.led',
              stage: 'shared',
              text: 'Les membres animent les événements.',
              criteria: ['La moitié des événements sont animés par des membres.', 'Les membres choisissent les sujets.'],
              weight: 1,
            },
          ],
        },
      ],
      migrations: [{ from: '1.0', note: 'Les objectifs sont désormais répartis en trois indicateurs.', indicators: { 'goals.set': ['goals.written', 'goals.members'] } }],
    });
    // The model given is left as it was.
    expect(CLUB.name).toBe('Club Community');
    expect(CLUB.competencies[0]!.indicators[0]!.text).toBe('Goals are written down.');
  });

  it('keeps the model’s own text wherever the translation has none, and its criteria when the counts differ', () => {
    const partial: Overlay = {
      translates: 'club',
      version: '2.0',
      language: 'fr',
      stages: { grown: { name: 'Croissance' } },
      indicators: { 'events.led': { text: 'Les membres animent les événements.', criteria: ['Un seul critère.'] } },
    };
    const translated = translateModel(CLUB, partial);
    expect(translated.name).toBe('Club Community');
    expect(translated.stages.map((stage) => stage.name)).toEqual(['Start', 'Croissance', 'Shared']);
    expect(translated.stages[0]!.description).toBe('Nothing yet.');
    const led = translated.competencies[1]!.indicators[1]!;
    expect(led.text).toBe('Les membres animent les événements.');
    expect(led.criteria).toEqual(['Half the events are led by members.', 'Members choose the topics.']);
    expect(translated.competencies[0]!.sources).toEqual([{ title: 'A guide to goals', url: 'https://example.org/goals' }]);
    expect(translated.migrations![0]!.note).toBe('Goals are now split in three.');
  });

  it('never takes a text an object inherits for a translation', () => {
    const model = { ...CLUB, scale: [{ id: 'constructor', label: 'Constructor', value: 1 }, ...CLUB.scale.slice(1)] };
    expect(translateModel(model, { translates: 'club', version: '2.0', language: 'fr' }).scale[0]!.label).toBe('Constructor');
  });
});

describe('checkOverlay', () => {
  it('finds nothing to say of a complete translation of the same version', () => {
    expect(checkOverlay(CLUB, CLUB_FR, english)).toEqual({ errors: [], warnings: [] });
  });

  it('warns of every text the model has and the translation lacks, where the translation would hold it', () => {
    const partial: Overlay = {
      translates: 'club',
      version: '1.0',
      language: 'fr',
      name: 'Communauté du club',
      description: 'Comment un club anime sa communauté.',
      scale: { yes: { label: 'Oui' }, partly: { label: 'Partiellement' }, no: { label: 'Non', description: 'Cela ne se fait pas.' } },
      stages: { start: { name: 'Départ', description: 'Rien encore.' }, grown: { name: 'Croissance' }, shared: { name: 'Partage', description: 'Animé ensemble.' } },
      competencies: { goals: { name: 'Objectifs', description: 'Ce que vise le club.', stages: { start: 'Aucun objectif.' } } },
      indicators: {
        'goals.written': { text: 'Les objectifs sont écrits.', criteria: ['Un document.', 'Une date.'], evidence: 'Le document.', owner: 'community manager' },
        'goals.members': { text: 'Les membres ont voté les objectifs.' },
        'goals.shared': { text: 'Les membres portent les objectifs.', advice: 'Confiez la revue aux membres.' },
        'events.regular': { text: 'Un événement a lieu chaque mois.' },
        'events.led': { text: 'Les membres animent les événements.', criteria: ['La moitié.', 'Les sujets.'] },
      },
    };
    const { errors, warnings } = checkOverlay(CLUB, partial, english);
    expect(errors).toEqual([]);
    expect(warnings.map(({ path, at, code, message }) => [path.join('/'), at ?? 'value', code, message])).toEqual([
      ['version', 'value', 'overlay-stale', 'this translation was written for version 1.0 of club, which is now at version 2.0: check the texts that changed since'],
      ['', 'key', 'overlay-missing-text', "source of model club is not translated: the model's own text is used"],
      ['scale/yes', 'key', 'overlay-missing-text', "description of scale level yes is not translated: the model's own text is used"],
      ['', 'key', 'overlay-missing-text', "context staff is not translated: the model's own text is used"],
      ['', 'key', 'overlay-missing-text', "context members is not translated: the model's own text is used"],
      ['competencies/goals', 'key', 'overlay-missing-text', "stages.grown of competency goals is not translated: the model's own text is used"],
      ['competencies/goals', 'key', 'overlay-missing-text', "sources.https://example.org/goals of competency goals is not translated: the model's own text is used"],
      ['competencies', 'key', 'overlay-missing-text', "competency events is not translated: the model's own text is used"],
      ['indicators/goals.written', 'key', 'overlay-missing-text', "advice of indicator goals.written is not translated: the model's own text is used"],
      ['', 'key', 'overlay-missing-text', "the migration note from version 1.0 is not translated: the model's own text is used"],
    ]);
  });

  it('refuses every id the model does not have, at its key, and criteria of another count, in the language asked for', () => {
    const wrong = overlaySchema.parse({
      translates: 'club',
      version: '2.0',
      language: 'fr',
      scale: { maybe: { label: 'Peut-être' } },
      contexts: { partners: { name: 'Partenaires' } },
      stages: { grow: { name: 'Croissance' } },
      competencies: {
        goal: { name: 'Objectif' },
        goals: { stages: { shared: 'Des objectifs partagés.' }, sources: { 'https://example.org/other': 'Autre' } },
      },
      indicators: { 'goals.writen': { text: 'Écrit.' }, 'events.led': { criteria: ['Un seul.'] } },
      migrations: { '0.9': 'Rien.' },
    });
    const { errors } = checkOverlay(CLUB, wrong, french);
    expect(errors.map(({ path, at, code, message }) => [path.join('/'), at ?? 'value', code, message])).toEqual([
      ['scale/maybe', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas de niveau d’échelle maybe'],
      ['contexts/partners', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas de contexte partners'],
      ['stages/grow', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas de stade grow (vouliez-vous dire grown\u202f?)'],
      ['competencies/goal', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas de compétence goal (vouliez-vous dire goals\u202f?)'],
      ['competencies/goals/stages/shared', 'key', 'overlay-unknown-id', 'la compétence goals de club 2.0 ne décrit pas de stade shared'],
      ['competencies/goals/sources/https://example.org/other', 'key', 'overlay-unknown-id', 'la compétence goals de club 2.0 n’a pas de source à l’adresse https://example.org/other'],
      ['indicators/goals.writen', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas d’indicateur goals.writen (vouliez-vous dire goals.written\u202f?)'],
      ['indicators/events.led/criteria', 'value', 'overlay-criteria-count', 'l’indicateur events.led a 2 critères dans club 2.0, et 1 est donné ici\u00a0: donnez une traduction par critère, dans l’ordre du modèle'],
      ['migrations/0.9', 'key', 'overlay-unknown-id', 'club 2.0 n’a pas de migration depuis la version 0.9'],
    ]);
  });

  it('refuses a translation of another model, and says nothing else of it', () => {
    expect(checkOverlay(CLUB, { translates: 'clubs', version: '1.0', language: 'fr', indicators: { nope: {} } }, english)).toEqual({
      errors: [{ path: ['translates'], code: 'overlay-wrong-model', message: 'this translates model clubs, but is checked against model club' }],
      warnings: [],
    });
  });
});

/** A report without its texts: what must be the same in every language. */
function withoutTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTexts);
  if (value === null || typeof value !== 'object') return value;
  const TEXTS = new Set(['language', 'name', 'stageName', 'text', 'advice', 'criteria', 'evidencePrompt', 'owner']);
  return Object.fromEntries(Object.entries(value).filter(([key]) => !TEXTS.has(key)).map(([key, inner]) => [key, withoutTexts(inner)]));
}

function score(model: Model, answers: Record<string, string>, context: string | undefined, language: 'en' | 'fr'): Report {
  const { assessment, issues } = checkAnswers(model, answersSchema.parse({ organisation: 'Org', answers, ...(context === undefined ? {} : { context }) }));
  expect(issues).toEqual([]);
  return scoreAssessment(model, assessment, language);
}

/** Answers to every indicator of a model (a scale id, n/a or none), in one of its contexts or none. */
function answersTo(model: Model): fc.Arbitrary<{ answers: Record<string, string>; context: string | undefined }> {
  const ids = model.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.id));
  const choices = [...model.scale.map((level) => level.id), NOT_APPLICABLE, undefined];
  const contexts = [undefined, ...(model.contexts ?? []).map((context) => context.id)];
  return fc.tuple(fc.constantFrom(...contexts), fc.array(fc.constantFrom(...choices), { minLength: ids.length, maxLength: ids.length })).map(([context, picked]) => ({
    context,
    answers: Object.fromEntries(ids.flatMap((id, index) => (picked[index] === undefined ? [] : [[id, picked[index]!]]))),
  }));
}

/** Any translation of the club model: each text there or not, any words. */
const clubOverlay: fc.Arbitrary<Overlay> = (() => {
  const words = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');
  const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const entries = (ids: string[], texts: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(...ids.map((id) => maybe(texts).map((value) => [id, value] as const))).map((pairs) => Object.fromEntries(pairs.filter(([, value]) => value !== undefined)));
  const named = fc.record({ name: maybe(words), description: maybe(words) }, { requiredKeys: [] });
  return fc
    .record({
      name: maybe(words),
      scale: entries(['yes', 'partly', 'no'], fc.record({ label: maybe(words), description: maybe(words) }, { requiredKeys: [] })),
      stages: entries(['start', 'grown', 'shared'], named),
      contexts: entries(['staff', 'members'], named),
      competencies: entries(['goals', 'events'], named),
      indicators: entries(
        ['goals.written', 'goals.members', 'goals.shared', 'events.regular', 'events.led'],
        fc.record({ text: maybe(words), advice: maybe(words), owner: maybe(words), criteria: maybe(fc.array(words, { minLength: 2, maxLength: 2 })) }, { requiredKeys: [] }),
      ),
    })
    .map((texts) => overlaySchema.parse(JSON.parse(JSON.stringify({ translates: 'club', version: '2.0', language: 'fr', ...texts }))));
})();

describe('a translated model scores as the original', () => {
  it('gives the same scores, levels, stages and ids as the original for any answers and any translation of the club model', () => {
    fc.assert(
      fc.property(clubOverlay, answersTo(CLUB), (overlay, { answers, context }) => {
        const original = score(CLUB, answers, context, 'en');
        const translated = score(translateModel(CLUB, overlay), answers, context, 'fr');
        expect(translated.language).toBe('fr');
        expect(withoutTexts(translated)).toEqual(withoutTexts(original));
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same numbers, levels and ids with the French translation of each built-in model', () => {
    for (const version of ['1.0', '2.0']) {
      const model = readModel(`models/community@${version}.yaml`);
      const translated = translateModel(model, readOverlay(`models/community@${version}.fr.yaml`));
      fc.assert(
        fc.property(answersTo(model), ({ answers, context }) => {
          expect(withoutTexts(score(translated, answers, context, 'fr'))).toEqual(withoutTexts(score(model, answers, context, 'en')));
        }),
        { numRuns: 50 },
      );
    }
  });
});

describe('compiled translations of the built-in models', () => {
  it.each(['community@1.0', 'community@2.0'])('the build’s compiled French %s is the model translated by its YAML translation', (reference) => {
    const compiled = readCompiledModel(`${reference}.fr`, `models/${reference}.fr.yaml`, 'dist');
    expect(compiled).toBeDefined();
    expect(compiled).toEqual(translateModel(readModel(`models/${reference}.yaml`), readOverlay(`models/${reference}.fr.yaml`)));
  });

  it('is not used once the translation differs from the text it was made from', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cm-overlay-'));
    try {
      const edited = join(folder, 'community@2.0.fr.yaml');
      writeFileSync(edited, `${readFileSync('models/community@2.0.fr.yaml', 'utf8')}# edited\n`);
      expect(readCompiledModel('community@2.0.fr', edited, 'dist')).toBeUndefined();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
