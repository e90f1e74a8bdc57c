import { formatRegistry } from '../registry.js';
import type { BinaryDisagreementFormatter, DisagreementFormatter } from './format.js';

/** The formats of the disagreement report (`consensus --report --format`). */
export const disagreementFormats = formatRegistry({
  table: async (): Promise<DisagreementFormatter> => (await import('./table.js')).formatDisagreementTable,
  markdown: async (): Promise<DisagreementFormatter> => (await import('./markdown.js')).formatDisagreementMarkdown,
  json: async (): Promise<DisagreementFormatter> => (await import('./json.js')).formatDisagreementJson,
  html: async (): Promise<DisagreementFormatter> => (await import('./html.js')).formatDisagreementHtml,
  xlsx: async (): Promise<BinaryDisagreementFormatter> => (await import('./xlsx.js')).formatDisagreementXlsx,
});

export type DisagreementFormatName = (typeof disagreementFormats.names)[number];
