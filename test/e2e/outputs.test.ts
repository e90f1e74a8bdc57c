import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { reportSchema } from '../../src/schema/report.js';
import { okInProcess, ROOT, runCli, runInProcess, tempDir } from './support.js';

// Several -o in one run, each file in the format its extension names; -f for standard output and
// files without a known extension; --regression-tolerance. In-process, except the last block,
// which is about the built program's files and exit code.

const MIDDLE = 'examples/community@1.0/middle.yaml';

/** What `score MIDDLE -f <format>` prints: the bytes a file of that format must hold. */
const printed = new Map<string, string>();
async function asPrinted(args: string[], format: string): Promise<string> {
  const key = `${args.join(' ')} ${format}`;
  if (!printed.has(key)) printed.set(key, await okInProcess([...args, '-f', format]));
  return printed.get(key)!;
}

describe('the format of an -o file follows its extension', () => {
  it('writes every format of score in one run, each file as -f would print it', async () => {
    const dir = tempDir();
    const files: [string, string][] = [
      ['report.json', 'json'],
      ['report.jsonl', 'jsonl'],
      ['report.csv', 'csv'],
      ['report.md', 'markdown'],
      ['report.html', 'html'],
      ['report.xml', 'junit'],
      ['report.txt', 'table'],
      ['REPORT-UPPER.JSON', 'json'],
      ['no-extension', 'table'],
      ['unknown.log', 'table'],
    ];
    const result = await runInProcess(['score', MIDDLE, ...files.flatMap(([name]) => ['-o', join(dir, name)])]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    for (const [name, format] of files) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(await asPrinted(['score', MIDDLE], format));
    expect(readdirSync(dir).sort()).toEqual(files.map(([name]) => name).sort());
  });

  it('-f sets standard output (-o -) and files without a known extension, while the others follow their extension', async () => {
    const dir = tempDir();
    const result = await runInProcess(['score', MIDDLE, '-f', 'markdown', '-o', '-', '-o', join(dir, 'report.json'), '-o', join(dir, 'summary')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await asPrinted(['score', MIDDLE], 'markdown'));
    expect(readFileSync(join(dir, 'summary'), 'utf8')).toBe(await asPrinted(['score', MIDDLE], 'markdown'));
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(await asPrinted(['score', MIDDLE], 'json'));
  });

  it('a -f that agrees with the extension is fine, and without -o the output is standard output as before', async () => {
    const dir = tempDir();
    expect(await okInProcess(['score', MIDDLE, '-f', 'html', '-o', join(dir, 'report.html')])).toBe('');
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(await asPrinted(['score', MIDDLE], 'html'));
    expect(await okInProcess(['score', MIDDLE])).toBe(await asPrinted(['score', MIDDLE], 'table'));
  });

  it('a -f naming a variant of the extension\'s format (csv-answers for .csv) sets the format of those files', async () => {
    const dir = tempDir();
    expect(await okInProcess(['score', MIDDLE, '-f', 'csv-answers', '-o', join(dir, 'answers.csv'), '-o', join(dir, 'report.json')])).toBe('');
    expect(readFileSync(join(dir, 'answers.csv'), 'utf8')).toBe(await asPrinted(['score', MIDDLE], 'csv-answers'));
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(await asPrinted(['score', MIDDLE], 'json'));
    // A variant of another format's extension is still a conflict.
    const result = await runInProcess(['score', MIDDLE, '-f', 'csv-answers', '-o', join(dir, 'answers.md')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format csv-answers conflicts with -o');
  });

  it('several answers files: each list format in one run, JSON Lines in argument order, the others sorted', async () => {
    const dir = tempDir();
    const files = ['examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml'];
    const names: [string, string][] = [
      ['list.csv', 'csv'],
      ['list.jsonl', 'jsonl'],
      ['list.md', 'markdown'],
      ['list.json', 'json'],
      ['list.txt', 'table'],
    ];
    expect(await okInProcess(['score', ...files, ...names.flatMap(([name]) => ['-o', join(dir, name)])])).toBe('');
    for (const [name, format] of names) expect(readFileSync(join(dir, name), 'utf8'), name).toBe(await asPrinted(['score', ...files], format));
    const jsonl = readFileSync(join(dir, 'list.jsonl'), 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as { organisation: string }).organisation);
    expect(jsonl).toEqual(['Fernwood Regional Health', 'Tessera Industrial Group']);
    const json = (JSON.parse(readFileSync(join(dir, 'list.json'), 'utf8')) as { organisation: string }[]).map((report) => report.organisation);
    expect(json).toEqual(['Tessera Industrial Group', 'Fernwood Regional Health']);
  });

  it('several answers files: JSON Lines to two files at once, both streamed, the same bytes', async () => {
    const dir = tempDir();
    const files = ['examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml'];
    expect(await okInProcess(['score', ...files, '-o', join(dir, 'a.jsonl'), '-o', join(dir, 'b.ndjson')])).toBe('');
    const expected = await asPrinted(['score', ...files], 'jsonl');
    expect(readFileSync(join(dir, 'a.jsonl'), 'utf8')).toBe(expected);
    expect(readFileSync(join(dir, 'b.ndjson'), 'utf8')).toBe(expected);
    expect(readdirSync(dir).sort()).toEqual(['a.jsonl', 'b.ndjson']);
  });

  it('diff, history and benchmark take several -o too', async () => {
    const dir = tempDir();
    expect(await okInProcess(['diff', 'examples/community@1.0/middle.yaml', 'examples/community@1.0/middle.yaml', '-o', join(dir, 'diff.json'), '-o', join(dir, 'diff.md')])).toBe('');
    expect(readFileSync(join(dir, 'diff.json'), 'utf8')).toBe(await asPrinted(['diff', MIDDLE, MIDDLE], 'json'));
    expect(readFileSync(join(dir, 'diff.md'), 'utf8')).toBe(await asPrinted(['diff', MIDDLE, MIDDLE], 'markdown'));
    expect(await okInProcess(['history', MIDDLE, '-o', join(dir, 'history.csv'), '-o', join(dir, 'history.txt')])).toBe('');
    expect(readFileSync(join(dir, 'history.csv'), 'utf8')).toBe(await asPrinted(['history', MIDDLE], 'csv'));
    expect(readFileSync(join(dir, 'history.txt'), 'utf8')).toBe(await asPrinted(['history', MIDDLE], 'table'));
    expect(await okInProcess(['benchmark', 'examples/*.yaml', '-o', join(dir, 'pool.csv'), '-o', join(dir, 'pool.json')])).toBe('');
    expect(readFileSync(join(dir, 'pool.csv'), 'utf8')).toBe(await asPrinted(['benchmark', 'examples/*.yaml'], 'csv'));
    expect(readFileSync(join(dir, 'pool.json'), 'utf8')).toBe(await asPrinted(['benchmark', 'examples/*.yaml'], 'json'));
  });
});

describe('outputs that cannot be written as asked: exit 2, a clear message, nothing written', () => {
  const refused = async (args: string[], message: string, dir: string) => {
    const result = await runInProcess(args);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: ${message}\n` });
    expect(readdirSync(dir)).toEqual([]);
  };

  it('a -f that applies to no output and disagrees with an extension', async () => {
    const dir = tempDir();
    const json = join(dir, 'report.json');
    await refused(
      ['score', MIDDLE, '-f', 'html', '-o', json],
      `--format html conflicts with -o ${json}, which its extension makes json; --format sets only standard output (-o -) and files without a known extension`,
      dir,
    );
    // One file agreeing with -f does not make the other one right.
    const html = join(dir, 'report.html');
    await refused(
      ['score', MIDDLE, '-f', 'html', '-o', html, '-o', json],
      `--format html conflicts with -o ${json}, which its extension makes json; --format sets only standard output (-o -) and files without a known extension`,
      dir,
    );
  });

  it('an extension of a format the command cannot write', async () => {
    const dir = tempDir();
    const diff = join(dir, 'diff.csv');
    await refused(['diff', MIDDLE, MIDDLE, '-o', join(dir, 'diff.md'), '-o', diff], `-o ${diff}: csv (its extension) is not a format of diff; it writes table, json, markdown`, dir);
    const history = join(dir, 'history.html');
    await refused(['history', MIDDLE, '-o', history], `-o ${history}: html (its extension) is not a format of history; it writes table, json, markdown, csv`, dir);
    const benchmark = join(dir, 'pool.xml');
    await refused(['benchmark', 'examples/*.yaml', '-o', benchmark], `-o ${benchmark}: junit (its extension) is not a format of benchmark; it writes table, json, markdown, csv`, dir);
    const list = join(dir, 'list.xml');
    await refused(
      ['score', 'examples/community@1.0/early.yaml', 'examples/community@1.0/advanced.yaml', '-o', join(dir, 'list.csv'), '-o', list],
      `-o ${list}: junit (its extension) shows one organisation; with several answers files use table, json, markdown, jsonl, csv, csv-answers, csv-actions, xlsx`,
      dir,
    );
  });

  it('the same output twice, however it is spelt', async () => {
    const dir = tempDir();
    const json = join(dir, 'report.json');
    await refused(['score', MIDDLE, '-o', json, '-o', json], `-o ${json} is given twice`, dir);
    const again = `${dir}/./report.json`;
    await refused(['score', MIDDLE, '-o', json, '-o', again], `-o ${again} is the same file as -o ${json}`, dir);
    await refused(['score', MIDDLE, '-o', '-', '-o', '-'], '-o - is given twice', dir);
  });

  it('a file that cannot be written: none of the others is written either', async () => {
    const dir = tempDir();
    const missing = join(dir, 'missing', 'report.md');
    const first = await runInProcess(['score', MIDDLE, '-o', join(dir, 'report.json'), '-o', missing]);
    expect(first).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: cannot write ${missing}: its folder does not exist\n` });
    expect(readdirSync(dir)).toEqual([]);
    const folder = join(dir, 'folder.md');
    mkdirSync(folder);
    const second = await runInProcess(['score', MIDDLE, '-o', join(dir, 'report.json'), '-o', folder]);
    expect(second).toEqual({ code: 2, stdout: '', stderr: `cm-maturity: error: cannot write ${folder}: it is a directory\n` });
    expect(readdirSync(dir)).toEqual(['folder.md']);
  });

  it('an invalid answers file: none of the outputs is written', async () => {
    const dir = tempDir();
    const answers = join(dir, 'bad.yaml');
    writeFileSync(answers, 'organisation: Example Org\nanswers:\n  strategy.purpose: maybe\n');
    const result = await runInProcess(['score', answers, '-o', join(dir, 'report.json'), '-o', join(dir, 'report.md'), '-o', join(dir, 'report.xml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${answers}:3:21: "maybe" is not an answer for strategy.purpose`);
    expect(readdirSync(dir)).toEqual(['bad.yaml']);
  });
});

describe('score examples/', () => {
  it('reads the example answers files only, one row per organisation', async () => {
    const list = JSON.parse(await okInProcess(['score', 'examples/', '-f', 'json'])) as { organisation: string }[];
    // The 2.0 examples, the French one in its own folder and, in theirs, the 1.0 ones.
    const organisations = ['Brightwater City Council', 'Fernwood Regional Health', 'Larkspur Analytics', 'Tessera Industrial Group'];
    expect(list.map((report) => report.organisation).sort()).toEqual([...organisations, ...organisations, "Harbourside Nurses' Association", 'Quillstone Data', 'Ferlane Logiciels'].sort());
    expect(readdirSync(join(ROOT, 'examples'), { recursive: true, encoding: 'utf8' }).filter((name) => !name.endsWith('.yaml') && name !== 'community@1.0' && name !== 'fr')).toEqual([]);
  });
});

describe('--regression-tolerance', () => {
  /**
   * A baseline one answer better than examples/community@1.0/middle.yaml: strategy.portfolio (at Network)
   * partly instead of no. Strategy's Network attainment goes from (0.5 + 0 + 0.5) / 3 to
   * (0.5 + 0.5 + 0.5) / 3 = 0.5, its score from 3.44 to 3 + 0.5 / 0.75 = 3.66: middle.yaml
   * falls 0.22 in strategy against it, and less than that overall (one competency of eight).
   */
  const baselineFile = (): string => {
    const dir = tempDir();
    const file = join(dir, 'baseline.yaml');
    const text = readFileSync(join(ROOT, MIDDLE), 'utf8');
    expect(text).toContain('strategy.portfolio: "no"\n');
    writeFileSync(file, text.replace('strategy.portfolio: "no"\n', 'strategy.portfolio: partly\n'));
    return file;
  };

  const gates = async (baseline: string, tolerance: string[]) => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', baseline, '--fail-on-regression', ...tolerance, '-f', 'json']);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    return { code: result.code, stderr: result.stderr, strategy: report.gates!.find((gate) => gate.subject === 'strategy'), failed: report.gates!.filter((gate) => !gate.passed).map((gate) => gate.subject) };
  };

  it('a fall equal to the tolerance passes', async () => {
    const { code, stderr, strategy, failed } = await gates(baselineFile(), ['--regression-tolerance', '0.22']);
    expect(strategy).toEqual({ gate: 'no-regression', subject: 'strategy', target: 3.66, actual: 3.44, passed: true, tolerance: 0.22 });
    expect(failed).toEqual([]);
    expect([code, stderr]).toEqual([0, '']);
  });

  it('a fall larger than the tolerance fails, and says so', async () => {
    const { code, stderr, strategy, failed } = await gates(baselineFile(), ['--regression-tolerance', '0.21']);
    expect(strategy).toEqual({ gate: 'no-regression', subject: 'strategy', target: 3.66, actual: 3.44, passed: false, tolerance: 0.21 });
    expect(failed).toEqual(['strategy']);
    expect(code).toBe(1);
    expect(stderr).toBe('cm-maturity: gate failed (--fail-on-regression): strategy score fell from 3.66 to 3.44 (-0.22) since the baseline, more than the tolerance of 0.21\n');
  });

  it('without it, any fall fails, as before (no tolerance in the report)', async () => {
    const { code, strategy, failed } = await gates(baselineFile(), []);
    expect(strategy).toEqual({ gate: 'no-regression', subject: 'strategy', target: 3.66, actual: 3.44, passed: false });
    expect(failed).toEqual(['overall', 'strategy']);
    expect(code).toBe(1);
  });

  it('shows the tolerance in the gates of the markdown report', async () => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', baselineFile(), '--fail-on-regression', '--regression-tolerance', '.22', '-f', 'markdown']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- ✔ no-regression strategy: 3.44 ≥ 3.66 - 0.22\n');
  });

  it('diff --fail-on-regression takes it too', async () => {
    const baseline = baselineFile();
    const passes = await runInProcess(['diff', baseline, MIDDLE, '--fail-on-regression', '--regression-tolerance', '0.22', '-f', 'json']);
    expect([passes.code, passes.stderr]).toEqual([0, '']);
    const fails = await runInProcess(['diff', baseline, MIDDLE, '--fail-on-regression', '--regression-tolerance', '0.21', '-f', 'json']);
    expect(fails.code).toBe(1);
    expect(fails.stderr).toBe('cm-maturity: regression (--fail-on-regression): strategy score fell from 3.66 to 3.44 (-0.22), more than the tolerance of 0.21\n');
  });

  it.each([['-0.1'], ['abc'], [''], ['1e-2'], ['0x10'], ['Infinity'], ['NaN']])('refuses %j as a tolerance (exit 2)', async (value) => {
    const result = await runInProcess(['score', MIDDLE, '--baseline', MIDDLE, '--fail-on-regression', '--regression-tolerance', value]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`cm-maturity: error: option '--regression-tolerance <points>' argument '${value}' is invalid. expected a number of score points, 0 or more (0.05)\n`);
  });

  it('is refused without --fail-on-regression, which it qualifies', async () => {
    for (const command of [['score', MIDDLE, '--baseline', MIDDLE], ['diff', MIDDLE, MIDDLE]]) {
      const result = await runInProcess([...command, '--regression-tolerance', '0.1']);
      expect(result).toEqual({ code: 2, stdout: '', stderr: 'cm-maturity: error: --regression-tolerance needs --fail-on-regression\n' });
    }
  });
});

describe('the built CLI writes JSON, JUnit and markdown in one run', () => {
  const write = (gates: string[]) => {
    const dir = tempDir();
    const files = { json: join(dir, 'maturity.json'), junit: join(dir, 'maturity-junit.xml'), markdown: join(dir, 'maturity.md') };
    const result = runCli(['score', MIDDLE, ...gates, '-o', files.json, '-o', files.junit, '-o', files.markdown]);
    expect(readdirSync(dir).sort()).toEqual(['maturity-junit.xml', 'maturity.json', 'maturity.md']);
    const report = reportSchema.parse(JSON.parse(readFileSync(files.json, 'utf8')));
    const xml = readFileSync(files.junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const suites = new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { '@_tests': string; '@_failures': string } };
    const html = micromark(readFileSync(files.markdown, 'utf8'), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    expect(html).toContain('<h1>Community Management Maturity: Larkspur Analytics</h1>');
    expect(html).toContain('<table>');
    return { result, report, tests: Number(suites.testsuites['@_tests']), failures: Number(suites.testsuites['@_failures']), markdown: readFileSync(files.markdown, 'utf8') };
  };

  it('exits 0 when every gate passes, each file saying so', () => {
    const { result, report, tests, failures, markdown } = write(['--fail-under', 'emergent', '--require', 'strategy=community']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(report.gates!.map((gate) => gate.passed)).toEqual([true, true]);
    // One test case per competency (8) and one for the overall score.
    expect([tests, failures]).toEqual([9, 0]);
    expect(markdown).toContain('- ✔ require strategy: 3.44 ≥ 3.00');
  });

  it('exits 1 when a gate fails, after writing every file, the JUnit report failing the same gate', () => {
    const { result, report, tests, failures, markdown } = write(['--fail-under', 'emergent', '--require', 'strategy=network']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('cm-maturity: gate failed (--require strategy=network (4)): strategy score 3.44 is below 4.00 by 0.56\n');
    expect(report.gates!.map((gate) => [gate.subject, gate.passed])).toEqual([
      ['overall', true],
      ['strategy', false],
    ]);
    expect([tests, failures]).toEqual([9, 1]);
    expect(markdown).toContain('- ✘ require strategy: 3.44 &lt; 4.00');
  });

  it('exits 2 on a usage error and writes none of them', () => {
    const dir = tempDir();
    const result = runCli(['score', MIDDLE, '-f', 'markdown', '-o', join(dir, 'maturity.json'), '-o', join(dir, 'maturity.xml')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^cm-maturity: error: --format markdown conflicts with -o .*maturity\.json, which its extension makes json;/);
    expect(existsSync(join(dir, 'maturity.json')) || existsSync(join(dir, 'maturity.xml'))).toBe(false);
  });
});
