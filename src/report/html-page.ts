import { escapeHtml as e } from './escape/html.js';

// What every self-contained page the tool writes (the report of one organisation, the
// disagreement report, the questionnaire) opens with, and the policy that keeps it inert.

/** A text's SHA-256 in base64, as a Content-Security-Policy names an inline stylesheet or script. */
function sha256(text: string): string {
  // node:crypto is loaded on first use, so that commands which never write HTML do not pay for it at start-up.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text).digest('base64');
}

/** The policies of the stylesheets of pages without a script: a report has a few, each used again and again. */
const stylePolicies = new Map<string, string>();

/**
 * A page's Content-Security-Policy: nothing may load, and its one stylesheet (and its one script,
 * when it has one) apply only because their hashes are named, so that a text that escaped
 * escaping could neither run nor load anything.
 */
function contentSecurityPolicy(style: string, script?: string): string {
  if (script !== undefined) return policyText(style, script);
  let policy = stylePolicies.get(style);
  if (policy === undefined) stylePolicies.set(style, (policy = policyText(style)));
  return policy;
}

function policyText(style: string, script?: string): string {
  const scripts = script === undefined ? '' : ` script-src 'sha256-${sha256(script)}';`;
  return `default-src 'none';${scripts} style-src 'sha256-${sha256(style)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
}

/** A page from its doctype to its <body>: its language, its policy, its title and its one stylesheet. */
export function pageHead(language: string, title: string, style: string, script?: string): string {
  return `<!DOCTYPE html>
<html lang="${e(language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(style, script))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="cm-maturity">
<title>${e(title)}</title>
<style>${style}</style>
</head>
<body>
`;
}
