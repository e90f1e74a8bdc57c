import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSchema, type Report } from '../../src/schema/report.js';
import { expectedScores } from './expected.js';
import {
  COMPLETE_EXAMPLES,
  EXAMPLES,
  FORMATS,
  INDICATOR_COUNT,
  MODEL,
  ROOT,
  answerOf,
  boxRows,
  hundredthsText,
  markdownCells,
  readYaml,
  runCli,
  runInProcess,
  scoreJsonInProcess,
  type RawAnswers,
} from './support.js';
import type { CliResult } from '../helpers/cli.js';

// The reports, their numbers and --strict are checked on runs in this process (runInProcess).
// Spawned, as they are about the process: determinism across separate runs, in another time zone
// and locale (which only a process's own environment sets), and reading the real standard input
// (each example and each format once; every pair of them runs in this process).

const UNANSWERED_WARNING = /^cm-maturity: warning: (\d+) of (\d+) indicators are unanswered/;

type Runs = Record<(typeof FORMATS)[number], CliResult>;

/** Every example scored in every format, in this process. */
const RUNS = new Map<string, Runs>();
for (const file of EXAMPLES) {
  const runs: Partial<Runs> = {};
  for (const format of FORMATS) runs[format] = await runInProcess(['score', file, '--format', format]);
  RUNS.set(file, runs as Runs);
}

describe.each(EXAMPLES)('score %s', (file) => {
  const answers = readYaml<RawAnswers>(file);
  const unansweredIds = MODEL.competencies.flatMap((c) => c.indicators.map((i) => i.id)).filter((id) => answerOf(answers, id) === null);
  const runs = RUNS.get(file)!;
  const report: Report = reportSchema.parse(JSON.parse(runs.json.stdout));

  it.each(FORMATS)('exits 0 in %s format with output on stdout', (format) => {
    expect(runs[format].code).toBe(0);
    expect(runs[format].stdout.length).toBeGreaterThan(0);
    expect(runs[format].stdout.endsWith('\n')).toBe(true);
  });

  it('writes a JSON report for the community model, competencies in model order', () => {
    expect(report.schemaVersion).toBe(1);
    expect(report.model).toEqual({ id: 'community', name: MODEL.name, version: MODEL.version });
    expect(report.organisation).toBe(answers.organisation);
    expect(report.stages.map((stage) => [stage.id, stage.name, stage.level])).toEqual(MODEL.stages.map((stage, index) => [stage.id, stage.name, index + 1]));
    expect(report.competencies.map((competency) => competency.id)).toEqual(MODEL.competencies.map((competency) => competency.id));
    expect(report.competencies.map((competency) => competency.name)).toEqual(MODEL.competencies.map((competency) => competency.name));
    for (const [index, competency] of report.competencies.entries()) {
      expect(competency.indicators.map((indicator) => indicator.id)).toEqual(MODEL.competencies[index]!.indicators.map((indicator) => indicator.id));
    }
  });

  it('gives every competency a score that agrees with its level and stage', () => {
    for (const competency of report.competencies) {
      expect(competency.score).toBeGreaterThanOrEqual(1);
      expect(competency.score).toBeLessThanOrEqual(4);
      expect(Math.floor(competency.score)).toBe(competency.level);
      expect(competency.stage).toBe(MODEL.stages[competency.level - 1]!.id);
      expect(competency.stageName).toBe(MODEL.stages[competency.level - 1]!.name);
      expect(competency.nextStage).toBe(MODEL.stages[competency.level]?.id ?? null);
      // Two decimals at most.
      expect(Math.round(competency.score * 100) / 100).toBe(competency.score);
    }
    const { overall } = report;
    expect(overall.score).toBeGreaterThanOrEqual(1);
    expect(overall.score).toBeLessThanOrEqual(4);
    expect(overall.level).toBe(Math.floor(overall.score));
    expect(overall.stage).toBe(MODEL.stages[overall.level - 1]!.id);
    expect(overall.stageName).toBe(MODEL.stages[overall.level - 1]!.name);
  });

  it('counts completeness over all 72 indicators, unanswered ones in model order', () => {
    expect(INDICATOR_COUNT).toBe(72);
    expect(report.completeness.total).toBe(72);
    expect(report.completeness.unanswered).toEqual(unansweredIds);
    expect(report.completeness.answered).toBe(72 - unansweredIds.length);
  });

  it('warns on stderr about unanswered indicators only when there are some', () => {
    for (const format of FORMATS) {
      const { stderr } = runs[format];
      if (unansweredIds.length === 0) {
        expect(stderr).toBe('');
      } else {
        expect(stderr).toMatch(UNANSWERED_WARNING);
        const [, count, total] = UNANSWERED_WARNING.exec(stderr)!;
        expect(Number(count)).toBe(unansweredIds.length);
        expect(Number(total)).toBe(72);
        expect(stderr).toContain(`cm-maturity: warning: ${unansweredIds.length} of 72 indicators are unanswered`);
        expect(stderr).toContain(unansweredIds[0]);
        expect(stderr.trim().split('\n')).toHaveLength(1);
      }
    }
  });

  it('shows the same names, stages and scores in the table as in the JSON', () => {
    const rows = boxRows(runs.table.stdout);
    // Laid out for 80 columns (no terminal, no COLUMNS): the bar column is left out, no cell wraps.
    expect(rows[0]).toEqual(['Competency', 'Stage', 'Score', 'Next stage']);
    const body = rows.slice(1);
    expect(body).toHaveLength(report.competencies.length + 1);
    report.competencies.forEach((competency, index) => {
      const [name, stage, score, next] = body[index]!;
      expect(name).toBe(competency.name);
      expect(stage).toBe(competency.stageName);
      expect(score).toBe(competency.score.toFixed(2));
      if (competency.nextStage === null) expect(next).toBe('top stage');
      else expect(next).toBe(`${report.stages.find((s) => s.id === competency.nextStage)!.name} ${Math.floor(competency.attainment[competency.nextStage]! * 100 + 1e-9)}%`);
    });
    expect(body.at(-1)!.slice(0, 3)).toEqual([`Overall (${report.aggregate})`, report.overall.stageName, report.overall.score.toFixed(2)]);
    expect(runs.table.stdout).toContain(`${report.organisation} — ${report.model.name}`);
    expect(runs.table.stdout).toContain(`Answered: ${report.completeness.answered}/72`);
    expect(runs.table.stdout).toContain(`Overall stage: ${report.overall.stageName} (level ${report.overall.level} of 4), score ${report.overall.score.toFixed(2)} of 4.`);
  });

  it('shows the same names, stages and scores in the markdown as in the JSON', () => {
    const lines = runs.markdown.stdout.split('\n');
    expect(lines[0]).toBe(`# ${report.model.name}: ${report.organisation}`);
    const header = lines.indexOf('| Competency | Stage | Score | Next stage |');
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toBe('| --- | --- | ---: | --- |');
    report.competencies.forEach((competency, index) => {
      const cells = markdownCells(lines[header + 2 + index]!);
      expect(cells).toHaveLength(4);
      expect(cells[0]).toBe(competency.name);
      expect(cells[1]).toBe(competency.stageName);
      expect(cells[2]).toBe(competency.score.toFixed(2));
    });
    expect(markdownCells(lines[header + 2 + report.competencies.length]!)).toEqual([
      `**Overall (${report.aggregate})**`,
      `**${report.overall.stageName}**`,
      `**${report.overall.score.toFixed(2)}**`,
      '',
    ]);
    expect(runs.markdown.stdout).toContain(`**Answered:** ${report.completeness.answered}/72`);
  });
});

describe('score examples/community@1.0/middle.yaml gives the values the scoring rules give', async () => {
  const answers = readYaml<RawAnswers>('examples/community@1.0/middle.yaml');

  it('uses a model the independent calculation applies to (equal weights, the four-level scale, threshold 0.75)', () => {
    for (const competency of MODEL.competencies) {
      expect(competency.weight ?? 1).toBe(1);
      for (const indicator of competency.indicators) expect(indicator.weight ?? 1).toBe(1);
    }
    expect(Object.fromEntries(MODEL.scale.map((level) => [level.id, level.value]))).toEqual({ yes: 1, mostly: 0.75, partly: 0.5, no: 0 });
    expect(MODEL.threshold ?? 0.75).toBe(0.75);
    // The example exercises n/a, which must be left out of the means.
    expect(Object.values(answers.answers ?? {}).some((entry) => entry !== null && typeof entry === 'object' && entry.answer === 'n/a')).toBe(true);
  });

  const expected = expectedScores(MODEL, answers);
  const report = await scoreJsonInProcess(['examples/community@1.0/middle.yaml']);
  const table = (await runInProcess(['score', 'examples/community@1.0/middle.yaml'])).stdout;
  const markdown = (await runInProcess(['score', 'examples/community@1.0/middle.yaml', '--format', 'markdown'])).stdout;

  it.each(expected.competencies.map((competency) => [competency.id, competency] as const))('%s', (_id, competency) => {
    const actual = report.competencies.find((c) => c.id === competency.id)!;
    expect(actual.level).toBe(competency.level);
    expect(actual.stageName).toBe(competency.stageName);
    expect(actual.nextStage).toBe(competency.nextStage);
    expect(Math.round(actual.score * 100)).toBe(competency.hundredths);
    expect(Object.fromEntries(Object.entries(actual.attainment).map(([stage, value]) => [stage, Math.round(value * 100)]))).toEqual(competency.attainment);
    const score = hundredthsText(competency.hundredths);
    const row = boxRows(table).find((cells) => cells[0] === competency.name)!;
    expect(row.slice(0, 3)).toEqual([competency.name, competency.stageName, score]);
    expect(markdown).toContain(`| ${competency.name} | ${competency.stageName} | ${score} |`);
  });

  it('overall', () => {
    expect(Math.round(report.overall.score * 100)).toBe(expected.overallHundredths);
    expect(report.overall.level).toBe(expected.overallLevel);
    expect(table).toContain(`score ${hundredthsText(expected.overallHundredths)} of 4.`);
  });

  it('matches a few values worked out by hand', () => {
    // Strategy: emergent 11/12 and community 9/12 met; network (0 + 2 + 2)/12 = 1/3 → 3 + 0.444 → 3.44.
    expect(report.competencies.find((c) => c.id === 'strategy')!.score).toBe(3.44);
    // Community Management: emergent has launch-plan n/a, so (4 + 4)/8 = 1 is met.
    expect(report.competencies.find((c) => c.id === 'management')!.attainment.emergent).toBe(1);
    // Content & Programming: every stage met → top stage, score 4.
    expect(report.competencies.find((c) => c.id === 'content')!).toMatchObject({ level: 4, score: 4, nextStage: null, next: [] });
  });
});

describe('score is deterministic', () => {
  const args = ['score', 'examples/community@1.0/middle.yaml', '--format', 'json'];
  const first = runCli(args);

  it('gives byte-identical JSON on a second run, in another time zone and locale', () => {
    expect(runCli(args).stdout).toBe(first.stdout);
    expect(runCli(args, { env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' } }).stdout).toBe(first.stdout);
  });

  it('gives byte-identical table and markdown output on a second run', () => {
    for (const format of ['table', 'markdown']) {
      expect(runCli(['score', 'examples/community@1.0/partial.yaml', '-f', format]).stdout).toBe(runCli(['score', 'examples/community@1.0/partial.yaml', '-f', format]).stdout);
    }
  });

  it('holds no timestamp: the only dates are those in the answers file', () => {
    const dates = first.stdout.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    const today = new Date().toISOString().slice(0, 10);
    expect(dates.every((date) => readFileSync(join(ROOT, 'examples/community@1.0/middle.yaml'), 'utf8').includes(date))).toBe(true);
    expect(first.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    if (today !== '2026-09-15') expect(first.stdout).not.toContain(today);
  });

  it('writes keys in a fixed order', () => {
    const report = JSON.parse(first.stdout) as Report;
    expect(Object.keys(report)).toEqual(['schemaVersion', 'language', 'model', 'organisation', 'date', 'assessor', 'threshold', 'aggregate', 'stages', 'overall', 'competencies', 'completeness']);
    expect(Object.keys(report.overall)).toEqual(['level', 'stage', 'stageName', 'score']);
    expect(Object.keys(report.completeness)).toEqual(['answered', 'total', 'unanswered']);
    for (const competency of report.competencies) {
      expect(Object.keys(competency)).toEqual(['id', 'name', 'weight', 'level', 'stage', 'stageName', 'score', 'nextStage', 'attainment', 'next', 'indicators']);
      expect(Object.keys(competency.attainment)).toEqual(['emergent', 'community', 'network']);
      for (const step of competency.next) expect(Object.keys(step)).toEqual(['id', 'stage', 'text', 'answer', 'note', 'advice']);
      for (const indicator of competency.indicators) expect(Object.keys(indicator)).toEqual(['id', 'stage', 'text', 'answer', 'value', 'note']);
    }
    // Pretty-printed with two spaces and a final newline.
    expect(first.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});

describe('score - reads the answers from standard input', () => {
  it.each(EXAMPLES)('%s: the same report as from the path', async (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const format of FORMATS) {
      const fromPath = await runInProcess(['score', file, '-f', format]);
      const fromStdin = await runInProcess(['score', '-', '-f', format], { input: text });
      expect(fromStdin.code).toBe(0);
      expect(fromStdin.stdout).toBe(fromPath.stdout);
      expect(fromStdin.stderr).toBe(fromPath.stderr);
    }
  });

  // The real standard input of a spawned CLI: each example once, each format once, against the
  // report of the path from a run in this process.
  it.each(EXAMPLES.map((file, index) => [file, FORMATS[index % FORMATS.length]!] as const))('%s in %s format, spawned: the same report as from the path', async (file, format) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const fromPath = await runInProcess(['score', file, '-f', format]);
    const fromStdin = runCli(['score', '-', '-f', format], { input: text });
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout).toBe(fromPath.stdout);
    expect(fromStdin.stderr).toBe(fromPath.stderr);
  });
});

describe('score --strict', () => {
  it.each(COMPLETE_EXAMPLES)('passes on the complete example %s with the same report', async (file) => {
    const strict = await runInProcess(['score', file, '--strict', '-f', 'json']);
    expect(strict.code).toBe(0);
    expect(strict.stderr).toBe('');
    expect(strict.stdout).toBe((await runInProcess(['score', file, '-f', 'json'])).stdout);
  });

  it('fails on the partial example with exit 2, a located error per unanswered indicator and no report', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/partial.yaml', '--strict']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^examples\/community@1\.0\/partial\.yaml:\d+:\d+: indicator [\w.-]+ is not answered \(--strict\)$/m);
    expect(result.stderr).toContain('indicator content.calendar is not answered');
    // 43 problems: the first 20 are printed, the rest summarised.
    expect(result.stderr).toContain('… and 23 more');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
