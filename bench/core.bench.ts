// In-process speed of the core for the built-in model, without process start-up or file reading:
// - score: the pure function `score` uses to turn a checked model and answers into a report;
// - pipeline: answers YAML text to the JSON report text (parse, check, score, format), as the
//   library API does it for one file, with the model loaded once as the CLI does for many files.
// Each iteration goes through the same generated assessments (CM_BENCH_ASSESSMENTS, 100 by default).
import { bench, describe } from 'vitest';
import { reportFormats, loadModel, parseAssessment, scoreAssessment, DEFAULT_NEXT_STEPS, type Assessment, type LoadedModel } from '../src/index.js';
import { answersText } from './generate.mjs';

const COUNT = Number(process.env.CM_BENCH_ASSESSMENTS ?? 100);
// A quick run (npm run bench -- --quick) only checks that the benchmarks work.
const options = process.env.CM_BENCH_QUICK === '1' ? { time: 100, warmupTime: 20 } : { time: 2000, warmupTime: 200 };

const loaded = await loadModel('community');
const model = loaded.model;
const sources = Array.from({ length: COUNT }, (_, index) => ({ file: `org-${index}.yaml`, text: answersText(model, index) }));
// As `score` shares one loaded model between the files of a run.
const modelCache = new Map<string, Promise<LoadedModel>>();
const assessments: Assessment[] = [];
for (const source of sources) assessments.push((await parseAssessment(source, { modelCache })).assessment);
const formatJson = await reportFormats.load('json');

describe('core', () => {
  bench(
    'score',
    () => {
      for (const assessment of assessments) scoreAssessment(model, assessment);
    },
    options,
  );

  bench(
    'pipeline',
    async () => {
      for (const source of sources) {
        const { model: used, assessment } = await parseAssessment(source, { modelCache });
        formatJson(scoreAssessment(used.model, assessment), { color: false, nextSteps: DEFAULT_NEXT_STEPS });
      }
    },
    options,
  );
});
