import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NOT_YET_IN_CATALOGUES, PROTOCOL_TEXTS, WRITTEN_IN_ENGLISH } from './allowed-literals.js';

const ROOT = join(import.meta.dirname, '../..');

function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Reads like words for a person: two words side by side, or one capitalised word. */
const PROSE = /[A-Za-z]{2,}[ ,]+[A-Za-z]{2,}|\b[A-Z][a-z]{2,}\b/;

/**
 * Whether a string is not shown to anyone as it is: a module specifier, a type, a property name,
 * a message key (the first argument of `t`), or the message of an internal failure (`new Error`),
 * which reports a fault of the tool rather than speaking to its user.
 */
function notShown(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent)) return true;
  if (ts.isLiteralTypeNode(parent) || ts.isImportTypeNode(parent.parent)) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isEnumMember(parent)) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return true;
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (name === 't' && parent.arguments[0] === node) return true;
    if (callee.kind === ts.SyntaxKind.ImportKeyword) return true;
  }
  if (ts.isNewExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'Error') return true;
  return false;
}

/** The texts of string and template literals in a file that read like prose, with their line. */
function proseLiterals(path: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) text = node.text;
    // A part of a template is judged by where the whole template stands.
    const whole = ts.isTemplateHead(node) ? node.parent : ts.isTemplateMiddle(node) || ts.isTemplateTail(node) ? node.parent.parent : node;
    if (text !== undefined && PROSE.test(text) && !notShown(whole)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-facing texts', () => {
  const files = sources(join(ROOT, 'src')).map((path) => relative(ROOT, path).split('\\').join('/'));

  it('come from the message catalogues: no English prose is left in the sources beyond protocol texts', () => {
    const left = files
      .filter((file) => (process.env.SCAN_ALL === "1" || !NOT_YET_IN_CATALOGUES.includes(file)) && !WRITTEN_IN_ENGLISH.includes(file))
      .flatMap((file) =>
        proseLiterals(join(ROOT, file))
          .filter(({ text }) => !(PROTOCOL_TEXTS[file] ?? []).some((allowed) => (typeof allowed === 'string' ? allowed === text : allowed.test(text))))
          .map(({ line, text }) => `${file}:${line}: ${JSON.stringify(text)}`),
      );
    expect(left).toEqual([]);
  });

  it('lists in the allow-lists only files that exist and texts that are still there', () => {
    for (const file of [...NOT_YET_IN_CATALOGUES, ...WRITTEN_IN_ENGLISH]) expect(files, file).toContain(file);
    for (const [file, texts] of Object.entries(PROTOCOL_TEXTS)) {
      expect(files, file).toContain(file);
      const literals = proseLiterals(join(ROOT, file)).map(({ text }) => text);
      for (const allowed of texts) expect(literals.some((text) => (typeof allowed === 'string' ? allowed === text : allowed.test(text))), `${file}: ${String(allowed)}`).toBe(true);
    }
  });
});
