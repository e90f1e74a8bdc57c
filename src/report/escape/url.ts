/** What stays as it is in a link's address: letters, digits and the URL delimiters that start nothing in markdown or HTML. */
const KEPT = /[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g;

/**
 * The address a report links an evidence item to, or null to show it as text. Only an item that is
 * one whole `https:` URL becomes a link: one that opens a web page over a secure connection, never
 * a `javascript:`, `data:`, `file:` or plain `http:` address, nor one with a user name or a
 * password before its host (`https://trusted.example@other.example/`), which would show one site
 * and open another, nor one whose host is an IPv6 address in brackets. The address is the URL as
 * parsed and normalised (its host in ASCII), with every character that could end or break out of
 * a markdown link or an HTML attribute percent-encoded (`(`, `)`, `[`, `]`, `<`, `>`, quotes,
 * back-quotes, backslashes, `|`, spaces).
 */
export function httpsLink(text: string): string | null {
  if (!/^https:\/\/\S+$/i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  // An IPv6 host is written in brackets, which the address could not keep as they are.
  if (url.protocol !== 'https:' || url.hostname === '' || url.hostname.startsWith('[') || url.username !== '' || url.password !== '') return null;
  // A parsed URL's href is ASCII (its host in punycode, the rest percent-encoded), so each character left is one byte.
  return url.href.replace(KEPT, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
