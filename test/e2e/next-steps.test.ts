import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { EXAMPLES, okInProcess, runInProcess, scoreJsonInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): next steps are the work of the code, not of
// the process.

/**
 * Every competency of the community model has three indicators per stage, so it never has more
 * than three next steps; a small model of our own shows what --all adds.
 */
describe('next steps and --all', () => {
  const dir = tempDir();
  const model = join(dir, 'steps-model.yaml');
  const answers = join(dir, 'steps-answers.yaml');
  const indicator = (id: string, stage: string) => ({ id, stage, text: `Do ${id}.`, advice: `Advice for ${id}.` });
  writeFileSync(
    model,
    stringify({
      id: 'steps',
      name: 'Steps Model',
      version: '1',
      scale: [
        { id: 'yes', label: 'Yes', value: 1 },
        { id: 'mostly', label: 'Mostly', value: 0.75 },
        { id: 'partly', label: 'Partly', value: 0.5 },
        { id: 'no', label: 'No', value: 0 },
      ],
      stages: [
        { id: 'start', name: 'Start' },
        { id: 'middle', name: 'Middle' },
        { id: 'end', name: 'End' },
      ],
      competencies: [
        {
          id: 'alpha',
          name: 'Alpha',
          weight: 1,
          indicators: [...['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7'].map((id) => indicator(`alpha.${id}`, 'middle')), indicator('alpha.top', 'end')],
        },
        { id: 'beta', name: 'Beta', weight: 1, indicators: [indicator('beta.b1', 'middle'), indicator('beta.b2', 'middle'), indicator('beta.top', 'end')] },
      ],
    }),
  );
  writeFileSync(
    answers,
    stringify({
      organisation: 'Step Co',
      model: './steps-model.yaml',
      answers: {
        'alpha.a1': 'partly',
        'alpha.a2': 'no',
        'alpha.a3': 'yes',
        'alpha.a4': { answer: 'mostly', note: 'Nearly there.' },
        'alpha.a5': 'no',
        'alpha.a6': 'n/a',
        'alpha.a7': 'no',
        'alpha.top': 'no',
        'beta.b1': 'no',
        'beta.b2': 'partly',
        'beta.top': 'yes',
      },
    }),
  );
  // The largest gain first (no before partly before mostly), model order between equals;
  // yes and n/a are not steps.
  const ALPHA_ORDER = ['alpha.a2', 'alpha.a5', 'alpha.a7', 'alpha.a1', 'alpha.a4'];

  it('puts every unmet indicator of the next stage in the JSON, largest gain first, with or without --all', async () => {
    const report = await scoreJsonInProcess([answers]);
    const alpha = report.competencies[0]!;
    expect(alpha).toMatchObject({ id: 'alpha', level: 1, nextStage: 'middle', score: 1.5 });
    expect(alpha.attainment.middle).toBe(0.37);
    expect(alpha.next.map((step) => step.id)).toEqual(ALPHA_ORDER);
    expect(alpha.next[4]).toEqual({ id: 'alpha.a4', stage: 'middle', text: 'Do alpha.a4.', answer: 'mostly', note: 'Nearly there.', advice: 'Advice for alpha.a4.' });
    expect(report.competencies[1]!.next.map((step) => step.id)).toEqual(['beta.b1', 'beta.b2']);
    expect(await okInProcess(['score', answers, '--all', '-f', 'json'])).toBe(await okInProcess(['score', answers, '-f', 'json']));
  });

  it('lists three next steps per competency in the table by default, and says how many more there are', async () => {
    const table = await okInProcess(['score', answers]);
    const bullets = [...table.matchAll(/^ {2}• Do ([\w.]+)\. \[\1: (\w+)\]$/gm)].map((match) => match[1]);
    expect(bullets).toEqual([...ALPHA_ORDER.slice(0, 3), 'beta.b1', 'beta.b2']);
    expect(table).toContain('  … and 2 more (--all lists every one)');
    expect(table.match(/and \d+ more/g)).toHaveLength(1);
    expect(table).toContain('Alpha → Middle (37% of 75% needed)');
  });

  it('lists every next step in the table with --all', async () => {
    const table = await okInProcess(['score', answers, '--all']);
    const bullets = [...table.matchAll(/^ {2}• Do ([\w.]+)\./gm)].map((match) => match[1]);
    expect(bullets).toEqual([...ALPHA_ORDER, 'beta.b1', 'beta.b2']);
    expect(table).not.toContain('more (--all');
    expect(table).toContain('    Note: Nearly there.');
    expect(table).toContain('    → Advice for alpha.a4.');
  });

  it('does the same in markdown', async () => {
    const markdown = await okInProcess(['score', answers, '-f', 'markdown']);
    const steps = (text: string) => [...text.matchAll(/^- Do ([\w.]+)\. \(`\1`: \w+\)$/gm)].map((match) => match[1]);
    expect(steps(markdown)).toEqual([...ALPHA_ORDER.slice(0, 3), 'beta.b1', 'beta.b2']);
    expect(markdown).toContain('- … and 2 more (`--all` lists every one)');
    const all = await okInProcess(['score', answers, '-f', 'markdown', '--all']);
    expect(steps(all)).toEqual([...ALPHA_ORDER, 'beta.b1', 'beta.b2']);
    expect(all).not.toContain('more (`--all`');
    expect(all).toContain('  - Note: Nearly there.');
  });

  it.each(EXAMPLES)('changes nothing for %s, where no competency has more than three steps', async (file) => {
    for (const format of ['table', 'markdown']) {
      const all = (await runInProcess(['score', file, '-f', format, '--all'])).stdout;
      expect(all).toBe((await runInProcess(['score', file, '-f', format])).stdout);
      expect(all).not.toMatch(/and \d+ more/);
    }
  });

  it('has no next steps section when every competency is at the top stage', async () => {
    const top = join(dir, 'top.yaml');
    const yes = Object.fromEntries(['alpha.a1', 'alpha.a2', 'alpha.a3', 'alpha.a4', 'alpha.a5', 'alpha.a6', 'alpha.a7', 'alpha.top', 'beta.b1', 'beta.b2', 'beta.top'].map((id) => [id, 'yes']));
    writeFileSync(top, stringify({ organisation: 'Top Co', model: './steps-model.yaml', answers: yes }));
    const report = await scoreJsonInProcess([top]);
    expect(report.overall).toMatchObject({ level: 3, score: 3, stageName: 'End' });
    expect(report.competencies.every((competency) => competency.nextStage === null && competency.next.length === 0)).toBe(true);
    expect(await okInProcess(['score', top])).not.toContain('Next steps');
    expect(await okInProcess(['score', top, '-f', 'markdown'])).not.toContain('## Next steps');
  });
});
