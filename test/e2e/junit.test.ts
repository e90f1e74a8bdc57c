import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { okInProcess, runInProcess, tempDir } from './support.js';

// Every run here is in this process (runInProcess): the JUnit XML is the work of the code. That a
// failed gate is exit 1 of a real process is checked on spawned runs in gates.test.ts.

interface Testcase {
  '@_classname': string;
  '@_name': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  'system-out': string;
}

interface Junit {
  testsuites: {
    '@_tests': string;
    '@_failures': string;
    testsuite: {
      '@_name': string;
      '@_tests': string;
      '@_failures': string;
      properties: { property: { '@_name': string; '@_value': string }[] };
      testcase: Testcase[];
    };
  };
}

/** Parses with a real XML parser, after checking the document is well-formed. */
function parseJunit(xml: string): Junit {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, isArray: (name) => name === 'testcase' || name === 'property', processEntities: true, htmlEntities: true }).parse(xml) as Junit;
}

describe('--format junit', () => {
  it('has one test case per competency and one for the overall score, all passing without gates', async () => {
    const xml = await okInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'junit']);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    const suite = parseJunit(xml).testsuites.testsuite;
    expect(suite['@_name']).toBe('Community Management Maturity: Larkspur Analytics');
    expect(suite['@_tests']).toBe('9');
    expect(suite['@_failures']).toBe('0');
    expect(suite.testcase.map((testCase) => testCase['@_classname'])).toEqual(
      ['strategy', 'leadership', 'culture', 'management', 'content', 'governance', 'tools', 'metrics', 'overall'].map((id) => `community.${id}`),
    );
    expect(suite.testcase[4]!['@_name']).toBe('Content & Programming');
    expect(suite.testcase.every((testCase) => testCase.failure === undefined)).toBe(true);
    expect(suite.testcase[0]!['system-out']).toBe('Community (level 3 of 4), score 3.44; next: Network 33%');
    expect(suite.properties.property.find((property) => property['@_name'] === 'overall.score')!['@_value']).toBe('2.98');
  });

  it('has a failure with a readable message for each failing gate and regression', async () => {
    const result = await runInProcess(['score', 'examples/community@1.0/middle.yaml', '-f', 'junit', '--require', 'tools=community', '--fail-under', 'community', '--baseline', 'examples/community@1.0/advanced.yaml', '--fail-on-regression']);
    expect(result.code).toBe(1);
    const junit = parseJunit(result.stdout);
    const suite = junit.testsuites.testsuite;
    // Every competency but content fell since the advanced baseline, and so did the overall score.
    expect(suite['@_failures']).toBe('8');
    expect(junit.testsuites['@_failures']).toBe('8');
    const byId = Object.fromEntries(suite.testcase.map((testCase) => [testCase['@_classname'].split('.')[1], testCase]));
    expect(byId.content!.failure).toBeUndefined();
    expect(byId.tools!.failure!['@_type']).toBe('require');
    expect(byId.tools!.failure!['@_message']).toBe('require: tools score 2.88 is below 3.00 by 0.12; no-regression: tools score fell from 4.00 to 2.88 (-1.12) since the baseline');
    expect(byId.overall!.failure!['@_message']).toBe('fail-under: overall score 2.98 is below 3.00 by 0.02; no-regression: overall score fell from 3.80 to 2.98 (-0.82) since the baseline');
    expect(byId.strategy!['system-out']).toBe('Community (level 3 of 4), score 3.44, ▼ -0.56 (Network → Community) since the baseline; next: Network 33%');
  });

  it('stays well-formed and keeps every text intact whatever the files contain', async () => {
    const dir = tempDir();
    const hostile = 'A <b>&amp; "co" \'q\' ]]> <![CDATA[x]]> 🚀 </testcase>';
    const model = {
      id: 'hostile',
      name: `Model ${hostile}`,
      version: '1 "beta" <1>',
      scale: [
        { id: 'yes', label: 'Yes', value: 1 },
        { id: 'no', label: 'No', value: 0 },
      ],
      stages: [
        { id: 'low', name: `Low ${hostile}` },
        { id: 'high', name: `High ]]>&` },
      ],
      competencies: [
        { id: 'c1', name: `C1 ${hostile}`, indicators: [{ id: 'c1.a', stage: 'high', text: hostile }] },
        { id: 'c2', name: 'C2 & <c2>', indicators: [{ id: 'c2.a', stage: 'high', text: 'x' }] },
      ],
    };
    writeFileSync(join(dir, 'model.json'), JSON.stringify(model));
    // A control character (from a YAML escape) cannot appear in XML 1.0 at all; it must not break the file.
    writeFileSync(join(dir, 'answers.yaml'), `organisation: "Org ${hostile.replace(/"/g, '\\"')} \\x01 tab\\there"\nmodel: ./model.json\nanswers:\n  c1.a: "yes"\n  c2.a: "no"\n`);
    const result = await runInProcess(['score', join(dir, 'answers.yaml'), '-f', 'junit', '--require', 'c2=high']);
    expect(result.code).toBe(1);
    const suite = parseJunit(result.stdout).testsuites.testsuite;
    expect(suite['@_name']).toBe(`Model ${hostile}: Org ${hostile} \uFFFD tab\there`);
    expect(suite.testcase.map((testCase) => testCase['@_name'])).toEqual([`C1 ${hostile}`, 'C2 & <c2>', 'Overall (mean)']);
    expect(suite.testcase[0]!['system-out']).toBe('High ]]>& (level 2 of 2), score 2.00; next: top stage');
    expect(suite.testcase[1]!.failure!['@_message']).toBe('require: c2 score 1.00 is below 2.00 by 1.00');
    expect(suite.properties.property.find((property) => property['@_name'] === 'model')!['@_value']).toBe('hostile 1 "beta" <1>');
    expect(result.stdout).not.toMatch(/]]>(?!<)/);
  });
});
