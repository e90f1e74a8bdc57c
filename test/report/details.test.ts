import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/schema/report.js';
import { ROOT } from '../helpers/cli.js';
import { parseHtml, select, type HtmlElement } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { readWorkbook, values } from '../helpers/xlsx.js';

/**
 * What reports show of a 2.0 model (test/fixtures/details/volunteers.model.yaml): the context,
 * criteria, evidence prompts, effort, owner, key indicators, answers' evidence and dates checked,
 * and stale answers. Harbour Trust works in the `internal` context, dated 2026-10-01:
 * - Recruitment, Organised: roles (key) partly 0.5, onboarding yes 1, intranet (internal only)
 *   mostly 0.75: (0.5 + 1 + 0.75) / 3 = 0.75, the threshold, but the key indicator roles is below
 *   it, so the stage is not met: level 1, score 1 + min(0.75 / 0.75, 0.99) = 1.99.
 *   referrals (public only) does not apply.
 * - Support, Organised: contact (key) yes, training mostly: 0.875, met. Sustained: wellbeing n/a
 *   (the assessor's), rotation partly: 0.5; score 2 + 0.5 / 0.75 = 2.66.
 * - Recognition, Organised: thanks yes, awards (public only) does not apply: 1, met. Sustained:
 *   stories partly, pathways (key) unanswered: 0.25; score 2 + 0.25 / 0.75 = 2.33, held back by pathways.
 * - Overall (1.99 + 2.666… + 2.333…) / 3 = 2.33.
 * With --stale-after 12m the cut-off is 2025-10-01: onboarding (checked 2025-06-30) and training
 * (2024-11-02) are stale; roles (2026-09-01) and contact (2026-01-15) are not.
 */
const DIR = join(ROOT, 'test/fixtures/details');
const HARBOUR = join(DIR, 'harbour.yaml');
const UNDATED = join(DIR, 'undated.yaml');
const STALE = ['--stale-after', '12m'];

async function output(args: string[], code = 0): Promise<string> {
  const result = await runInProcess(args);
  expect(result.code, result.stderr).toBe(code);
  return result.stdout;
}

/** The lines of a text from the one starting with `first` up to (not including) the next blank line. */
function block(text: string, first: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith(first));
  expect(start, first).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, index) => index > start && line === '');
  return lines.slice(start, end === -1 ? undefined : end);
}

describe('JSON', () => {
  it('has the context, the key indicators holding stages back, the step details, and the stale answers with --stale-after', async () => {
    const report = reportSchema.parse(JSON.parse(await output(['score', HARBOUR, '-f', 'json', ...STALE])));
    expect(report.context).toEqual({ id: 'internal', name: 'Employee volunteering' });
    expect(report.competencies.map((competency) => [competency.id, competency.score, competency.blockedBy])).toEqual([
      ['recruitment', 1.99, ['recruitment.roles']],
      ['support', 2.66, undefined],
      ['recognition', 2.33, ['recognition.pathways']],
    ]);
    expect(report.overall.score).toBe(2.33);
    expect(report.stale).toEqual({
      after: '12m',
      checkedBefore: '2025-10-01',
      answers: [
        { id: 'recruitment.onboarding', competency: 'recruitment', checked: '2025-06-30' },
        { id: 'support.training', competency: 'support', checked: '2024-11-02' },
      ],
    });
    expect(Object.keys(report).slice(-2)).toEqual(['completeness', 'stale']);
  });

  it('has no stale key without --stale-after', async () => {
    expect(JSON.parse(await output(['score', HARBOUR, '-f', 'json']))).not.toHaveProperty('stale');
  });
});

describe('table', () => {
  it('names the context and the stale answers in the header', async () => {
    const text = await output(['score', HARBOUR, ...STALE]);
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Harbour Trust — Volunteer Programme Maturity',
      'Model: Volunteer Programme Maturity 2.0 (volunteers)',
      'Context: Employee volunteering (2 indicators not applicable) · Date: 2026-10-01',
      'Assessor: Ana Reyes · Answered: 10/11 (90%)',
      'Stale: 2 answers checked before 2025-10-01 (--stale-after 12m)',
    ]);
  });

  it('shows the key indicators holding a stage back, and each step with its key mark, criteria, evidence prompt, effort and owner', async () => {
    const text = await output(['score', HARBOUR, '--width', '100']);
    expect(block(text, 'Recruitment → Organised')).toEqual([
      'Recruitment → Organised (75% of 75% needed)',
      '  Held back by the key indicator recruitment.roles: Organised is not met until it reaches the',
      '  threshold (75%), whatever the others.',
      '  • [key] Every volunteer role has a written description. [recruitment.roles: partly]',
      '    Note: Two of five roles written up.',
      '    Done when: • Each role lists its tasks and the time it takes.',
      '               • The descriptions are published where volunteers look.',
      '    Check: The published role descriptions.',
      '    Effort: small · Owner: volunteer coordinator',
      '    → Start with the three roles most volunteers hold.',
      '  • Openings are posted on the intranet. [recruitment.intranet: mostly]',
    ]);
    expect(block(text, 'Recognition → Sustained')).toEqual([
      'Recognition → Sustained (25% of 75% needed)',
      '  Held back by the key indicator recognition.pathways: Sustained is not met until it reaches the',
      '  threshold (75%), whatever the others.',
      '  • [key] Volunteers can move into lead roles. [recognition.pathways: unanswered]',
      '    Done when: • A written path to each lead role.',
      '    Effort: large · Owner: programme lead',
      '  • Volunteer stories are published. [recognition.stories: partly]',
      '    Done when: • One story a quarter.',
      '               • Each story approved by its volunteer.',
      '    → Ask one volunteer a quarter.',
    ]);
    // A competency neither held back nor with details keeps its plain steps.
    expect(block(text, 'Support → Sustained')).toEqual(['Support → Sustained (50% of 75% needed)', '  • Demanding roles rotate. [support.rotation: partly]']);
  });

  it('wraps the criteria under their bullets in --width 60 (test/report/terminal-fit.test.ts checks every width)', async () => {
    const text = await output(['score', HARBOUR, ...STALE, '--width', '60']);
    expect(block(text, '    Done when: • Each role')).toEqual([
      '    Done when: • Each role lists its tasks and the time it',
      '                 takes.',
      '               • The descriptions are published where',
      '                 volunteers look.',
      '    Check: The published role descriptions.',
      '    Effort: small · Owner: volunteer coordinator',
      '    → Start with the three roles most volunteers hold.',
      '  • Openings are posted on the intranet.',
      '    [recruitment.intranet: mostly]',
    ]);
  });

  it('marks a stale answer among the next steps', async () => {
    // 2026-10-01 less 30 days is 2026-09-01: roles, checked that day, is not stale; less 29 days, it is.
    const text = await output(['score', HARBOUR, '--stale-after', '30d', '--width', '200']);
    expect(text).toContain('  • [key] Every volunteer role has a written description. [recruitment.roles: partly]\n');
    const later = await output(['score', HARBOUR, '--stale-after', '29d', '--width', '200']);
    expect(later).toContain('  • [key] Every volunteer role has a written description. [recruitment.roles: partly, stale: checked 2026-09-01]');
  });

  it('says when an assessment without a date cannot be judged', async () => {
    const text = await output(['score', UNDATED, ...STALE]);
    expect(text).toContain('Stale: not judged: the assessment has no date (--stale-after 12m)');
  });
});

describe('markdown', () => {
  it('names the context and the stale answers, and lists the steps with their details', async () => {
    const text = await output(['score', HARBOUR, '-f', 'markdown', ...STALE]);
    expect(text.split('\n')[2]).toBe(
      '**Model:** Volunteer Programme Maturity 2\\.0 (`volunteers`) · **Context:** Employee volunteering (2 indicators not applicable) · **Date:** 2026-10-01 · **Assessor:** Ana Reyes · **Answered:** 10/11 (90%) · **Stale answers:** 2 answers checked before 2025-10-01 (--stale-after 12m)',
    );
    expect(block(text, 'Held back by the key indicator `recruitment.roles`')).toEqual([
      'Held back by the key indicator `recruitment.roles`: Organised is not met until it reaches the threshold (75%), whatever the others.',
    ]);
    expect(block(text, '- **Key:** Every volunteer role')).toEqual([
      '- **Key:** Every volunteer role has a written description. (`recruitment.roles`: partly)',
      '  - Note: Two of five roles written up.',
      '  - Done when:',
      '    - Each role lists its tasks and the time it takes.',
      '    - The descriptions are published where volunteers look.',
      '  - Check: The published role descriptions.',
      '  - Effort: small · Owner: volunteer coordinator',
      '  - Advice: Start with the three roles most volunteers hold.',
      '- Openings are posted on the intranet. (`recruitment.intranet`: mostly)',
    ]);
  });

  it('lists every answer with the date checked, stale marks, evidence (links only for https) and the indicators outside the context', async () => {
    const text = await output(['score', HARBOUR, '-f', 'markdown', ...STALE]);
    expect(text.slice(text.indexOf('## Answers'))).toBe(
      [
        '## Answers',
        '',
        '### Recruitment',
        '',
        '- Every volunteer role has a written description. (`recruitment.roles`): partly · checked 2026-09-01',
        '  - Note: Two of five roles written up.',
        '  - Evidence:',
        '    - [https:&#8203;//intranet.example/volunteers/roles](https://intranet.example/volunteers/roles)',
        '    - Board minutes of 2026-02-12',
        '- New volunteers are welcomed within a week. (`recruitment.onboarding`): yes · checked 2025-06-30 · **stale**',
        '  - Evidence:',
        '    - [https:&#8203;//intranet.example/onboarding](https://intranet.example/onboarding)',
        '- Openings are posted on the intranet. (`recruitment.intranet`): mostly',
        '- Recruitment follows a yearly plan. (`recruitment.pipeline`): no',
        '- Volunteers refer new volunteers. (`recruitment.referrals`): not applicable in this context',
        '',
        '### Support',
        '',
        '- Every volunteer has a named contact. (`support.contact`): yes · checked 2026-01-15',
        '- Volunteers are trained for their role. (`support.training`): mostly · checked 2024-11-02 · **stale**',
        '  - Evidence:',
        '    - Training log 2024',
        '- Volunteer wellbeing is checked twice a year. (`support.wellbeing`): n/a',
        '- Demanding roles rotate. (`support.rotation`): partly',
        '',
        '### Recognition',
        '',
        '- Volunteers are thanked in person. (`recognition.thanks`): yes',
        '- A public award honours volunteers. (`recognition.awards`): not applicable in this context',
        '- Volunteer stories are published. (`recognition.stories`): partly',
        '- Volunteers can move into lead roles. (`recognition.pathways`): unanswered',
        '',
      ].join('\n'),
    );
  });
});

/** An element's text with its white space collapsed, as a reader sees it. */
function seen(element: HtmlElement): string {
  return element.text.replace(/\s+/g, ' ').trim();
}

describe('HTML', () => {
  it('names the context and the stale answers in the header', async () => {
    const page = parseHtml(await output(['score', HARBOUR, '-f', 'html', ...STALE]));
    const meta = select(page, 'dl', 'meta')[0]!;
    const terms = select(meta, 'dt').map(seen);
    const definitions = select(meta, 'dd').map(seen);
    expect(Object.fromEntries(terms.map((term, index) => [term, definitions[index]]))).toEqual({
      Model: 'Volunteer Programme Maturity 2.0 (volunteers)',
      Context: 'Employee volunteering (2 indicators not applicable)',
      Date: '2026-10-01',
      Assessor: 'Ana Reyes',
      'Stale answers': '2 answers checked before 2025-10-01 (--stale-after 12m)',
    });
  });

  it('marks key indicators, says what holds a stage back, and lists criteria, evidence prompts, effort and owner in the next steps', async () => {
    const page = parseHtml(await output(['score', HARBOUR, '-f', 'html']));
    const items = select(page, 'article', 'roadmap-item');
    const recruitment = items.find((item) => seen(select(item, 'h3')[0]!).startsWith('Recruitment'))!;
    expect(select(recruitment, 'p', 'blocked').map(seen)).toEqual(['Held back by the key indicator recruitment.roles: Organised is not met until it reaches the threshold (75%), whatever the others.']);
    const [roles, intranet] = select(recruitment, 'li').filter((li) => select(li, 'span', 'step-text').length > 0);
    expect(select(roles!, 'span', 'key-mark').map(seen)).toEqual(['key']);
    expect(seen(select(roles!, 'span', 'step-meta')[0]!)).toBe('recruitment.roles · answer partly · Effort: small · Owner: volunteer coordinator');
    expect(select(select(roles!, 'div', 'criteria')[0]!, 'li').map(seen)).toEqual(['Each role lists its tasks and the time it takes.', 'The descriptions are published where volunteers look.']);
    expect(select(roles!, 'span', 'check').map(seen)).toEqual(['Check: The published role descriptions.']);
    expect(select(intranet!, 'span', 'key-mark')).toEqual([]);
    expect(select(intranet!, 'div', 'criteria')).toEqual([]);
    // The summary's priorities carry the key mark too.
    const priorities = select(select(page, 'ol', 'priorities')[0]!, 'li').filter((li) => select(li, 'span', 'step-text').length > 0);
    expect(priorities.map((li) => select(li, 'span', 'key-mark').length)).toEqual(priorities.map((li) => (/lead roles|role has a written/.test(seen(li)) ? 1 : 0)));
  });

  it('lists each answer with the date checked, a stale mark, evidence (links only for https) and the indicators outside the context', async () => {
    const page = parseHtml(await output(['score', HARBOUR, '-f', 'html', ...STALE, '--print-answers']));
    const table = select(page, 'table', 'answers')[0]!;
    expect(table.attrs.class).toBe('answers answers-details');
    expect(select(select(table, 'thead')[0]!, 'th').map(seen)).toEqual(['Indicator', 'Stage', 'Answer', 'Checked', 'Evidence', 'Note']);
    const rows = select(select(table, 'tbody')[0]!, 'tr').filter((row) => select(row, 'td').length > 0);
    const cells = rows.map((row) => select(row, 'td').map(seen));
    expect(cells[0]).toEqual([
      'recruitment.rolesEvery volunteer role has a written description.',
      'Organised',
      'partly',
      '2026-09-01',
      'https://intranet.example/volunteers/rolesBoard minutes of 2026-02-12',
      'Two of five roles written up.',
    ]);
    expect(cells[1]!.slice(2, 4)).toEqual(['yes', '2025-06-30 stale']);
    expect(cells[4]!.slice(2, 4)).toEqual(['not applicable in this context', '']);
    expect(cells[7]!.slice(2, 4)).toEqual(['n/a', '']);
    expect(select(table, 'span', 'answer-context').length).toBe(2);
    expect(select(table, 'span', 'stale-mark').map(seen)).toEqual(['stale', 'stale']);
    const links = select(table, 'a');
    expect(links.map((link) => [link.attrs.href, link.attrs.rel, seen(link)])).toEqual([
      ['https://intranet.example/volunteers/roles', 'noreferrer', 'https://intranet.example/volunteers/roles'],
      ['https://intranet.example/onboarding', 'noreferrer', 'https://intranet.example/onboarding'],
    ]);
    // Group rows span the six columns.
    expect(select(table, 'th', 'group').map((th) => th.attrs.colspan)).toEqual(['6', '6', '6']);
  });

  it('adds to its stylesheet only with these details, and its policy allows that stylesheet alone', async () => {
    const details = await output(['score', HARBOUR, '-f', 'html']);
    const plain = await output(['score', join(ROOT, 'examples/community@1.0/middle.yaml'), '-f', 'html']);
    const style = (html: string) => select(parseHtml(html), 'style')[0]!.text;
    const policy = (html: string) => select(parseHtml(html), 'meta').find((meta) => meta.attrs['http-equiv'] === 'Content-Security-Policy')!.attrs.content!;
    expect(style(details).startsWith(style(plain))).toBe(true);
    expect(style(details).length).toBeGreaterThan(style(plain).length);
    expect(style(plain)).not.toContain('.key-mark');
    const { createHash } = await import('node:crypto');
    for (const html of [details, plain]) expect(policy(html)).toContain(`style-src 'sha256-${createHash('sha256').update(style(html)).digest('base64')}'`);
  });
});

describe('the no-stale gate', () => {
  it('table and markdown count each competency\'s stale answers; HTML says them in words, those without in one line', async () => {
    const args = ['score', HARBOUR, ...STALE, '--fail-on-stale'];
    expect(block(await output(args, 1), 'Gates')).toEqual(['Gates', '  ✘ no-stale recruitment: 1 stale answer', '  ✘ no-stale support: 1 stale answer', '  ✔ no-stale recognition: 0 stale answers']);
    expect(block(await output([...args, '-f', 'markdown'], 1), '- ✘ no-stale')).toEqual(['- ✘ no-stale recruitment: 1 stale answer', '- ✘ no-stale support: 1 stale answer', '- ✔ no-stale recognition: 0 stale answers']);
    const gates = (html: string) => {
      const meta = select(parseHtml(html), 'dl', 'meta')[0]!;
      const terms = select(meta, 'dt').map(seen);
      return select(meta, 'dd')
        .map(seen)
        .filter((_, index) => terms[index]!.startsWith('Gate'))
        .map((text, index) => `${terms.filter((term) => term.startsWith('Gate'))[index]}: ${text}`);
    };
    expect(gates(await output([...args, '-f', 'html'], 1))).toEqual([
      'Gate failed: Recruitment: 1 answer checked before 2025-10-01 (--stale-after 12m)',
      'Gate failed: Support: 1 answer checked before 2025-10-01 (--stale-after 12m)',
    ]);
    expect(gates(await output(['score', HARBOUR, '--stale-after', '3y', '--fail-on-stale', '-f', 'html']))).toEqual(['Gate passed: No answer was checked before 2023-10-01 (--stale-after 3y)']);
  });
});

describe('JUnit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['testcase', 'property', 'failure'].includes(name) });

  it('has the context and the stale answers as properties, key indicators in the results, and the steps under a failed competency', async () => {
    const xml = await output(['score', HARBOUR, '-f', 'junit', ...STALE, '--fail-on-stale', '--require', 'recruitment=organised'], 1);
    const suite = parser.parse(xml).testsuites.testsuite;
    const properties = Object.fromEntries((suite.properties.property as { '@_name': string; '@_value': string }[]).map((property) => [property['@_name'], property['@_value']]));
    expect(properties).toMatchObject({ context: 'Employee volunteering', 'stale.after': '12m', 'stale.checkedBefore': '2025-10-01', 'stale.answers': '2' });
    const cases = suite.testcase as { '@_name': string; failure?: { '@_message': string; '#text': string }[]; 'system-out': string }[];
    const recruitment = cases.find((testCase) => testCase['@_name'] === 'Recruitment')!;
    expect(recruitment['system-out']).toBe('Informal (level 1 of 3), score 1.99; next: Organised 75%; held back by the key indicator recruitment.roles');
    expect(recruitment.failure![0]!['@_message']).toBe(
      'require: recruitment score 1.99 is below 2.00 by 0.01; no-stale: recruitment has 1 answer checked before 2025-10-01 (--stale-after 12m): recruitment.onboarding',
    );
    expect(recruitment.failure![0]!['#text'].split('\n')).toEqual([
      'require recruitment: recruitment score 1.99 is below 2.00 by 0.01 (target 2.00, actual 1.99)',
      'no-stale recruitment: recruitment has 1 answer checked before 2025-10-01 (--stale-after 12m): recruitment.onboarding (stale answers allowed 0, found 1)',
      'Held back by the key indicator recruitment.roles: Organised is not met until it reaches the threshold (75%), whatever the others.',
      'Next steps:',
      '- [key] Every volunteer role has a written description. (recruitment.roles: partly)',
      '  Done when:',
      '  - Each role lists its tasks and the time it takes.',
      '  - The descriptions are published where volunteers look.',
      '  Check: The published role descriptions.',
      '  Effort: small · Owner: volunteer coordinator',
      '- Openings are posted on the intranet. (recruitment.intranet: mostly)',
    ]);
    // Support's steps say nothing more than their text: its failure is the gate's line alone.
    const support = cases.find((testCase) => testCase['@_name'] === 'Support')!;
    expect(support.failure![0]!['#text']).toBe('no-stale support: support has 1 answer checked before 2025-10-01 (--stale-after 12m): support.training (stale answers allowed 0, found 1)');
    expect(cases.find((testCase) => testCase['@_name'] === 'Recognition')!.failure).toBeUndefined();
  });
});

describe('spreadsheets', () => {
  async function workbook(args: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-details-'));
    try {
      const file = join(dir, 'out.xlsx');
      await output([...args, '-o', file]);
      return readWorkbook(readFileSync(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('xlsx of one organisation: context and stale rows, step details and answer details columns', async () => {
    const sheets = await workbook(['score', HARBOUR, ...STALE]);
    const sheet = (name: string) => values(sheets.find((candidate) => candidate.name === name)!);
    const assessment = Object.fromEntries(sheet('Assessment').slice(1));
    expect(assessment).toMatchObject({ Context: 'Employee volunteering', 'Stale after': '12m', 'Stale if checked before': '2025-10-01', 'Stale answers': 2 });
    const steps = sheet('Next steps');
    expect(steps[0]).toEqual(['Competency', 'Stage', 'Indicator', 'Text', 'Answer', 'Note', 'Advice', 'Key', 'Done when', 'Check', 'Effort', 'Owner']);
    expect(steps[1]!.slice(2)).toEqual([
      'recruitment.roles',
      'Every volunteer role has a written description.',
      'partly',
      'Two of five roles written up.',
      'Start with the three roles most volunteers hold.',
      'key',
      'Each role lists its tasks and the time it takes.\nThe descriptions are published where volunteers look.',
      'The published role descriptions.',
      'small',
      'volunteer coordinator',
    ]);
    const answers = sheet('Answers');
    expect(answers[0]).toEqual(['Indicator', 'Competency', 'Stage', 'Text', 'Answer', 'Note', 'Checked', 'Stale', 'Evidence']);
    expect(answers[1]!.slice(4)).toEqual(['partly', 'Two of five roles written up.', '2026-09-01', null, 'https://intranet.example/volunteers/roles\nBoard minutes of 2026-02-12']);
    expect(answers[2]!.slice(4)).toEqual(['yes', null, '2025-06-30', 'stale', 'https://intranet.example/onboarding']);
    // A row ends at its last cell.
    expect(answers[5]!.slice(4)).toEqual(['not applicable in this context']);
  });

  it('xlsx of several organisations: context and stale answers per organisation, and the answer details columns', async () => {
    const sheets = await workbook(['score', HARBOUR, UNDATED, ...STALE, '--sort', 'name']);
    const scores = values(sheets.find((sheet) => sheet.name === 'Scores')!);
    expect(scores[0]!.slice(-2)).toEqual(['Context', 'Stale answers']);
    // An assessment without a date has no count: its cell is empty, and the row ends before it.
    expect(scores.slice(1).map((row) => [row[1], ...row.slice(scores[0]!.length - 2)])).toEqual([
      [HARBOUR, 'Employee volunteering', 2],
      [UNDATED, 'Employee volunteering'],
    ]);
    const answers = values(sheets.find((sheet) => sheet.name === 'Answers')!);
    expect(answers[0]).toEqual(['Organisation', 'File', 'Competency', 'Indicator', 'Stage', 'Answer', 'Note', 'Checked', 'Stale', 'Evidence']);
    expect(answers[2]!.slice(3)).toEqual(['recruitment.onboarding', 'Organised', 'yes', null, '2025-06-30', 'stale', 'https://intranet.example/onboarding']);
    // Thirteen indicators each: the second organisation's second answer is row 15.
    expect(answers[15]!.slice(3)).toEqual(['recruitment.onboarding', 'Organised', 'yes', null, '2025-06-30', null, 'https://intranet.example/onboarding']);
  });

  it('csv-answers: in_context, checked, stale and evidence columns', async () => {
    const csv = await output(['score', HARBOUR, '-f', 'csv-answers', ...STALE]);
    const lines = csv.split('\n');
    expect(lines[0]).toBe('organisation,file,competency,indicator,stage,answer,note,in_context,checked,stale,evidence');
    expect(csv).toContain(`Harbour Trust,${HARBOUR},recruitment,recruitment.onboarding,organised,yes,,yes,2025-06-30,yes,https://intranet.example/onboarding\n`);
    expect(csv).toContain(`Harbour Trust,${HARBOUR},recruitment,recruitment.referrals,sustained,n/a,,no,,,\n`);
    expect(csv).toContain(`Harbour Trust,${HARBOUR},support,support.contact,organised,yes,,yes,2026-01-15,no,\n`);
    expect(csv).toContain(`Harbour Trust,${HARBOUR},support,support.wellbeing,sustained,n/a,,yes,,,\n`);
  });

  it('csv: the context id and the number of stale answers, empty when an assessment cannot be judged', async () => {
    const csv = await output(['score', HARBOUR, UNDATED, '-f', 'csv', ...STALE, '--sort', 'name']);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]!.split(',').slice(-3)).toEqual(['completeness', 'context', 'stale_answers']);
    expect(lines.slice(1).map((line) => line.split(',').slice(-3))).toEqual([
      ['90%', 'internal', '2'],
      ['90%', 'internal', ''],
    ]);
  });
});

describe('several organisations', () => {
  it('table and markdown gain Context and Stale columns only when an organisation has them', async () => {
    const table = await output(['score', HARBOUR, UNDATED, join(ROOT, 'examples/community@1.0/early.yaml'), ...STALE, '--width', '200', '--sort', 'name']);
    // The columns are split over tables; the last one ends with them.
    const last = table.slice(table.lastIndexOf('┌'));
    expect(last.split('\n')[1]).toMatch(/│ Answered │ Context +│ Stale │$/);
    const rows = last.split('\n').filter((line) => line.startsWith('│ ') && !line.startsWith('│ Organisation'));
    expect(rows.map((row) => row.split('│').slice(-3, -1).map((cell) => cell.trim()))).toEqual([
      ['', '0'],
      ['Employee volunteering', '2'],
      ['Employee volunteering', '—'],
    ]);
    const markdown = await output(['score', HARBOUR, UNDATED, ...STALE, '-f', 'markdown', '--sort', 'name']);
    expect(markdown.split('\n')[2]).toBe('| Organisation | File | Recruitment | Support | Recognition | Overall | Stage | Answered | Context | Stale |');
    const plain = await output(['score', join(ROOT, 'examples/community@1.0/early.yaml'), join(ROOT, 'examples/community@1.0/middle.yaml'), '-f', 'markdown']);
    expect(plain.split('\n')[2]).toMatch(/ \| Answered \|$/);
  });
});

describe('a 1.0 model', () => {
  const MIDDLE = join(ROOT, 'examples/community@1.0/middle.yaml');

  it.each(['table', 'markdown', 'html', 'junit', 'csv-answers'])('--format %s shows none of it', async (format) => {
    const text = await output(['score', MIDDLE, '-f', format, '--all', '--print-answers']);
    const marks = ['Context', 'Done when', 'Check:', 'Effort:', 'Owner:', '[key]', '**Key:**', 'key-mark', 'stale-mark', 'answer-context', 'answers-details', 'Held back', 'Stale', '**stale**', '>Checked<', '>Evidence<', '## Answers', 'in_context', 'not applicable in this context'];
    for (const mark of marks) expect(text, mark).not.toContain(mark);
  });

  it('with --stale-after, gains the stale answers alone: the file has no dates checked, so none is stale', async () => {
    const plain = JSON.parse(await output(['score', MIDDLE, '-f', 'json']));
    const judged = JSON.parse(await output(['score', MIDDLE, '-f', 'json', ...STALE]));
    expect(judged).toEqual({ ...plain, stale: { after: '12m', checkedBefore: '2025-09-15', answers: [] } });
  });
});

describe('the examples of the built-in model 2.0', () => {
  const EXAMPLES = ['early', 'middle', 'advanced', 'partial', 'developer', 'association'].map((name) => join(ROOT, 'examples', `${name}.yaml`));

  it.each(EXAMPLES)('%s: its context in every format with a header, and a JSON report that passes its own check', async (file) => {
    const report = reportSchema.parse(JSON.parse(await output(['score', file, '-f', 'json', ...STALE])));
    const context = report.context!.name;
    expect((await output(['score', file, ...STALE])).replace(/\s+/g, ' ')).toContain(`Context: ${context}`);
    expect(await output(['score', file, '-f', 'markdown', ...STALE])).toContain(`**Context:** ${context}`);
    expect(seen(select(select(parseHtml(await output(['score', file, '-f', 'html', ...STALE])), 'dl', 'meta')[0]!, 'dd')[1]!)).toContain(context);
    expect(await output(['score', file, '-f', 'junit', ...STALE])).toContain(`<property name="context" value="${context.replace(/'/g, '&apos;')}"/>`);
    const dir = mkdtempSync(join(tmpdir(), 'cm-maturity-details-'));
    try {
      const saved = join(dir, 'report.json');
      await output(['score', file, '-o', saved, ...STALE]);
      expect(await output(['validate', saved])).toMatch(/^ok /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
