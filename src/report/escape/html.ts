const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text from a model or answers file made inert in HTML and SVG, both between tags and inside
 * quoted attribute values: every interpolation in the HTML report goes through this one function.
 * Control characters other than tab and newline are dropped, since XML (the SVG) forbids them.
 */
export function escapeHtml(text: string | number): string {
  return String(text)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}
