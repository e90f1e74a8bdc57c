import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { modelListSchema } from '../../src/schema/models.js';
import { boxRows, MODEL, ok, okInProcess, ROOT, runCli, runInProcess, scoreJson, scoreJsonInProcess, tempDir } from './support.js';

// Runs without a working folder of their own are in this process (runInProcess). Spawned, as
// they are about the process: every run from another working folder (cwd), which is the
// process's own, and so is how relative paths are resolved.

const MIDDLE = 'examples/community@1.0/middle.yaml';

describe('choosing the model', async () => {
  const dir = tempDir();
  const byFile = await okInProcess(['score', MIDDLE, '-f', 'json']);

  it.each([
    ['--model', 'community'],
    ['--model', 'models/community@1.0.yaml'],
    ['-m', './models/community@1.0.yaml'],
    ['-m', join(ROOT, 'models/community@1.0.yaml')],
  ])('%s %s gives the same report as the file’s model:', async (flag, ref) => {
    expect(await okInProcess(['score', MIDDLE, flag, ref, '-f', 'json'])).toBe(byFile);
  });

  it('resolves --model paths against the working folder', () => {
    const elsewhere = join(dir, 'cwd');
    mkdirSync(elsewhere);
    copyFileSync(join(ROOT, 'models/community@1.0.yaml'), join(elsewhere, 'local.yaml'));
    expect(ok(['score', join(ROOT, MIDDLE), '-m', 'local.yaml', '-f', 'json'], { cwd: elsewhere })).toBe(byFile);
    expect(ok(['score', join(ROOT, MIDDLE), '-m', './local.yaml', '-f', 'json'], { cwd: elsewhere })).toBe(byFile);
  });

  it('resolves a relative model: in the answers file against the answers file’s folder, not the working folder', () => {
    const project = join(dir, 'project');
    const other = join(dir, 'other');
    mkdirSync(project);
    mkdirSync(other);
    const model = readFileSync(join(ROOT, 'models/community@1.0.yaml'), 'utf8')
      .replace(/^id: community$/m, 'id: my-model')
      .replace(/^name: .*$/m, 'name: My Own Model')
      .replace(/^version: .*$/m, 'version: "2.1"');
    writeFileSync(join(project, 'my-model.yaml'), model);
    const answers = readFileSync(join(ROOT, MIDDLE), 'utf8').replace(/^model: community(@1\.0)?$/m, 'model: ./my-model.yaml');
    expect(answers).toContain('model: ./my-model.yaml');
    writeFileSync(join(project, 'answers.yaml'), answers);

    const report = scoreJson([join(project, 'answers.yaml')], { cwd: other });
    expect(report.model).toEqual({ id: 'my-model', name: 'My Own Model', version: '2.1' });
    // Same content, same scores.
    const builtin = JSON.parse(byFile) as typeof report;
    expect(report.competencies).toEqual(builtin.competencies);
    expect(report.overall).toEqual(builtin.overall);

    // A relative path to the answers file works too.
    expect(ok(['score', '../project/answers.yaml', '-f', 'json'], { cwd: other })).toBe(ok(['score', join(project, 'answers.yaml'), '-f', 'json'], { cwd: other }));
    // The file's model: is checked by validate in the same way.
    expect(ok(['validate', '../project/answers.yaml'], { cwd: other })).toBe('ok ../project/answers.yaml: answers of Larkspur Analytics for model my-model 2.1 (72/72 answered)\n');
  });

  it('resolves a relative model: read from standard input against the working folder', () => {
    const project = join(dir, 'project');
    const text = readFileSync(join(project, 'answers.yaml'), 'utf8');
    expect(scoreJson(['-'], { cwd: project, input: text }).model.id).toBe('my-model');
    const elsewhere = runCli(['score', '-'], { cwd: join(dir, 'other'), input: text });
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stdout).toBe('');
    expect(elsewhere.stderr).toContain('my-model.yaml');
  });

  it('lets --model win over the file’s model:', () => {
    const answers = join(dir, 'project', 'answers.yaml');
    expect(scoreJson([answers, '--model', 'community'], { cwd: join(dir, 'other') }).model.id).toBe('community');
  });

  it('uses the community model when the answers file names none', async () => {
    const answers = join(dir, 'no-model.yaml');
    writeFileSync(answers, stringify({ organisation: 'Nameless', answers: { 'strategy.purpose': 'yes' } }));
    const report = await scoreJsonInProcess([answers]);
    expect(report.model.id).toBe('community');
    expect(report.completeness.answered).toBe(1);
  });
});

describe('models', () => {
  const indicators = MODEL.competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);

  it('lists the community model in a table', async () => {
    // Wide enough for a row a line.
    const result = await runInProcess(['models', '--width', '200']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const rows = boxRows(result.stdout);
    expect(rows[0]).toEqual(['Model', 'Name', 'Version', 'Stages', 'Competencies', 'Indicators']);
    const community = rows.find((row) => row[0] === 'community@1.0');
    expect(community).toEqual([
      'community@1.0',
      MODEL.name,
      MODEL.version,
      MODEL.stages.map((stage) => stage.name).join(' → '),
      '8',
      '72',
    ]);
    expect(MODEL.stages).toHaveLength(4);
    expect(MODEL.competencies).toHaveLength(8);
    expect(indicators).toBe(72);
    const newest = (JSON.parse((await runInProcess(['models', '-f', 'json'])).stdout) as { reference: string; newest: boolean }[]).find((model) => model.newest)!;
    expect(result.stdout).toContain(`community names the newest version, ${newest.reference}.\n`);
  });

  it('lists the community model as JSON', async () => {
    const result = await runInProcess(['models', '--format', 'json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as unknown[];
    expect(list).toContainEqual({
      reference: 'community@1.0',
      id: 'community',
      newest: list.length === 1,
      name: MODEL.name,
      version: MODEL.version,
      stages: ['Hierarchy', 'Emergent Community', 'Community', 'Network'],
      competencies: 8,
      indicators: 72,
      source: 'models/community@1.0.yaml',
    });
    expect(modelListSchema.parse(list)).toEqual(list);
    expect(result.stdout).toBe(`${JSON.stringify(list, null, 2)}\n`);
    expect((await runInProcess(['models', '-f', 'json'])).stdout).toBe(result.stdout);
  });

  it('rejects an unknown format with exit 2', async () => {
    const result = await runInProcess(['models', '--format', 'markdown']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('markdown');
  });
});
