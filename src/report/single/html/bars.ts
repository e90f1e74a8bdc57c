import { escapeHtml } from '../../escape/html.js';
import { wrapLabel, type RadarAxis, type RadarOptions, type RadarSeries } from './radar.js';

/** The chart's drawing box: competency labels on the left, the bars on the right. */
const BARS = { width: 680, labelWidth: 170, right: 24, top: 56, row: 64, bottom: 16 } as const;

const LEGEND_LINE = 22;

/** Where a score lies on the bars' scale: the first stage at the left edge of the plot, the top stage at its right edge. */
function barX(value: number, stages: number): number {
  const plot = BARS.width - BARS.labelWidth - BARS.right;
  const clamped = Math.min(stages, Math.max(1, value));
  return round2(BARS.labelWidth + ((clamped - 1) / (stages - 1)) * plot);
}

/**
 * Horizontal bars, one per competency, for models with too few competencies for a radar chart
 * (a radar needs three axes to enclose an area): each bar runs from the first stage to the
 * competency's score over a scale marked with the stages; a baseline is a dashed bar under it.
 * Takes the radar's arguments, so either chart draws the same profile. Every text is escaped.
 */
export function bars(axes: readonly RadarAxis[], series: readonly RadarSeries[], options: RadarOptions): string {
  const stages = options.rings.length;
  // A legend (with a baseline) takes a line per series under the bars.
  const legendHeight = series.length > 1 ? series.length * LEGEND_LINE + 8 : 0;
  const height = BARS.top + axes.length * BARS.row + BARS.bottom + legendHeight;
  const bottom = BARS.top + axes.length * BARS.row;
  const parts: string[] = [
    `<svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BARS.width} ${height}" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">${escapeHtml(options.title)}</title>`,
    `<desc id="chart-desc">${escapeHtml(options.description)}</desc>`,
  ];

  // A line and a label for every stage, the stages alternately shaded as the radar's rings are.
  parts.push('<g class="rings">');
  for (let level = 1; level < stages; level++) {
    const x = barX(level, stages);
    parts.push(`<rect class="ring ring-${level % 2 === 0 ? 'even' : 'odd'}" x="${x}" y="${BARS.top - 6}" width="${round2(barX(level + 1, stages) - x)}" height="${bottom - BARS.top + 12}"/>`);
  }
  parts.push('</g>');
  parts.push('<g class="ring-labels">');
  for (const [index, label] of options.rings.entries()) {
    const x = barX(index + 1, stages);
    const anchor = index === 0 ? 'start' : index === stages - 1 ? 'end' : 'middle';
    const lines = wrapLabel(label, 14);
    const tspans = lines.map((line, row) => `<tspan x="${x}" y="${round2(BARS.top - 12 - (lines.length - 1 - row) * 15)}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<line class="axis" x1="${x}" y1="${BARS.top - 6}" x2="${x}" y2="${bottom + 6}"/>`, `<text class="ring-label" text-anchor="${anchor}">${tspans}</text>`);
  }
  parts.push('</g>');

  const baseline = series.find((item) => item.kind === 'baseline');
  const current = series.find((item) => item.kind === 'current');
  parts.push('<g class="axis-labels">');
  for (const [index, axis] of axes.entries()) {
    const lines = wrapLabel(axis.label, 18);
    const middle = BARS.top + index * BARS.row + BARS.row / 2;
    const tspans = lines.map((line, row) => `<tspan x="${BARS.labelWidth - 12}" y="${round2(middle + 5 - ((lines.length - 1) * 17) / 2 + row * 17)}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<text class="axis-label" text-anchor="end">${tspans}</text>`);
  }
  parts.push('</g>');

  for (const item of [baseline, current]) {
    if (!item) continue;
    parts.push(`<g class="series series-${item.kind}">`);
    for (const [index, value] of item.values.entries()) {
      const rowTop = BARS.top + index * BARS.row;
      const y = item.kind === 'current' ? rowTop + 14 : rowTop + 44;
      const barHeight = item.kind === 'current' ? 26 : 10;
      const width = round2(barX(value, stages) - BARS.labelWidth);
      parts.push(`<rect class="area" x="${BARS.labelWidth}" y="${y}" width="${width}" height="${barHeight}"><title>${escapeHtml(`${item.name}: ${axes[index]?.label ?? ''}`)}</title></rect>`);
    }
    parts.push('</g>');
  }

  if (series.length > 1) {
    const items = series.map((item, index) => {
      const x = BARS.labelWidth;
      const y = bottom + BARS.bottom + 8 + index * LEGEND_LINE;
      return `<g class="legend-item series-${item.kind}"><line class="legend-swatch" x1="${x}" y1="${y}" x2="${x + 28}" y2="${y}"/><text x="${x + 36}" y="${y}" dominant-baseline="middle">${escapeHtml(item.name)}</text></g>`;
    });
    parts.push(`<g class="legend">${items.join('')}</g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}
