import { describe, expect, it } from 'vitest';
import { addSkipped, addUnanswered, meetsCompleteness, skipTally, unansweredTally } from '../../src/core/file-summary.js';
import { pairByOrganisation } from '../../src/core/pairs.js';
import { foundKind } from '../../src/parse/document-kind.js';
import { skippedSummary, unansweredSummary } from '../../src/report/notices.js';
import { localeOf } from '../../src/cli/language.js';

const EN = localeOf('en');

describe('the unanswered tally of many files', () => {
  it('counts the files with unanswered indicators and keeps the three with the most, the first met among equals', () => {
    const tally = unansweredTally();
    const counts: [string, number][] = [
      ['a', 0],
      ['b', 2],
      ['c', 1],
      ['d', 3],
      ['e', 2],
      ['f', 0],
      ['g', 1],
    ];
    for (const [file, unanswered] of counts) addUnanswered(tally, { file, unanswered, total: 4 });
    // Five files have some: b, c, d, e, g. The most: d (3), then b and e (2 each, b met first).
    expect(tally.count).toBe(5);
    expect(tally.worst.map((entry) => entry.file)).toEqual(['d', 'b', 'e']);
    expect(unansweredSummary(EN, tally, 7)).toBe(
      'cm-maturity: warning: 5 of 7 answers files have unanswered indicators, which count as 0; the most: d (3 of 4), b (2 of 4), e (2 of 4), …; --verbose shows every file, --strict makes this an error',
    );
  });

  it('says nothing when every file answers every indicator, and "has" for one file', () => {
    const tally = unansweredTally();
    addUnanswered(tally, { file: 'a', unanswered: 0, total: 4 });
    expect(unansweredSummary(EN, tally, 1)).toBeNull();
    addUnanswered(tally, { file: 'b', unanswered: 1, total: 4 });
    expect(unansweredSummary(EN, tally, 2)).toBe(
      'cm-maturity: warning: 1 of 2 answers files has unanswered indicators, which count as 0; the most: b (1 of 4); --verbose shows every file, --strict makes this an error',
    );
  });
});

describe('the skip tally', () => {
  it('counts each kind and names the first three met', () => {
    const tally = skipTally();
    expect(skippedSummary(EN, tally, 3, 'answers files')).toBeNull();
    addSkipped(tally, { file: 'm.yaml', kind: 'model' });
    addSkipped(tally, { file: 'r.json', kind: 'report' });
    addSkipped(tally, { file: 'ci.yml', kind: 'other' });
    expect(skippedSummary(EN, tally, 5, 'answers files')).toBe(
      'cm-maturity: note: skipped 3 of 5 files found (not answers files): 1 model, 1 JSON report, 1 YAML file without organisation or answers (m.yaml, r.json, ci.yml)',
    );
    addSkipped(tally, { file: 'other.yml', kind: 'other' });
    expect(skippedSummary(EN, tally, 6, 'answers files')).toBe(
      'cm-maturity: note: skipped 4 of 6 files found (not answers files): 1 model, 1 JSON report, 2 YAML files without organisation or answers (m.yaml, r.json, ci.yml, …; --verbose names every one)',
    );
  });
});

describe('foundKind', () => {
  it.each([
    [{ organisation: 'A', answers: {} }, 'answers'],
    [{ organisation: 'A' }, 'answers'],
    // A would-be answers file with a wrong key is still read, so that its errors are reported.
    [{ answers: {}, organisaton: 'A' }, 'answers'],
    [{ organisation: 'A', stages: [] }, 'answers'],
    [null, 'answers'],
    [{ id: 'm', stages: [], competencies: [], scale: [] }, 'model'],
    [{ schemaVersion: 1, organisation: 'A' }, 'report'],
    [{ name: 'CI', on: { push: null }, jobs: {} }, 'other'],
    [['a', 'list'], 'other'],
    ['a single value', 'other'],
  ])('%j is %s', (data, kind) => {
    expect(foundKind(data)).toBe(kind);
  });
});

describe('meetsCompleteness', () => {
  it('keeps a share equal to the floor, as written', () => {
    expect(meetsCompleteness({ answered: 7, total: 10 }, 0.7)).toBe(true);
    expect(meetsCompleteness({ answered: 3, total: 4 }, 0.75)).toBe(true);
    expect(meetsCompleteness({ answered: 3, total: 4 }, 0.76)).toBe(false);
    expect(meetsCompleteness({ answered: 0, total: 4 }, 0)).toBe(true);
    expect(meetsCompleteness({ answered: 71, total: 72 }, 1)).toBe(false);
  });
});

describe('pairByOrganisation', () => {
  it('pairs by name in name order, lists those on one side only and a second one on a side', () => {
    const side = (...names: string[]) => names.map((organisation, index) => ({ organisation, value: `${organisation}#${index}` }));
    const pairing = pairByOrganisation(side('zeta', 'Acme', 'beta', 'Acme'), side('beta', 'acme', 'Acme', 'Gamma'));
    expect(pairing.pairs).toEqual([
      { organisation: 'Acme', old: 'Acme#1', new: 'Acme#2' },
      { organisation: 'beta', old: 'beta#2', new: 'beta#0' },
    ]);
    expect(pairing.onlyOld).toEqual([{ organisation: 'zeta', value: 'zeta#0' }]);
    expect(pairing.onlyNew).toEqual([
      { organisation: 'acme', value: 'acme#1' },
      { organisation: 'Gamma', value: 'Gamma#3' },
    ]);
    expect(pairing.repeated).toEqual([{ side: 'old', value: 'Acme#3', first: 'Acme#1' }]);
  });
});
