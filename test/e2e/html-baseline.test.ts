import { describe, expect, it } from 'vitest';
import { parseHtml, select } from '../helpers/html.js';
import { runInProcess } from '../helpers/in-process.js';

// Every run here is in this process (runInProcess): the HTML report is the work of the code, not
// of the process.

describe('html report with --baseline and gates', async () => {
  const result = await runInProcess(['score', 'examples/community@1.0/advanced.yaml', '--baseline', 'examples/community@1.0/middle.yaml', '--fail-under', 'network', '-f', 'html']);
  const page = parseHtml(result.stdout);

  it('still writes the report when a gate fails, and exits 1', () => {
    expect(result.code).toBe(1);
    expect(select(page, 'h1')[0]?.text).toBe('Tessera Industrial Group');
  });

  it('draws the baseline as a second, dashed series with a legend', () => {
    // The legend's swatches carry the series classes too; a plotted series holds a polygon.
    const plotted = (kind: string) => select(page, 'g', `series-${kind}`).filter((group) => select(group, 'polygon').length > 0);
    expect(plotted('current')).toHaveLength(1);
    const baseline = plotted('baseline');
    expect(baseline).toHaveLength(1);
    // One marker per competency, on the baseline's scores.
    expect(select(baseline[0]!, 'rect', 'marker')).toHaveLength(8);
    expect(result.stdout).toContain('Baseline, 2026-09-15');
  });

  it('shows the change per competency and overall, and the gate outcome', () => {
    const scores = select(page, 'table', 'scores')[0]!;
    expect(select(scores, 'th').map((cell) => cell.text)).toContain('Change');
    // advanced Strategy 4.00 against middle 3.44: +0.56, from Community to Network.
    expect(scores.text).toContain('▲ +0.56 (Community → Network)');
    expect(page.text).toContain('Baseline 2026-09-15: overall 2.98 → 3.80 (▲ +0.82)');
    expect(page.text).toContain('Overall stage below the required ‘Network’ (score 3.80, needs 4.00)');
  });

  it('has no change column and a single series without a baseline', async () => {
    const plain = parseHtml((await runInProcess(['score', 'examples/community@1.0/advanced.yaml', '-f', 'html'])).stdout);
    expect(select(plain, 'g', 'series-baseline')).toHaveLength(0);
    expect(select(select(plain, 'table', 'scores')[0]!, 'th').map((cell) => cell.text)).not.toContain('Change');
  });
});
