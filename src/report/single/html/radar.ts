import { escapeHtml } from '../../escape/html.js';

/** One spoke of the chart: a competency. */
export interface RadarAxis {
  label: string;
}

/** One polygon: a value per axis, in the same order as the axes. */
export interface RadarSeries {
  name: string;
  values: readonly number[];
  /** `current` is drawn filled, `baseline` dashed and unfilled, `target` (a plan's goal) dotted and unfilled. */
  kind: 'current' | 'baseline' | 'target';
}

export interface RadarOptions {
  /** Ring labels from the inner ring outwards: ring k (1-based) is drawn at value k. */
  rings: readonly string[];
  /** Accessible title and description of the chart. */
  title: string;
  description: string;
}

export interface Point {
  x: number;
  y: number;
}

/** Baseline first, then the target, so that the current polygon is drawn on top. */
const DRAW_ORDER: Record<RadarSeries['kind'], number> = { baseline: 0, target: 1, current: 2 };

/** The chart's drawing box: the plot is centred, with room around it for axis labels. */
export const RADAR = { width: 680, height: 560, radius: 200 } as const;
const CENTRE: Point = { x: RADAR.width / 2, y: RADAR.height / 2 };

/**
 * The angle of axis `index` of `count`, in radians: the first axis points straight up and the
 * others follow clockwise (SVG's y grows downwards, so clockwise is increasing angle).
 */
export function axisAngle(index: number, count: number): number {
  return -Math.PI / 2 + (2 * Math.PI * index) / count;
}

/**
 * Where `value` lies on axis `index` of `count`: the centre is 0 and the outer ring is `max`.
 * Values are clamped to [0, max] so a bad value cannot draw outside the chart, and coordinates
 * are rounded to two decimals so equal reports give byte-identical SVG.
 */
export function radarPoint(index: number, count: number, value: number, max: number, radius: number = RADAR.radius, centre: Point = CENTRE): Point {
  const clamped = Math.min(max, Math.max(0, value));
  const distance = (clamped / max) * radius;
  const angle = axisAngle(index, count);
  return { x: round2(centre.x + distance * Math.cos(angle)), y: round2(centre.y + distance * Math.sin(angle)) };
}

/** The polygon of one series as SVG `points`. */
export function polygonPoints(values: readonly number[], max: number): string {
  return values.map((value, index) => pointText(radarPoint(index, values.length, value, max))).join(' ');
}

/**
 * A radar (spider) chart as a standalone SVG element: one axis per competency, one ring per
 * stage labelled with its name, and one polygon per series (the first filled, a baseline dashed),
 * with a legend when there is more than one series. Every text is escaped.
 */
export function radar(axes: readonly RadarAxis[], series: readonly RadarSeries[], options: RadarOptions): string {
  const count = axes.length;
  const max = options.rings.length;
  const parts: string[] = [];
  parts.push(
    `<svg class="radar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${RADAR.width} ${RADAR.height}" role="img" aria-labelledby="radar-title radar-desc">`,
    `<title id="radar-title">${escapeHtml(options.title)}</title>`,
    `<desc id="radar-desc">${escapeHtml(options.description)}</desc>`,
  );

  // Rings, outermost first so the inner ones are drawn on top; alternate bands make them legible in grayscale.
  parts.push('<g class="rings">');
  for (let ring = max; ring >= 1; ring--) {
    const points = axes.map((_, index) => pointText(radarPoint(index, count, ring, max))).join(' ');
    parts.push(`<polygon class="ring ring-${ring % 2 === 0 ? 'even' : 'odd'}" points="${points}"/>`);
  }
  parts.push('</g>');

  parts.push('<g class="axes">');
  for (const [index, axis] of axes.entries()) {
    const end = radarPoint(index, count, max, max);
    parts.push(`<line class="axis" x1="${CENTRE.x}" y1="${CENTRE.y}" x2="${end.x}" y2="${end.y}"><title>${escapeHtml(axis.label)}</title></line>`);
  }
  parts.push('</g>');

  // Series are drawn baseline first, so the current polygon is on top.
  const ordered = [...series].sort((a, b) => DRAW_ORDER[a.kind] - DRAW_ORDER[b.kind]);
  for (const item of ordered) {
    const points = polygonPoints(item.values, max);
    parts.push(`<g class="series series-${item.kind}">`);
    parts.push(`<polygon class="area" points="${points}"><title>${escapeHtml(item.name)}</title></polygon>`);
    for (const [index, value] of item.values.entries()) {
      const point = radarPoint(index, count, value, max);
      const marker = item.kind === 'target' ? `<path class="marker" d="M${point.x} ${round2(point.y - 4.5)}l4.5 4.5l-4.5 4.5l-4.5 -4.5z"/>` : item.kind === 'baseline' ? `<rect class="marker" x="${round2(point.x - 3.5)}" y="${round2(point.y - 3.5)}" width="7" height="7"/>` : `<circle class="marker" cx="${point.x}" cy="${point.y}" r="4"/>`;
      parts.push(marker);
    }
    parts.push('</g>');
  }

  // Ring labels sit on their ring just right of the upward axis, over a halo so lines do not cross the text.
  parts.push('<g class="ring-labels">');
  for (const [index, label] of options.rings.entries()) {
    const at = radarPoint(0, count, index + 1, max);
    parts.push(`<text class="ring-label" x="${round2(at.x + 5)}" y="${round2(at.y - 4)}">${escapeHtml(label)}</text>`);
  }
  parts.push('</g>');

  parts.push('<g class="axis-labels">');
  for (const [index, axis] of axes.entries()) {
    const at = radarPoint(index, count, 1, 1, RADAR.radius + 14);
    const anchor = Math.abs(at.x - CENTRE.x) < 1 ? 'middle' : at.x > CENTRE.x ? 'start' : 'end';
    const lines = wrapLabel(axis.label);
    // Labels above the centre grow upwards, those below grow downwards, side ones are centred on their spoke.
    const lineHeight = 17;
    const firstY = at.y < CENTRE.y - RADAR.radius * 0.5 ? at.y - 8 - (lines.length - 1) * lineHeight : at.y > CENTRE.y + RADAR.radius * 0.5 ? at.y + 10 : at.y + 4 - ((lines.length - 1) * lineHeight) / 2;
    const tspans = lines.map((line, row) => `<tspan x="${at.x}" y="${round2(firstY + row * lineHeight)}">${escapeHtml(line)}</tspan>`).join('');
    parts.push(`<text class="axis-label" text-anchor="${anchor}">${tspans}</text>`);
  }
  parts.push('</g>');

  if (series.length > 1) parts.push(legend(series));
  parts.push('</svg>');
  return parts.join('\n');
}

function legend(series: readonly RadarSeries[]): string {
  const items = series.map((item, index) => {
    const y = 20 + index * 22;
    const swatch = `<line class="legend-swatch" x1="12" y1="${y}" x2="40" y2="${y}"/>`;
    return `<g class="legend-item series-${item.kind}">${swatch}<text x="48" y="${y}" dominant-baseline="middle">${escapeHtml(item.name)}</text></g>`;
  });
  return `<g class="legend">${items.join('')}</g>`;
}

/** Splits a label into lines of about `width` characters at spaces, so long names stay inside the chart. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter((part) => part !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function pointText(point: Point): string {
  return `${point.x},${point.y}`;
}

function round2(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  // Avoid "-0" in the output.
  return rounded === 0 ? 0 : rounded;
}
