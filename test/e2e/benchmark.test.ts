import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { benchmarkSchema, type Benchmark } from '../../src/schema/benchmark.js';
import { COMPLETE_EXAMPLES, EXAMPLES, okInProcess, runCli, runInProcess, scoreJsonInProcess, tempDir } from './support.js';

// Runs are in this process (runInProcess), but for the one that is about the files a run leaves:
// an invalid pool writes no -o file, checked on a spawned CLI.

async function benchmarkJson(args: string[]): Promise<Benchmark> {
  return benchmarkSchema.parse(JSON.parse(await okInProcess(['benchmark', ...args, '--format', 'json'])));
}

/** The overall score of each file, scored on its own. */
async function scoresOf(files: string[]): Promise<number[]> {
  const scores: number[] = [];
  for (const file of files) scores.push((await scoreJsonInProcess([file])).overall.score);
  return scores;
}

describe('benchmark', () => {
  it('summarises a pool, with each statistic checked against the scores', async () => {
    const result = await benchmarkJson(['examples/community@1.0/*.yaml']);
    expect(result.count).toBe(EXAMPLES.length);
    const overall = (await scoresOf(EXAMPLES)).sort((a, b) => a - b);
    expect(result.overall.distribution.min).toBe(overall[0]);
    expect(result.overall.distribution.max).toBe(overall.at(-1));
    // Four scores: the median is the mean of the middle two, truncated to 2 decimals.
    expect(result.overall.distribution.median).toBe(Math.floor(((overall[1]! + overall[2]!) / 2) * 100 + 1e-9) / 100);
    const shares = Object.values(result.overall.stages).reduce((sum, share) => sum + share, 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(result.competencies.map((competency) => competency.id)).toEqual(['strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics']);
  });

  it('accepts files, folders and quoted glob patterns alike, counting each file once', async () => {
    // A folder of its own: examples/ also holds CI workflow files, which are YAML but not answers.
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    for (const file of EXAMPLES) copyFileSync(file, join(folder, file === 'examples/community@1.0/middle.yaml' ? 'nested/middle.yml' : file.slice('examples/community@1.0/'.length)));
    const byGlob = await benchmarkJson(['examples/community@1.0/*.yaml']);
    const byFiles = await benchmarkJson(EXAMPLES);
    const byFolder = await benchmarkJson([folder]);
    const overlapping = await benchmarkJson([folder, join(folder, 'nested', 'middle.yml'), `${folder}/**/*.y*ml`]);
    expect(byGlob).toEqual(byFiles);
    expect(byFolder).toEqual(byFiles);
    expect(overlapping).toEqual(byFiles);
  });

  it('places an organisation with --org and names where it is furthest behind', async () => {
    const result = await benchmarkJson(['examples/community@1.0/*.yaml', '--org', 'examples/community@1.0/early.yaml']);
    const early = await scoreJsonInProcess(['examples/community@1.0/early.yaml']);
    expect(result.organisation?.organisation).toBe(early.organisation);
    expect(result.organisation?.overall.score).toBe(early.overall.score);
    // Percentile rank: the share of the pool below, ties counting half.
    const pool = await scoresOf(EXAMPLES);
    const below = pool.filter((score) => score < early.overall.score).length;
    const equal = pool.filter((score) => score === early.overall.score).length;
    expect(result.organisation?.overall.percentile).toBe(((below + equal / 2) / pool.length) * 100);
    expect(result.organisation?.furthestBehind.length).toBeGreaterThan(0);
    for (const id of result.organisation!.furthestBehind) {
      expect(result.organisation!.competencies.find((competency) => competency.id === id)!.gap).toBeLessThan(0);
    }
  });

  it('writes the same numbers as table, markdown and RFC 4180 CSV', async () => {
    const json = await benchmarkJson(COMPLETE_EXAMPLES);
    const table = await okInProcess(['benchmark', ...COMPLETE_EXAMPLES]);
    const markdown = await okInProcess(['benchmark', ...COMPLETE_EXAMPLES, '--format', 'markdown']);
    const rows = parseCsv(await okInProcess(['benchmark', ...COMPLETE_EXAMPLES, '--format', 'csv']), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.competency)).toEqual([...json.competencies.map((competency) => competency.id), 'overall']);
    const strategy = json.competencies[0]!;
    expect(rows[0]).toMatchObject({ name: 'Strategy', count: '3', median: strategy.distribution.median.toFixed(2) });
    // A name with a comma-free ampersand stays one field; the header names every stage share.
    expect(rows[4]!.name).toBe('Content & Programming');
    expect(Object.keys(rows[0]!)).toContain('share_network');
    expect(table).toContain(strategy.distribution.median.toFixed(2));
    expect(markdown).toContain(`| Strategy | 3 |`);
  });

  it('refuses a pool mixing models, naming the file', async () => {
    const folder = tempDir();
    const model = join(folder, 'other.yaml');
    copyFileSync('models/community@1.0.yaml', model);
    writeFileSync(model, readFileSync(model, 'utf8').replace('version: "1.0"', 'version: "2.0"'));
    writeFileSync(join(folder, 'acme.yaml'), 'organisation: Acme\nmodel: ./other.yaml\nanswers:\n  strategy.purpose: "yes"\n');
    const result = await runInProcess(['benchmark', 'examples/community@1.0/middle.yaml', join(folder, 'acme.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${join(folder, 'acme.yaml')}:1:1: uses model community 2.0, but the pool uses community 1.0 (as in examples/community@1.0/middle.yaml)`);
  });

  it('reports every invalid file and writes nothing', () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'nested', 'bad.yaml'), 'organisation: Bad\nanswers:\n  strategy.purpose: maybe\n');
    writeFileSync(join(folder, 'worse.yml'), 'organisation: [\n');
    copyFileSync('examples/community@1.0/middle.yaml', join(folder, 'good.yaml'));
    const output = join(folder, 'out.json');
    const result = runCli(['benchmark', folder, '-o', output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'nested', 'bad.yaml')}:3:21: "maybe" is not an answer`);
    expect(result.stderr).toContain(`${join(folder, 'worse.yml')}:1:`);
    expect(existsSync(output)).toBe(false);
  });

  it('says plainly when a pattern or folder matches nothing', async () => {
    const empty = tempDir();
    expect(await runInProcess(['benchmark', 'examples/community@1.0/*.json'])).toMatchObject({ code: 2, stderr: 'cm-maturity: error: no files match examples/community@1.0/*.json\n' });
    expect(await runInProcess(['benchmark', empty])).toMatchObject({ code: 2, stderr: `cm-maturity: error: no *.yaml or *.yml files in folder ${empty}\n` });
    expect((await runInProcess(['benchmark', 'examples/nope.yaml'])).stderr).toContain('examples/nope.yaml:1:1: no such file');
  });
});
