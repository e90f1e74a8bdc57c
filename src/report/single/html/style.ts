/**
 * The report's stylesheet. Colours are a blue/orange pair that colour-blind readers tell apart,
 * and every state also has a pattern or a word, so the report reads the same in grayscale.
 * A long word from a file (a URL, a hash, a run of letters) in a note, or in a next step's text
 * or advice, wraps anywhere rather than widening the page on screen and in print; the note column
 * of the answers keeps at least 9em, so that ordinary words are not cut on a narrow screen and
 * the tables lay out as they did before.
 */
export const STYLE = `
:root {
  --ink: #1d2330; --muted: #5b6472; --rule: #d5dae1; --paper: #ffffff; --wash: #f4f6f9;
  --met: #1f4e79; --met-ink: #ffffff; --partly: #f4b26b; --partly-ink: #3d2300; --none: #ffffff; --none-ink: #5b6472;
  --current: #1f4e79; --baseline: #c25e00;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 1120px; margin: 0 auto; padding: 32px 40px 48px; background: var(--paper); }
header.report-header { border-bottom: 3px solid var(--met); padding-bottom: 14px; margin-bottom: 20px; }
.eyebrow { margin: 0 0 4px; font-size: 12px; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
h1 { margin: 0 0 8px; font-size: 30px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 0 0 4px; font-size: 20px; }
h3 { margin: 0 0 6px; font-size: 16px; }
.lead { margin: 0 0 16px; color: var(--muted); }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.draft-mark { margin: 0 0 14px; padding: 8px 12px; border: 2px dashed #d98b3a; border-radius: 6px; background: #fff4e8; color: var(--partly-ink); }
.draft-mark strong, .draft-tag { text-transform: uppercase; letter-spacing: .12em; font-weight: 800; }
.draft-mark strong { margin-right: 8px; }
.draft-tag { display: inline-block; margin-left: 6px; padding: 0 6px; border: 2px solid #d98b3a; border-radius: 3px; font-size: 12px; color: var(--partly-ink); vertical-align: middle; }
.figures { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px; margin: 0 0 20px; }
.figure-box { border: 1px solid var(--rule); border-top: 4px solid var(--met); border-radius: 4px; padding: 8px 12px; }
.figure-box.figure-draft { border-top-color: #d98b3a; }
.figure-label { display: block; font-size: 12px; letter-spacing: .12em; text-transform: uppercase; color: var(--muted); font-weight: 600; }
.figure-value { display: block; font-size: 22px; line-height: 1.3; overflow-wrap: anywhere; }
.figure-value.stage { font-weight: 700; color: var(--met); }
.figure-value strong { font-size: 26px; }
.figure-note { display: block; font-size: 13px; color: var(--muted); }
.profile-part, .priorities-part { margin: 0 0 20px; }
ol.priorities { margin: 0; padding-left: 22px; }
ol.priorities li { margin: 0 0 10px; break-inside: avoid; }
.gain { font-weight: 600; color: var(--met); }
section { margin: 0 0 36px; }
.profile { display: grid; grid-template-columns: minmax(0, 8fr) minmax(0, 5fr); gap: 24px; align-items: start; }
figure { margin: 0; }
figcaption { font-size: 13px; color: var(--muted); }
svg.radar, svg.bars { display: block; width: 100%; height: auto; font-family: inherit; }
svg.bars .ring { stroke: none; }
svg.bars .series-current .area { fill-opacity: .8; }
.ring { stroke: #b9c1cc; stroke-width: 1; }
.ring-odd { fill: #f7f8fa; } .ring-even { fill: #eceff3; }
.axis { stroke: #b9c1cc; stroke-width: 1; }
.ring-label { font-size: 12.5px; fill: var(--muted); paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.axis-label { font-size: 15px; font-weight: 600; fill: var(--ink); }
.series-current .area { fill: var(--current); fill-opacity: .28; stroke: var(--current); stroke-width: 2.5; stroke-linejoin: round; }
.series-current .marker { fill: var(--current); stroke: #ffffff; stroke-width: 1.5; }
.series-baseline .area { fill: none; stroke: var(--baseline); stroke-width: 2; stroke-dasharray: 7 5; }
.series-baseline .marker { fill: #ffffff; stroke: var(--baseline); stroke-width: 2; }
.legend text { font-size: 13px; fill: var(--ink); }
.legend-swatch { stroke-width: 3; }
.legend-item.series-current .legend-swatch { stroke: var(--current); }
.legend-item.series-baseline .legend-swatch { stroke: var(--baseline); stroke-dasharray: 7 5; }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--rule); }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 2px solid var(--ink); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { border-top: 2px solid var(--ink); font-weight: 700; border-bottom: none; }
.scorebar { display: block; width: 100%; height: 8px; margin-top: 4px; }
.scorebar .track { fill: #e3e7ed; } .scorebar .fill { fill: var(--met); }
table.grid { table-layout: fixed; }
table.grid th[scope="row"] { width: 22%; vertical-align: middle; }
table.grid td { text-align: center; padding: 4px; border: 2px solid var(--paper); border-bottom: 2px solid var(--paper); }
.cell { display: block; padding: 6px 4px; border-radius: 4px; border: 1px solid var(--rule); line-height: 1.25; }
.cell .pct { display: block; font-size: 15px; font-weight: 700; font-variant-numeric: tabular-nums; }
.cell .state { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .06em; }
.cell-met { background: var(--met); color: var(--met-ink); border-color: var(--met); }
.cell-partly { background: var(--partly) repeating-linear-gradient(135deg, rgba(255,255,255,.45) 0 4px, transparent 4px 9px); color: var(--partly-ink); border-color: #d98b3a; }
.cell-none { background: var(--none); color: var(--none-ink); border: 1px dashed #9aa3af; }
.cell-current { outline: 3px solid var(--ink); outline-offset: 1px; }
.cell-current .state::after { content: " · current"; }
.legend-row { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 10px 0 0; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
.legend-row .cell { display: inline-block; width: 30px; height: 16px; padding: 0; vertical-align: middle; margin-right: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.roadmap-item { border-left: 4px solid var(--met); padding: 4px 0 4px 16px; margin: 0 0 22px; }
.roadmap-item .target { color: var(--muted); font-weight: 400; }
.progress { margin: 0 0 8px; font-size: 13px; color: var(--muted); }
ol.steps { margin: 0; padding-left: 20px; }
ol.steps li { margin: 0 0 10px; break-inside: avoid; }
.step-text { font-weight: 600; }
.step-meta { display: block; font-size: 13px; color: var(--muted); }
.answer { display: inline-block; padding: 0 6px; border-radius: 3px; border: 1px solid #9aa3af; font-size: 12px; color: var(--ink); background: #ffffff; }
.advice { display: block; margin-top: 2px; }
.advice::before { content: "→ "; color: var(--met); font-weight: 700; }
.note { display: block; font-size: 13px; font-style: italic; color: #3b4350; overflow-wrap: anywhere; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
details { border: 1px solid var(--rule); border-radius: 6px; padding: 8px 14px; }
details summary { cursor: pointer; font-weight: 600; }
details[open] summary { margin-bottom: 8px; }
table.answers th:nth-child(1) { width: 48%; } table.answers th:nth-child(2) { width: 15%; } table.answers th:nth-child(3) { width: 10%; }
table.answers th.group { background: var(--wash); font-size: 13px; }
table.answers td:last-child { overflow-wrap: anywhere; min-width: 9em; }
.step-text, .advice, h3 { overflow-wrap: anywhere; }
footer { border-top: 1px solid var(--rule); padding-top: 12px; font-size: 12px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { background: #ffffff; font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  section { break-before: page; margin: 0; }
  section.summary-section { break-before: avoid; }
  .screen-only { display: none; }
  figure, svg.radar, svg.bars, table.grid, table.scores, .legend-row, .progress, .figures { break-inside: avoid; }
  h2, h3, .progress { break-after: avoid; }
  tr { break-inside: avoid; }
  .profile { grid-template-columns: minmax(0, 9fr) minmax(0, 11fr); gap: 4mm; align-items: center; }
  svg.radar { max-height: 80mm; }
  .profile.profile-compared { grid-template-columns: 1fr; gap: 1mm; }
  .profile-compared svg.radar { max-height: 52mm; }
  .profile-compared table.scores td { white-space: nowrap; }
  .profile-compared table.scores th, .profile-compared table.scores td { padding: 1px 4px; line-height: 1.3; }
  figcaption { display: none; }
  header.report-header h1 { font-size: 18pt; margin-bottom: 1mm; }
  dl.meta { font-size: 8.5pt; line-height: 1.35; }
  .summary-section h2 { margin-bottom: 2mm; font-size: 15pt; line-height: 1.2; }
  .summary-section h3 { margin-bottom: 1mm; font-size: 11pt; }
  .figures { gap: 3mm; margin-bottom: 3mm; }
  .figure-box { padding: 1mm 3mm; }
  .figure-label, .figure-note { font-size: 8pt; }
  .figure-value { font-size: 14pt; }
  .figure-value strong { font-size: 16pt; }
  .draft-mark { margin-bottom: 3mm; padding: 1.5mm 3mm; font-size: 9pt; }
  .summary-section .lead { margin-bottom: 1.5mm; font-size: 8.5pt; }
  .profile-part .lead { display: none; }
  .profile-part, .priorities-part { margin-bottom: 2mm; }
  ol.priorities li { margin-bottom: 1mm; font-size: 9pt; line-height: 1.3; }
  ol.priorities .step-meta { font-size: 8.5pt; }
  section.roadmap-section { break-before: auto; margin-top: 8mm; }
  .roadmap-item { margin-bottom: 4mm; }
  ol.steps li { margin-bottom: 1.5mm; font-size: 9.5pt; line-height: 1.35; }
  .step-meta, .note { font-size: 8.5pt; }
  table.scores { font-size: 8.5pt; }
  table.scores td:nth-child(2), table.scores td.num { white-space: nowrap; }
  table.scores th, table.scores td { padding: 2px 4px; }
  table.scores .scorebar { display: none; }
  header.report-header { margin-bottom: 4mm; padding-bottom: 2mm; }
  details { border: none; padding: 0; }
  details summary { list-style: none; font-size: 16pt; }
  details summary::-webkit-details-marker { display: none; }
  details::details-content { content-visibility: visible; display: block; }
}
@media screen and (max-width: 760px) {
  .page { padding: 20px 16px; }
  .figures { grid-template-columns: 1fr; }
  .profile { grid-template-columns: 1fr; }
}
`;

/**
 * What a report of a 2.0 model adds to the stylesheet, only when it has them (criteria, evidence
 * prompts, key and stale marks, evidence, indicators outside the context), so that the page of a
 * model without them is unchanged. Marks are words in a box, so they read in grayscale too.
 */
export const DETAIL_STYLE = `.key-mark, .stale-mark { display: inline-block; padding: 0 5px; border-radius: 3px; font-size: 11px; font-weight: 700; letter-spacing: .08em; text-transform: uppercase; line-height: 1.5; }
.key-mark { border: 2px solid var(--met); color: var(--met); margin-right: 2px; }
.stale-mark { border: 1px dashed #d98b3a; background: #fff4e8; color: var(--partly-ink); }
.blocked { margin: 0 0 8px; padding: 4px 10px; border-left: 3px solid #d98b3a; background: #fff4e8; font-size: 13px; color: var(--partly-ink); }
.criteria, .check { display: block; font-size: 13px; overflow-wrap: anywhere; }
.criteria ul { margin: 0; padding-left: 18px; }
ol.steps .criteria li, ol.priorities .criteria li { margin: 0; font-size: inherit; line-height: inherit; }
.detail-label { font-weight: 600; }
.answer-context { border-style: dashed; color: var(--muted); }
ul.evidence { margin: 0; padding-left: 16px; }
ul.evidence li { overflow-wrap: anywhere; }
table.answers.answers-details th:nth-child(1) { width: 30%; } table.answers.answers-details th:nth-child(2) { width: 11%; } table.answers.answers-details th:nth-child(3) { width: 12%; }
table.answers.answers-details th:nth-child(4) { width: 11%; } table.answers.answers-details th:nth-child(5) { width: 20%; }
table.answers.answers-details td:nth-child(5) { overflow-wrap: anywhere; }
@media print {
  .criteria, .check, .blocked { font-size: 8pt; line-height: 1.3; }
  .criteria ul, ol.steps .criteria li, ol.priorities .criteria li { display: inline; padding: 0; }
  .criteria li + li::before { content: " · "; }
  .criteria .detail-label { margin-right: .3em; }
  .blocked { margin-bottom: 1.5mm; padding: 1mm 3mm; }
  table.answers.answers-details { font-size: 8.5pt; }
  table.answers.answers-details th, table.answers.answers-details td { padding: 3px 4px; }
}
`;

/** The styles of a tracked plan (the target on the radar, progress and the phases), only on a page that has one. */
export const PLAN_STYLE = `:root { --target: #2e7d32; }
.series-target .area { fill: none; stroke: var(--target); stroke-width: 2; stroke-dasharray: 2 4; stroke-linecap: round; }
.series-target .marker { fill: var(--target); }
.legend-item.series-target .legend-swatch { stroke: var(--target); stroke-dasharray: 2 4; stroke-linecap: round; }
.plan-progress { border-collapse: collapse; width: 100%; margin: 0 0 20px; font-size: 14px; }
.plan-progress th, .plan-progress td { border-bottom: 1px solid var(--rule); padding: 4px 8px; text-align: left; }
.plan-progress td.behind { font-weight: 700; color: var(--baseline); }
.roadmap-phases { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(0, 1fr); gap: 12px; }
.phase { border: 1px solid var(--rule); border-top: 4px solid var(--target); border-radius: 4px; padding: 8px 12px; break-inside: avoid; }
.phase-next { border-top-width: 8px; }
.phase-by { margin: 0 0 6px; color: var(--muted); font-size: 13px; }
ul.phase-targets { margin: 0 0 8px; padding-left: 18px; font-size: 14px; }
ol.phase-actions { margin: 0; padding-left: 20px; }
ol.phase-actions li { margin: 0 0 8px; break-inside: avoid; overflow-wrap: anywhere; }
.action-flag { font-weight: 700; color: var(--baseline); text-transform: uppercase; font-size: 12px; }
.status-done .status { font-weight: 700; color: var(--met); }
.status-dropped .step-text { text-decoration: line-through; }
@media print { .roadmap-phases { grid-auto-flow: row; grid-template-columns: repeat(2, minmax(0, 1fr)); grid-auto-columns: auto; } }
`;
