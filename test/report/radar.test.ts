import { describe, expect, it } from 'vitest';
import { RADAR, axisAngle, polygonPoints, radar, radarPoint, wrapLabel } from '../../src/report/single/html/radar.js';
import { parseHtml, select } from '../helpers/html.js';

const CX = RADAR.width / 2;
const CY = RADAR.height / 2;
const R = RADAR.radius;

describe('radar geometry', () => {
  it('uses a 680×560 box with the centre at (340, 280) and a radius of 200', () => {
    expect([CX, CY, R]).toEqual([340, 280, 200]);
  });

  it('puts the first axis straight up and the others clockwise', () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(axisAngle(1, 4)).toBeCloseTo(0);
    expect(axisAngle(2, 4)).toBeCloseTo(Math.PI / 2);
    expect(axisAngle(3, 4)).toBeCloseTo(Math.PI);
  });

  it('places known scores at hand-computed points (4 stages)', () => {
    // Four axes: up, right, down, left; a score of 4 of 4 is the full radius.
    expect(radarPoint(0, 4, 4, 4)).toEqual({ x: 340, y: 80 });
    expect(radarPoint(1, 4, 4, 4)).toEqual({ x: 540, y: 280 });
    expect(radarPoint(2, 4, 2, 4)).toEqual({ x: 340, y: 380 });
    expect(radarPoint(3, 4, 1, 4)).toEqual({ x: 290, y: 280 });
    // Three axes, the second at 30° below the horizontal: 2 of 4 is 100 out, (100·cos30°, 100·sin30°) = (86.60, 50).
    expect(radarPoint(1, 3, 2, 4)).toEqual({ x: 426.6, y: 330 });
    // The third of three at 150°: (−86.60, 50).
    expect(radarPoint(2, 3, 2, 4)).toEqual({ x: 253.4, y: 330 });
    // Six axes, the second at −30°: 3.44 of 4 is 172 out → (148.96, −86).
    expect(radarPoint(1, 6, 3.44, 4)).toEqual({ x: 488.96, y: 194 });
  });

  it('clamps values to the chart: below 0 is the centre, above the top is the outer ring', () => {
    expect(radarPoint(1, 5, -3, 4)).toEqual({ x: CX, y: CY });
    expect(radarPoint(0, 5, 9, 4)).toEqual({ x: 340, y: 80 });
  });

  it.each([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('with %i axes: every point lies on its spoke, at its share of the radius', (count) => {
    for (let index = 0; index < count; index++) {
      for (const value of [0, 1, 1.5, 2.99, 4]) {
        const point = radarPoint(index, count, value, 4);
        const distance = Math.hypot(point.x - CX, point.y - CY);
        expect(distance).toBeCloseTo((value / 4) * R, 1);
        if (value > 0) {
          const angle = Math.atan2(point.y - CY, point.x - CX);
          const expected = -Math.PI / 2 + (2 * Math.PI * index) / count;
          // Same direction: the angles agree modulo a full turn.
          expect(Math.cos(angle - expected)).toBeCloseTo(1, 3);
        }
      }
    }
    // The axes are evenly spread: neighbours are 360°/N apart.
    const first = radarPoint(0, count, 4, 4);
    const second = radarPoint(1, count, 4, 4);
    expect(Math.hypot(second.x - first.x, second.y - first.y)).toBeCloseTo(2 * R * Math.sin(Math.PI / count), 1);
  });

  it('writes a polygon with one point per value, coordinates rounded to two decimals', () => {
    const points = polygonPoints([4, 4, 4], 4).split(' ');
    expect(points).toEqual(['340,80', '513.21,380', '166.79,380']);
  });
});

describe('radar SVG', () => {
  const axes = ['Strategy', 'Leadership', 'Culture', 'Tools', 'Metrics'].map((label) => ({ label }));
  const rings = ['Hierarchy', 'Emergent', 'Community', 'Network'];
  const options = { rings, title: 'Profile', description: 'Scores: Strategy 3.44' };

  it.each([3, 5, 8, 12])('draws %i axes, a ring per stage, and the scores as a filled polygon', (count) => {
    const labels = Array.from({ length: count }, (_, index) => ({ label: `Competency ${index + 1}` }));
    const svg = parseHtml(radar(labels, [{ name: 'Now', values: labels.map(() => 2.5), kind: 'current' }], options));
    expect(select(svg, 'line', 'axis')).toHaveLength(count);
    expect(select(svg, 'polygon', 'ring')).toHaveLength(4);
    const areas = select(svg, 'polygon', 'area');
    expect(areas).toHaveLength(1);
    expect(areas[0]!.attrs.points!.split(' ')).toHaveLength(count);
    expect(select(svg, 'text', 'axis-label').map((label) => label.text)).toEqual(labels.map((label) => label.label));
    expect(select(svg, 'text', 'ring-label').map((label) => label.text)).toEqual(rings);
    expect(select(svg, 'g', 'legend')).toHaveLength(0);
  });

  it('is an accessible image with a title and a description', () => {
    const [root] = select(parseHtml(radar(axes, [{ name: 'Now', values: [1, 2, 3, 4, 2], kind: 'current' }], options)), 'svg');
    expect(root!.attrs.role).toBe('img');
    expect(root!.attrs['aria-labelledby']).toBe('radar-title radar-desc');
    expect(select(root!, 'title')[0]!.text).toBe('Profile');
    expect(select(root!, 'desc')[0]!.text).toBe('Scores: Strategy 3.44');
  });

  it('draws a second series as a dashed, unfilled polygon under the first, with a legend naming both', () => {
    const svg = parseHtml(
      radar(
        axes,
        [
          { name: 'Acme, 2026-10-01', values: [3, 3, 3, 3, 3], kind: 'current' },
          { name: 'Baseline 2025-10-01', values: [2, 2, 2, 2, 2], kind: 'baseline' },
        ],
        options,
      ),
    );
    const series = select(svg, 'g').filter((group) => /\bseries-(current|baseline)\b/.test(group.attrs.class ?? '') && !(group.attrs.class ?? '').includes('legend-item'));
    // Baseline first, so the current polygon is drawn on top of it.
    expect(series.map((group) => group.attrs.class)).toEqual(['series series-baseline', 'series series-current']);
    expect(select(series[0]!, 'polygon')[0]!.attrs.points).toBe(polygonPoints([2, 2, 2, 2, 2], 4));
    expect(select(series[0]!, 'rect', 'marker')).toHaveLength(5);
    expect(select(series[1]!, 'circle', 'marker')).toHaveLength(5);
    const legend = select(svg, 'g', 'legend');
    expect(legend).toHaveLength(1);
    expect(select(legend[0]!, 'g', 'legend-item').map((item) => [item.attrs.class, item.text])).toEqual([
      ['legend-item series-current', 'Acme, 2026-10-01'],
      ['legend-item series-baseline', 'Baseline 2025-10-01'],
    ]);
  });

  it('escapes every label, ring name, series name, title and description', () => {
    const hostile = '<script>alert(1)</script>"\'&';
    const markup = radar([{ label: hostile }, { label: 'b' }, { label: 'c' }], [
      { name: hostile, values: [1, 2, 3], kind: 'current' },
      { name: hostile, values: [1, 1, 1], kind: 'baseline' },
    ], { rings: [hostile, 'x'], title: hostile, description: hostile });
    expect(markup).not.toContain('<script');
    const svg = parseHtml(markup);
    expect(select(svg, 'script')).toHaveLength(0);
    expect(select(svg, 'text', 'axis-label')[0]!.text).toBe(hostile);
    expect(select(svg, 'text', 'ring-label')[0]!.text).toBe(hostile);
    expect(select(svg, 'title')[0]!.text).toBe(hostile);
  });

  it('gives the same bytes for the same input', () => {
    const series = [{ name: 'Now', values: [1.23, 2.5, 3.99, 4, 1], kind: 'current' as const }];
    expect(radar(axes, series, options)).toBe(radar(axes, series, options));
  });
});

describe('wrapLabel', () => {
  it('keeps short labels on one line and breaks long ones at spaces', () => {
    expect(wrapLabel('Tools')).toEqual(['Tools']);
    expect(wrapLabel('Community Management')).toEqual(['Community', 'Management']);
    expect(wrapLabel('Metrics & Measurement')).toEqual(['Metrics &', 'Measurement']);
    expect(wrapLabel('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilisticexpialidocious']);
    expect(wrapLabel('')).toEqual(['']);
  });
});
