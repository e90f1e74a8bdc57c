import { parse } from 'parse5';

/** A parsed element as the tests need it: name, attributes, children and text. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlElement[];
  /** All the text inside, entities decoded, as a browser's textContent. */
  text: string;
}

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

/** Parses a whole HTML document the way a browser does (parse5 implements the HTML standard). */
export function parseHtml(html: string): HtmlElement {
  return toElement(parse(html) as unknown as Parse5Node);
}

function toElement(node: Parse5Node): HtmlElement {
  const children: HtmlElement[] = [];
  let text = '';
  for (const child of node.childNodes ?? []) {
    if (child.nodeName === '#text') text += child.value ?? '';
    else if (child.tagName !== undefined || child.nodeName === '#document') {
      const element = toElement(child);
      children.push(element);
      text += element.text;
    }
  }
  return { tag: node.tagName ?? node.nodeName, attrs: Object.fromEntries((node.attrs ?? []).map((attr) => [attr.name, attr.value])), children, text };
}

/** Every element below `root` (depth first, document order). */
export function allElements(root: HtmlElement): HtmlElement[] {
  return root.children.flatMap((child) => [child, ...allElements(child)]);
}

/** Elements matching a tag and, optionally, a class. */
export function select(root: HtmlElement, tag: string, className?: string): HtmlElement[] {
  return allElements(root).filter((element) => element.tag === tag && (className === undefined || (element.attrs.class ?? '').split(/\s+/).includes(className)));
}
