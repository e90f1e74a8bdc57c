import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ROOT } from '../helpers/cli.js';
import { allElements, parseHtml, select } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';
import { fixture } from './support.js';

/**
 * JUnit XML and the HTML report, which escape every text already, stay inert for the hostile
 * texts of every class (terminal, markdown, CSV): the JUnit file is well-formed XML holding each
 * text as text, and the HTML page, parsed as a browser does (parse5), has no element, attribute
 * or script that came from a file.
 */

const FIXTURES = ['terminal.yaml', 'markdown.yaml', 'csv.yaml'];

interface Report {
  organisation: string;
  model: { name: string };
  assessor?: string | null;
  competencies: { name: string; indicators: { note: string | null }[] }[];
}

/** The report of an answers file in a format; `--fail-under` makes a failed gate (exit 1), which JUnit shows. */
async function output(file: string, format: string, ...more: string[]): Promise<string> {
  const result = await runInProcess(['score', file, '-f', format, ...more]);
  expect(result.code, result.stderr).toBe(more.includes('--fail-under') ? 1 : 0);
  return result.stdout;
}

/** What XML 1.0 cannot hold at all, as the JUnit format replaces it. */
function xmlLegal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

/** What the HTML report drops (control characters but tab and line feed), as escapeHtml does. */
function htmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

interface JunitProperty {
  '@_name': string;
  '@_value': string;
}

describe.each(FIXTURES)('JUnit XML and HTML from %s', (file) => {
  it('JUnit: well-formed XML, every text read back as written (what XML cannot hold replaced)', async () => {
    const report = JSON.parse(await output(fixture(file), 'json')) as Report;
    const xml = await output(fixture(file), 'junit', '--fail-under', '2');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, parseTagValue: false, parseAttributeValue: false, isArray: (name) => name === 'testcase' || name === 'property', processEntities: true, htmlEntities: true }).parse(xml) as {
      testsuites: { testsuite: { '@_name': string; properties: { property: JunitProperty[] }; testcase: { '@_name': string; failure?: unknown }[] } };
    };
    const suite = parsed.testsuites.testsuite;
    expect(Object.keys(parsed.testsuites).filter((key) => !key.startsWith('@_'))).toEqual(['testsuite']);
    expect(suite['@_name']).toBe(xmlLegal(`${report.model.name}: ${report.organisation}`));
    const properties = Object.fromEntries(suite.properties.property.map((property) => [property['@_name'], property['@_value']]));
    expect(properties.organisation).toBe(xmlLegal(report.organisation));
    if (report.assessor) expect(properties.assessor).toBe(xmlLegal(report.assessor));
    expect(suite.testcase.map((testCase) => testCase['@_name'])).toEqual([...report.competencies.map((competency) => xmlLegal(competency.name)), 'Overall (mean)']);
    expect(suite.testcase.at(-1)!.failure).toBeDefined();
  });

  it('HTML: no element or attribute from a file, every text shown as text', async () => {
    const report = JSON.parse(await output(fixture(file), 'json')) as Report;
    const page = parseHtml(await output(fixture(file), 'html'));
    const ordinary = parseHtml(await output(join(ROOT, 'examples/community@1.0/middle.yaml'), 'html'));
    const tags = (root: typeof page) => new Set(allElements(root).map((element) => element.tag));
    expect([...tags(page)].filter((tag) => !tags(ordinary).has(tag))).toEqual([]);
    for (const element of allElements(page)) {
      expect(Object.keys(element.attrs).filter((name) => name.startsWith('on') || name === 'src' || name === 'href')).toEqual([]);
    }
    expect(select(page, 'h1')[0]!.text).toBe(htmlText(report.organisation));
    expect(select(page, 'title')[0]!.text).toBe(htmlText(`${report.organisation} — ${report.model.name}`));
    const notes = report.competencies.flatMap((competency) => competency.indicators.map((indicator) => indicator.note)).filter((note) => note !== null);
    const cells = select(page, 'td').map((cell) => cell.text);
    for (const note of notes) expect(cells).toContain(htmlText(note));
  });
});
