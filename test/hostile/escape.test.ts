import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { terminalSafe, terminalText } from '../../src/report/escape/terminal.js';
import { csvCell, csvText } from '../../src/report/escape/csv.js';
import { inline } from '../../src/report/escape/markdown.js';
import { allElements, parseHtml, select } from '../helpers/html.js';
import { ANY_CONTROL } from './support.js';

/** The one escaping function of each output kind, for any text: the rules the README states. */

/** Any character from U+0000 to U+03FF: the C0 and C1 controls and the text around them. */
const anyCharacter = fc.integer({ min: 0, max: 0x3ff }).map((code) => String.fromCharCode(code));

/** Text with many control characters, line breaks and the characters around them. */
const hostileText = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\n', '\r', '\t', '\u0000', '\u007f', '\u0085', '\u009b', '[', ']', ';', '\\', 'x', ' ', 'é', '😀'), anyCharacter) });

describe('terminalText', () => {
  it('shows each control character as an escape', () => {
    expect(terminalText('a\u001b]0;title\u0007b\u001b[2J\nc\rd\te\u0000\u007f\u0085\u009b')).toBe('a\\x1b]0;title\\x07b\\x1b[2J\\nc\\rd\\te\\x00\\x7f\\x85\\x9b');
  });

  it('leaves no control character in any text, and text without one as it is', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const shown = terminalText(text);
        expect(shown).not.toMatch(ANY_CONTROL);
        if (!ANY_CONTROL.test(text)) expect(shown).toBe(text);
      }),
    );
  });
});

describe('terminalSafe', () => {
  it('escapes every string of plain data, keys included, and keeps the rest', () => {
    const data = { name: 'a\u001b[2J', list: ['ok', 'b\nc', 3, null], nested: { 'k\u0007': true, n: 1.5 } };
    expect(terminalSafe(data)).toEqual({ name: 'a\\x1b[2J', list: ['ok', 'b\\nc', 3, null], nested: { 'k\\x07': true, n: 1.5 } });
  });

  it('returns data without control characters as it is, not a copy', () => {
    const clean = { name: 'Content & Programming', list: [{ id: 'a', score: 2.5 }], empty: null };
    expect(terminalSafe(clean)).toBe(clean);
    const partly = { clean: { a: 'x' }, dirty: '\u001b' };
    expect(terminalSafe(partly).clean).toBe(partly.clean);
  });
});

describe('csvCell and csvText', () => {
  it("prefix text that a spreadsheet would read as a formula with '", () => {
    expect(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', '\nx'].map(csvCell)).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "'\nx"]);
  });

  it('leave numbers and ordinary text as they are', () => {
    expect(['-0.08', '-1', '2.61', '0', 'Content & Programming', 'a=b', "'quoted", ''].map(csvCell)).toEqual(['-0.08', '-1', '2.61', '0', 'Content & Programming', 'a=b', "'quoted", '']);
  });

  it('write CSV that reads back as the cells, each that could start a formula prefixed', () => {
    const cell = fc.string({ unit: fc.oneof(fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', '0', '.', 'a'), anyCharacter) });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), (rows) => {
        const width = rows[0]!.length;
        const table = rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''));
        const read = parse(csvText(table), { relax_quotes: false }) as string[][];
        expect(read).toEqual(table.map((row) => row.map((text) => (/^[=+\-@\t\r\n]/.test(text) && !/^-?\d+(?:\.\d+)?$/.test(text) ? `'${text}` : text))));
        for (const text of read.flat()) if (/^[=+\-@\t\r\n]/.test(text)) expect(text).toMatch(/^-?\d+(?:\.\d+)?$/);
      }),
    );
  });

  it('write numbers given as numbers as they are', () => {
    expect(csvText([['-cell', -0.5, 3]])).toBe("'-cell,-0.5,3\n");
  });

  it('quote a cell holding a carriage return, so that no spreadsheet starts a row (and a formula) inside it', () => {
    expect(csvText([['Acme\r=1+1', '1']])).toBe('"Acme\r=1+1",1\n');
  });
});

describe('inline (markdown)', () => {
  /** Pieces of links, mentions, HTML and markdown, put together in any order. */
  const piece = fc.constantFrom('http://', 'https://', 'ftp://', 'mailto:', 'xmpp:', 'www.', 'WWW.', '@', 'evil', '.example', '.com', '/', ':', '_', '-', ' ', '<', '>', '&', '#', '[', ']', '(', ')', '!', '|', '*', '`', '~', '\\', '\u001b', '\n', '\u0085', 'a', '1', '1.', '2)', '- ', '+ ', '    ', '=', '---', '\t', ';', '&amp;', '&#35;', '&#x41;', '&lt;', '^', 'x]', 'C#', 'é', '$', '{', '"', "'");
  const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));

  it('makes any text inert in GFM: no link, no element, no mention, no URL, no control character', () => {
    fc.assert(
      fc.property(text, (value) => {
        const markdown = inline(value);
        expect(markdown).not.toMatch(ANY_CONTROL);
        const page = parseHtml(micromark(`- ${markdown}\n  - Note: ${markdown}\n\n# ${markdown}\n\n| a |\n| --- |\n| ${markdown} |\n`, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousHtml: true }));
        // The same elements as around plain text: no link, no element, no break, no nested list.
        expect(allElements(page).map((element) => element.tag)).toEqual(['html', 'head', 'body', 'ul', 'li', 'ul', 'li', 'h1', 'table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td']);
        expect(page.text).not.toMatch(/@[A-Za-z0-9]|:\/\/|www\./i);
        // And it reads as the text: nothing taken as markup, no character reference decoded.
        const shown = value.replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
        const [heading, cell] = [select(page, 'h1')[0]!, select(page, 'td')[0]!];
        for (const element of [heading, cell]) expect(element.text.replace(/\u200b/g, '')).toBe(shown);
      }),
      { numRuns: 300 },
    );
  });

  it('cannot start a block: no thematic break, nested list or code block at the start of a list item', () => {
    expect(inline('--')).toBe('\\--');
    expect(inline('1. first')).toBe('1\\. first');
    expect(inline('     code')).toBe('code');
    expect(inline('a - b, 2. c')).toBe('a - b, 2. c');
  });

  it('leaves the text readable: only zero-width spaces are added where links and mentions would start', () => {
    expect(inline('Ask @octocat at https://evil.example or www.evil.example, a@b.co')).toBe('Ask @&#8203;octocat at https:&#8203;//evil.example or www&#8203;.evil.example, a@&#8203;b.co');
    expect(inline('tab\there\nand\u001b[2J')).toBe('tab here and[2J');
  });

  it('escapes a character only where it could start something, so that ordinary text reads as it is', () => {
    for (const text of ['Content & Programming', 'Emergent Community (community)', 'snake_case_name', 'C# and F#', 'Yes! {v2} a+b 1.5 - 2 = x; 3) y', 'R&D, Q&A']) expect(inline(text)).toBe(text);
    // A character reference, named or numeric, would show as the character it names.
    expect(inline('&copy; &#169; &#xA9; & &amp')).toBe('&amp;copy; &amp;\\#169; &amp;\\#xA9; & &amp');
    // ] closes every link, image, footnote and task-list box: it is always escaped, ( and [ then need not be.
    expect(inline('[x](http://e) ![i](u) [^1] [ ]')).toBe('[x\\](http:&#8203;//e) \\![i\\](u) [^1\\] [ \\]');
    expect(inline('_a_ a_ _a *b* `c` ~d~ | \\')).toBe('\\_a\\_ a\\_ \\_a \\*b\\* \\`c\\` \\~d\\~ \\| \\\\');
    // A # that could open or close a heading, or make an issue reference (#12, a#12).
    expect(inline('# a #b c# #1 C#12')).toBe('\\# a \\#b c# \\#1 C\\#12');
    expect(inline('1) one')).toBe('1\\) one');
    expect(inline('+ plus')).toBe('\\+ plus');
  });
});
