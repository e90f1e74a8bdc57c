import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { modelineTarget } from '../../src/read/schema-files.js';
import { EDITOR_KEYWORDS } from '../../src/schema/json-schema.js';
import { INDICATOR_COUNT, MODEL, ROOT, runCli, runInProcess, scoreJsonInProcess, tempDir } from './support.js';

// The answers file init writes is checked on runs in this process (runInProcess). Spawned, as they
// are about the files a process writes or leaves alone: init -o writing a file, refusing to
// replace one, and writing nothing on a bad option.

const SCHEMA = join(ROOT, 'schema/answers.community@1.0.schema.json');
const INDICATORS = MODEL.competencies.flatMap((competency) => competency.indicators.map((indicator) => ({ ...indicator, competency: competency.name })));
const readAnswers = (text: string) => parse(text, { version: '1.2' }) as { organisation: string; date: string | null; model: string; assessor: string | null; answers: Record<string, unknown> };

interface RawIndicator {
  id: string;
  stage: string;
  text: string;
  advice?: string;
}

describe('init', () => {
  const dir = tempDir();

  it('writes to standard output a file that lists every indicator, in model order, empty, under a comment with its text, stage, answers and advice', async () => {
    const result = await runInProcess(['init', '-m', 'community@1.0']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const text = result.stdout;
    // Written from the package's own folder: the modeline is relative to it.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./schema/answers.community@1.0.schema.json');
    const data = readAnswers(text);
    expect(data).toEqual({ organisation: 'Your organisation', date: null, model: 'community@1.0', assessor: null, answers: expect.any(Object) });
    expect(Object.entries(data.answers)).toEqual(INDICATORS.map((indicator) => [indicator.id, null]));

    const lines = text.split('\n');
    const stageNames = new Map(MODEL.stages.map((stage) => [stage.id, stage.name]));
    for (const indicator of INDICATORS as (RawIndicator & { competency: string })[]) {
      const at = lines.indexOf(`  ${indicator.id}:`);
      expect(at, indicator.id).toBeGreaterThan(0);
      // The comment block right above the key, joined back into running text.
      let start = at;
      while (lines[start - 1]!.startsWith('  # ')) start--;
      const block = lines.slice(start, at).map((line) => line.slice(4)).join(' ');
      expect(block).toContain(indicator.text);
      expect(block).toContain(`Stage: ${stageNames.get(indicator.stage)}. Answers: "yes", mostly, partly, "no", n/a.`);
      expect(block).toContain(`Advice: ${indicator.advice}`);
    }
    // Grouped by competency, then by stage.
    for (const competency of MODEL.competencies) expect(text).toContain(`  # ${competency.name} (${competency.id})\n`);
    expect(text).toContain('  # --- Strategy: Emergent Community ---\n');
    expect(lines.every((line) => line.length <= 100), 'lines fit in 100 columns').toBe(true);
  });

  it('-o writes the file, which validates as it is and passes the shipped schema', async () => {
    const file = join(dir, 'fresh.yaml');
    const result = runCli(['init', '-m', 'community@1.0', '-o', file]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const validate = await runInProcess(['validate', file]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toBe(`ok ${file}: answers of Your organisation for model community 1.0 (0/${INDICATOR_COUNT} answered)\n`);
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    ajv.addVocabulary(EDITOR_KEYWORDS);
    const check = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
    expect(check(readAnswers(readFileSync(file, 'utf8'))), JSON.stringify(check.errors)).toBe(true);
    // Outside the package's project, the modeline is the shipped schema's absolute path.
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA}`);
  });

  it('refuses to replace an existing file (exit 2, file untouched) unless --force', () => {
    const file = join(dir, 'existing.yaml');
    writeFileSync(file, 'organisation: Keep me\n');
    const refused = runCli(['init', '-m', 'community@1.0', '-o', file]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: ${file} already exists; use --force to replace it\n` });
    expect(readFileSync(file, 'utf8')).toBe('organisation: Keep me\n');
    expect(runCli(['init', '-m', 'community@1.0', '-o', file, '--force']).code).toBe(0);
    expect(readAnswers(readFileSync(file, 'utf8')).organisation).toBe('Your organisation');
  });

  it('creates the missing folders on the way to -o', async () => {
    const file = join(dir, 'new', 'nested', 'acme.yaml');
    expect(existsSync(join(dir, 'new'))).toBe(false);
    const result = await runInProcess(['init', '-m', 'community@1.0', '-o', file, '--organisation', 'Acme']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readAnswers(readFileSync(file, 'utf8')).organisation).toBe('Acme');
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe(`# yaml-language-server: $schema=${SCHEMA}`);
  });

  it('refuses an -o whose path goes through a file (exit 2), and creates nothing', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder\n');
    const result = await runInProcess(['init', '-m', 'community@1.0', '-o', join(blocker, 'sub', 'acme.yaml')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: cannot write ${join(blocker, 'sub', 'acme.yaml')}: a part of its path is not a folder\n` });
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder\n');
  });

  it('round trip: init, fill in some answers and a note, then score', async () => {
    const file = join(dir, 'round-trip.yaml');
    expect((await runInProcess(['init', '-m', 'community@1.0', '-o', file, '--organisation', 'Acme: "Community" Corp', '--date', '2026-10-01'])).code).toBe(0);
    const filled = readFileSync(file, 'utf8')
      .replace('\n  strategy.purpose:\n', '\n  strategy.purpose: "yes"\n')
      .replace('\n  strategy.sponsor:\n', '\n  strategy.sponsor: mostly\n')
      .replace('\n  strategy.audience:\n', '\n  strategy.audience: { answer: "yes", note: "Survey of May" }\n')
      .replace('\n  tools.sso:\n', '\n  tools.sso: n/a\n');
    writeFileSync(file, filled);
    const report = await scoreJsonInProcess([file]);
    expect(report.organisation).toBe('Acme: "Community" Corp');
    expect(report.date).toBe('2026-10-01');
    expect(report.completeness.answered).toBe(4);
    const strategy = report.competencies.find((competency) => competency.id === 'strategy')!;
    // Emergent: yes, mostly, yes = (1 + 0.75 + 1) / 3 = 0.9166… ≥ 0.75, so level 2; Community: all 0.
    expect(strategy.attainment.emergent).toBe(0.91);
    expect(strategy.score).toBe(2);
    expect(strategy.indicators.find((indicator) => indicator.id === 'strategy.audience')!.note).toBe('Survey of May');
  });

  it('refuses a bad --date or an empty --organisation with exit 2, writing nothing', () => {
    const file = join(dir, 'never.yaml');
    const date = runCli(['init', '-m', 'community@1.0', '-o', file, '--date', '2026-02-30']);
    expect(date).toEqual({ code: 2, stdout: '', stderr: 'cm-maturity: error: --date: "2026-02-30" is not a date written as YYYY-MM-DD\n' });
    expect(runCli(['init', '-m', 'community@1.0', '-o', file, '--organisation', ' ']).code).toBe(2);
    expect(runCli(['init', '-o', file, '--model', 'comunity']).stderr).toContain('did you mean community?');
    expect(existsSync(file)).toBe(false);
  });

  it('for a model file: model: is the path from the answers file, the modeline the generic schema unless --schema', async () => {
    const sub = join(dir, 'project', 'assessments');
    mkdirSync(sub, { recursive: true });
    const modelFile = join(dir, 'project', 'weak.yaml');
    writeFileSync(modelFile, readFileSync(join(ROOT, 'test/fixtures/weak-models/weak.yaml')));
    const file = join(sub, 'weak-answers.yaml');
    expect((await runInProcess(['init', '--model', modelFile, '-o', file])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${join(ROOT, 'schema/answers.schema.json')}`);
    expect(readAnswers(text).model).toBe('../weak.yaml');
    expect(Object.keys(readAnswers(text).answers)).toHaveLength(9);
    // Scored from another folder: model: is resolved from the answers file's folder.
    expect((await runInProcess(['score', file, '--format', 'json'])).code).toBe(0);

    expect((await runInProcess(['init', '--model', modelFile, '-o', file, '--force', '--schema', '../weak.answers.schema.json'])).code).toBe(0);
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../weak.answers.schema.json');
  });

  it('--help shows examples', async () => {
    const result = await runInProcess(['init', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('$ cm-maturity init -o answers.yaml');
  });
});

describe('modelineTarget', () => {
  it('is relative when the package is installed in the project of the answers file', () => {
    const schema = '/home/me/project/node_modules/cm-maturity/schema/answers.community.schema.json';
    expect(modelineTarget(schema, '/home/me/project')).toBe('./node_modules/cm-maturity/schema/answers.community.schema.json');
    expect(modelineTarget(schema, '/home/me/project/assessments/2026')).toBe('../../node_modules/cm-maturity/schema/answers.community.schema.json');
  });

  it('is relative inside the package itself, absolute anywhere else (a global or npx install)', () => {
    expect(modelineTarget('/src/cm-maturity/schema/a.json', '/src/cm-maturity/examples')).toBe('../schema/a.json');
    expect(modelineTarget('/src/cm-maturity/schema/a.json', '/src/cm-maturity')).toBe('./schema/a.json');
    expect(modelineTarget('/usr/lib/node_modules/cm-maturity/schema/a.json', '/home/me/project')).toBe('/usr/lib/node_modules/cm-maturity/schema/a.json');
    expect(modelineTarget('/home/me/.npm/_npx/1a2b/node_modules/cm-maturity/schema/a.json', '/home/me/project')).toBe('/home/me/.npm/_npx/1a2b/node_modules/cm-maturity/schema/a.json');
  });
});
