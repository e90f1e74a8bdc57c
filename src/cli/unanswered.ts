import type { Report } from '../schema/report.js';

/** The stderr warning for unanswered indicators, or null when every one is answered; `file` names the file when there are several. */
export function unansweredWarning(report: Report, file?: string): string | null {
  const { unanswered, total } = report.completeness;
  if (unanswered.length === 0) return null;
  const sample = unanswered.slice(0, 3).join(', ') + (unanswered.length > 3 ? ', …' : '');
  return `warning: ${file === undefined ? '' : `${file}: `}${unanswered.length} of ${total} indicators are unanswered and count as 0 (${sample}); --strict makes this an error`;
}
