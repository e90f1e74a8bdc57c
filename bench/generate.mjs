// Generated answers files for the benchmarks: deterministic from a seed, valid for the model they
// are written for, and as varied as real ones (every scale value, n/a, unanswered indicators,
// notes, quoting styles, optional keys, CRLF line endings, a byte-order mark now and then), so
// that the tool parses, checks and scores what it would meet in a real pool of assessments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

export const DEFAULT_SEED = 20260915;

/** Files per subfolder, so that no folder of a large pool holds 100,000 entries. */
export const FILES_PER_FOLDER = 1000;

const NOT_APPLICABLE = 'n/a';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each file has a seed of its own, so file i is the same whatever the number of files generated. */
function fileSeed(seed, index) {
  let h = Math.imul((seed ^ 0x9e3779b9) >>> 0, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

const pick = (random, list) => list[Math.floor(random() * list.length)];

const ORGANISATION_WORDS = [
  ['Larkspur', 'Brightwater', 'Northwind', 'Kestrel', 'Juniper', 'Åland', 'Harbourside', 'Quillon', 'Marlow', 'Zürich', 'Tamarind', "O'Connell"],
  ['Analytics', 'City Council', 'Software', 'Health Trust', 'Cooperative', 'Foundation', 'Labs', 'Logistics', 'Bank', 'University', 'Games', 'Energy'],
  ['', '', '', ' Ltd', ' GmbH', ' & Partners', ', Inc.', ' (EMEA)', ' SA'],
];

const ASSESSORS = ['Priya Raman, Head of Community', 'Sam Achterberg', 'Jo Okafor: community lead', 'Mette Sørensen', 'Luis García-Pérez', 'Ana "Nan" Silva'];

const NOTE_PARTS = [
  ['Agreed with the steering group', 'Seen in the Q2 survey', 'Only in the Support team', 'Pilot since March', 'Owner changed in 2025', 'Budget still borrowed from marketing'],
  ['', '; reviewed quarterly', ' — see the wiki page', ': 47% of first answers came from members', ' (two of five regions)', ', not yet written down'],
];

/** A YAML scalar as people write it: bare when that reads back as the same string, else double-quoted. */
function scalar(text) {
  const bare = /^[A-Za-z][A-Za-z0-9 ,.()&-]*[A-Za-z0-9.)]$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text);
  return bare ? text : JSON.stringify(text);
}

/** The parts of a model the generator needs, computed once per model. */
function shapeOf(model) {
  const stageIndex = new Map(model.stages.map((stage, index) => [stage.id, index]));
  const scale = [...model.scale].sort((a, b) => b.value - a.value);
  const top = scale[0].value;
  const bottom = scale[scale.length - 1].value;
  return {
    modelId: model.id,
    scale: scale.map((level) => ({ literal: scalar(level.id), value: (level.value - bottom) / (top - bottom || 1) })),
    notApplicable: JSON.stringify(NOT_APPLICABLE),
    stages: model.stages.length,
    competencies: model.competencies.map((competency) => ({
      heading: `  # ${competency.name}`,
      indicators: competency.indicators.map((indicator) => ({ key: `  ${indicator.id}:`, stage: stageIndex.get(indicator.stage) ?? 0 })),
    })),
  };
}

const shapes = new WeakMap();

/**
 * The text of answers file `index` of a pool generated from `seed` for `model` (a checked model,
 * as the library's loadModel returns it). Pure: the same arguments give the same text.
 */
export function answersText(model, index, seed = DEFAULT_SEED) {
  let shape = shapes.get(model);
  if (!shape) shapes.set(model, (shape = shapeOf(model)));
  const random = mulberry32(fileSeed(seed, index));
  const lines = [];
  if (random() < 0.3) lines.push(`# yaml-language-server: $schema=./node_modules/cm-maturity/schema/answers.${shape.modelId}.schema.json`);
  const [first, second, suffix] = ORGANISATION_WORDS.map((words) => pick(random, words));
  lines.push(`organisation: ${scalar(`${first} ${second}${suffix} ${index + 1}`)}`);
  const dated = random();
  if (dated < 0.9) {
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    lines.push(`date: ${2019 + Math.floor(random() * 8)}-${month}-${day}`);
  } else if (dated < 0.95) lines.push('date:');
  if (random() < 0.8) lines.push(`model: ${shape.modelId}`);
  const assessed = random();
  if (assessed < 0.7) lines.push(`assessor: ${scalar(pick(random, ASSESSORS))}`);
  else if (assessed < 0.8) lines.push('assessor:');
  lines.push('answers:');

  // How far along the stages this organisation is: answers get weaker stage by stage from there,
  // so the pool spreads over every stage as a real one does.
  const reach = random() * shape.stages;
  for (const competency of shape.competencies) {
    if (random() < 0.5) lines.push(competency.heading);
    const skew = (random() - 0.5) * 0.6;
    for (const indicator of competency.indicators) {
      const kind = random();
      if (kind < 0.03) continue; // left out: unanswered
      if (kind < 0.07) {
        lines.push(indicator.key); // written with an empty value: unanswered
        continue;
      }
      let answer;
      if (kind < 0.11) answer = shape.notApplicable;
      else {
        const target = reach - indicator.stage + 0.5 + skew + (random() - 0.5) * 0.7;
        let best = shape.scale[0];
        for (const level of shape.scale) if (Math.abs(level.value - target) < Math.abs(best.value - target)) best = level;
        answer = best.literal;
      }
      const noted = random();
      if (noted < 0.12) {
        const note = JSON.stringify(`${pick(random, NOTE_PARTS[0])}${pick(random, NOTE_PARTS[1])}`);
        lines.push(noted < 0.01 ? `${indicator.key} { note: ${note} }` : `${indicator.key} { answer: ${answer}, note: ${note} }`);
      } else lines.push(`${indicator.key} ${answer}`);
    }
    if (random() < 0.5) lines.push('');
  }
  const ending = random();
  const text = `${lines.join(ending < 0.05 ? '\r\n' : '\n')}${ending < 0.05 ? '\r\n' : '\n'}`;
  return ending > 0.98 ? `\uFEFF${text}` : text;
}

/** Where file `index` of a generated pool goes: `<folder>/batch-0001/org-001234.yaml`. */
export function answersFilePath(folder, index) {
  const batch = String(Math.floor(index / FILES_PER_FOLDER)).padStart(4, '0');
  return join(folder, `batch-${batch}`, `org-${String(index).padStart(6, '0')}.yaml`);
}

/** The built-in model, through the built library (dist/index.js), as the CLI loads it. */
export async function builtinModel(id = 'community') {
  const { loadModel } = await import('../dist/index.js');
  return (await loadModel(id)).model;
}

/**
 * Writes `count` answers files for `model` (the built-in model by default) below `folder`, in
 * subfolders of FILES_PER_FOLDER files. Returns the paths written, in order. Synchronous writes
 * are the fastest here; the event loop gets a turn between subfolders, so Ctrl-C is heard.
 */
export async function generateAnswersFiles(folder, count, { seed = DEFAULT_SEED, model } = {}) {
  const chosen = model ?? (await builtinModel());
  const files = [];
  for (let index = 0; index < count; index++) {
    const file = answersFilePath(folder, index);
    if (index % FILES_PER_FOLDER === 0) {
      if (index > 0) await nextTurn();
      mkdirSync(join(file, '..'), { recursive: true });
    }
    writeFileSync(file, answersText(chosen, index, seed));
    files.push(file);
  }
  return files;
}
