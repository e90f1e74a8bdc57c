/**
 * The questionnaire's stylesheet: a readable column, native controls, and a focus ring that
 * every control shows when reached by the keyboard (WCAG 2.4.7, 2.4.11). Texts are dark on white
 * (at least 4.5:1); whether an answer is given is said in words (the progress) as well as marked.
 * The progress stays in view at the top, so the page scrolls a focused control below it (WCAG 2.4.11).
 */
export const FORM_STYLE = `
:root { --ink: #1d2330; --muted: #4a5361; --rule: #c9cfd8; --paper: #ffffff; --wash: #f4f6f9; --accent: #1f4e79; --focus: #b3400a; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--wash); color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.page { max-width: 860px; margin: 0 auto; padding: 24px 28px 48px; background: var(--paper); }
h1 { margin: 0 0 8px; font-size: 28px; line-height: 1.2; overflow-wrap: anywhere; }
h2 { margin: 28px 0 8px; font-size: 21px; overflow-wrap: anywhere; }
p, li, dd, legend, label { overflow-wrap: anywhere; }
header { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.meta { margin: 0; color: var(--muted); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
input[type="text"], textarea { width: 100%; font: inherit; color: inherit; padding: 6px 8px; border: 1px solid #6b7482; border-radius: 4px; background: #fff; }
textarea { min-height: 3.2em; resize: vertical; }
.field { margin: 0 0 12px; }
.field label { display: block; font-weight: 600; }
dl.scale { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.scale dt { font-weight: 700; }
dl.scale dd { margin: 0; }
.status-bar { position: sticky; top: 0; z-index: 1; background: var(--paper); border-bottom: 1px solid var(--rule); padding: 8px 0; }
.status-bar h2 { margin: 0; font-size: 16px; }
progress { width: 100%; height: 14px; }
html { scroll-padding-top: 8rem; }
.actions { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: center; }
button { font: inherit; font-weight: 600; padding: 8px 14px; border: 2px solid var(--accent); border-radius: 4px; background: var(--accent); color: #fff; cursor: pointer; }
.open label { font-weight: 600; margin-right: 8px; }
.message { min-height: 1.5em; margin: 8px 0 0; }
.competency-intro { color: var(--muted); margin: 0 0 8px; }
fieldset.indicator { margin: 0 0 12px; padding: 12px 14px; border: 1px solid var(--rule); border-left: 4px solid var(--accent); border-radius: 4px; }
fieldset.indicator legend { font-weight: 700; padding: 0 4px; }
.indicator-id { font-weight: 400; color: var(--muted); font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 14px; }
.facts, .prompt { margin: 0 0 6px; color: var(--muted); }
.criteria { margin: 0 0 6px; }
.criteria ul { margin: 2px 0 0; padding-left: 22px; }
.choices { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 8px 0; }
.choices label { display: inline-flex; align-items: center; gap: 6px; padding: 2px 0; }
.choices input { width: 18px; height: 18px; margin: 0; }
.notes { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; }
.notes label { display: block; font-size: 14px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); overflow-wrap: anywhere; }
td.score, th.score { text-align: right; font-variant-numeric: tabular-nums; }
.status-bar p { margin: 2px 0; }
a { color: var(--accent); }
@media (max-width: 640px) { .page { padding: 16px; } .notes { grid-template-columns: 1fr; } }
`;
