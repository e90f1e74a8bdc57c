import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { benchmarkSchema, type Benchmark } from '../../src/schema/benchmark.js';
import { COMPLETE_EXAMPLES, EXAMPLES, ok, runCli, scoreJson, tempDir } from './support.js';

function benchmarkJson(args: string[]): Benchmark {
  return benchmarkSchema.parse(JSON.parse(ok(['benchmark', ...args, '--format', 'json'])));
}

describe('benchmark', () => {
  it('summarises a pool, with each statistic checked against the scores', () => {
    const result = benchmarkJson(['examples/*.yaml']);
    expect(result.count).toBe(EXAMPLES.length);
    const overall = EXAMPLES.map((file) => scoreJson([file]).overall.score).sort((a, b) => a - b);
    expect(result.overall.distribution.min).toBe(overall[0]);
    expect(result.overall.distribution.max).toBe(overall.at(-1));
    // Four scores: the median is the mean of the middle two, truncated to 2 decimals.
    expect(result.overall.distribution.median).toBe(Math.floor(((overall[1]! + overall[2]!) / 2) * 100 + 1e-9) / 100);
    const shares = Object.values(result.overall.stages).reduce((sum, share) => sum + share, 0);
    expect(shares).toBeCloseTo(1, 9);
    expect(result.competencies.map((competency) => competency.id)).toEqual(['strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics']);
  });

  it('accepts files, folders and quoted glob patterns alike, counting each file once', () => {
    // A folder of its own: examples/ also holds CI workflow files, which are YAML but not answers.
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    for (const file of EXAMPLES) copyFileSync(file, join(folder, file === 'examples/middle.yaml' ? 'nested/middle.yml' : file.slice('examples/'.length)));
    const byGlob = benchmarkJson(['examples/*.yaml']);
    const byFiles = benchmarkJson(EXAMPLES);
    const byFolder = benchmarkJson([folder]);
    const overlapping = benchmarkJson([folder, join(folder, 'nested', 'middle.yml'), `${folder}/**/*.y*ml`]);
    expect(byGlob).toEqual(byFiles);
    expect(byFolder).toEqual(byFiles);
    expect(overlapping).toEqual(byFiles);
  });

  it('places an organisation with --org and names where it is furthest behind', () => {
    const result = benchmarkJson(['examples/*.yaml', '--org', 'examples/early.yaml']);
    const early = scoreJson(['examples/early.yaml']);
    expect(result.organisation?.organisation).toBe(early.organisation);
    expect(result.organisation?.overall.score).toBe(early.overall.score);
    // Percentile rank: the share of the pool below, ties counting half.
    const pool = EXAMPLES.map((file) => scoreJson([file]).overall.score);
    const below = pool.filter((score) => score < early.overall.score).length;
    const equal = pool.filter((score) => score === early.overall.score).length;
    expect(result.organisation?.overall.percentile).toBe(((below + equal / 2) / pool.length) * 100);
    expect(result.organisation?.furthestBehind.length).toBeGreaterThan(0);
    for (const id of result.organisation!.furthestBehind) {
      expect(result.organisation!.competencies.find((competency) => competency.id === id)!.gap).toBeLessThan(0);
    }
  });

  it('writes the same numbers as table, markdown and RFC 4180 CSV', () => {
    const json = benchmarkJson(COMPLETE_EXAMPLES);
    const table = ok(['benchmark', ...COMPLETE_EXAMPLES]);
    const markdown = ok(['benchmark', ...COMPLETE_EXAMPLES, '--format', 'markdown']);
    const rows = parseCsv(ok(['benchmark', ...COMPLETE_EXAMPLES, '--format', 'csv']), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.competency)).toEqual([...json.competencies.map((competency) => competency.id), 'overall']);
    const strategy = json.competencies[0]!;
    expect(rows[0]).toMatchObject({ name: 'Strategy', count: '3', median: strategy.distribution.median.toFixed(2) });
    // A name with a comma-free ampersand stays one field; the header names every stage share.
    expect(rows[4]!.name).toBe('Content & Programming');
    expect(Object.keys(rows[0]!)).toContain('share_network');
    expect(table).toContain(strategy.distribution.median.toFixed(2));
    expect(markdown).toContain(`| Strategy | 3 |`);
  });

  it('refuses a pool mixing models, naming the file', () => {
    const folder = tempDir();
    const model = join(folder, 'other.yaml');
    copyFileSync('models/community.yaml', model);
    writeFileSync(model, readFileSync(model, 'utf8').replace('version: "1.0"', 'version: "2.0"'));
    writeFileSync(join(folder, 'acme.yaml'), 'organisation: Acme\nmodel: ./other.yaml\nanswers:\n  strategy.purpose: "yes"\n');
    const result = runCli(['benchmark', 'examples/middle.yaml', join(folder, 'acme.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`${join(folder, 'acme.yaml')}:1:1: uses model community 2.0, but the pool uses community 1.0 (as in examples/middle.yaml)`);
  });

  it('reports every invalid file and writes nothing', () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'nested'));
    writeFileSync(join(folder, 'nested', 'bad.yaml'), 'organisation: Bad\nanswers:\n  strategy.purpose: maybe\n');
    writeFileSync(join(folder, 'worse.yml'), 'organisation: [\n');
    copyFileSync('examples/middle.yaml', join(folder, 'good.yaml'));
    const output = join(folder, 'out.json');
    const result = runCli(['benchmark', folder, '-o', output]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(folder, 'nested', 'bad.yaml')}:3:21: "maybe" is not an answer`);
    expect(result.stderr).toContain(`${join(folder, 'worse.yml')}:1:`);
    expect(existsSync(output)).toBe(false);
  });

  it('says plainly when a pattern or folder matches nothing', () => {
    const empty = tempDir();
    expect(runCli(['benchmark', 'examples/*.json'])).toMatchObject({ code: 2, stderr: 'cm-maturity: error: no files match examples/*.json\n' });
    expect(runCli(['benchmark', empty])).toMatchObject({ code: 2, stderr: `cm-maturity: error: no *.yaml or *.yml files in folder ${empty}\n` });
    expect(runCli(['benchmark', 'examples/nope.yaml']).stderr).toContain('examples/nope.yaml:1:1: no such file');
  });
});
