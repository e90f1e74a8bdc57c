import { Command } from 'commander';
import { dirname } from 'node:path';
import { UserError, type Diagnostic } from '../../errors.js';
import { assessmentFromYaml } from '../../load/answers.js';
import { fileDiagnostic } from '../../load/diagnostics.js';
import { documentKind } from '../../load/document-kind.js';
import { expectMapping, modelFromYaml } from '../../load/model.js';
import { readStdin, readTextFile } from '../../load/read.js';
import { parseYaml } from '../../load/yaml.js';
import { writeOutput } from '../output.js';

interface ValidateOptions {
  model?: string;
}

export function validateCommand(): Command {
  return new Command('validate')
    .description('check model and answers files; each file is recognised as one or the other')
    .argument('<file...>', 'model or answers files (YAML); - reads standard input')
    .option('-m, --model <id|path>', 'model to check answers files against (default: each file\'s model:, else "community")')
    .addHelpText(
      'after',
      `
Examples:
  $ cm-maturity validate examples/*.yaml
  $ cm-maturity validate my-model.yaml answers.yaml --model my-model.yaml`,
    )
    .action(async (files: string[], options: ValidateOptions) => {
      const ok: string[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const file of files) {
        try {
          ok.push(await validateFile(file, options));
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          diagnostics.push(...(error.diagnostics.length > 0 ? error.diagnostics : [fileDiagnostic(file, 'invalid', error.message)]));
        }
      }
      await writeOutput(ok.map((line) => `${line}\n`).join(''), undefined);
      if (diagnostics.length > 0) throw new UserError(diagnostics);
    });
}

async function validateFile(file: string, options: ValidateOptions): Promise<string> {
  const source = file === '-' ? await readStdin() : await readTextFile(file);
  const parsed = parseYaml(source);
  const kind = documentKind(parsed.data);
  if (kind === 'model') {
    const model = modelFromYaml(parsed);
    const indicators = model.competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);
    return `ok ${source.file}: model ${model.id} ${model.version} (${model.stages.length} stages, ${model.competencies.length} competencies, ${indicators} indicators)`;
  }
  if (kind === 'answers') {
    const { model, assessment } = await assessmentFromYaml(parsed, { model: options.model, baseDir: file === '-' ? process.cwd() : dirname(file) });
    const total = model.model.competencies.reduce((sum, competency) => sum + competency.indicators.length, 0);
    const answered = model.model.competencies.reduce(
      (sum, competency) => sum + competency.indicators.filter((indicator) => (assessment.answers.get(indicator.id)?.answer ?? null) !== null).length,
      0,
    );
    return `ok ${source.file}: answers of ${assessment.organisation} for model ${model.model.id} ${model.model.version} (${answered}/${total} answered)`;
  }
  expectMapping(parsed, 'either');
  throw new UserError([
    fileDiagnostic(source.file, 'unknown-kind', 'cannot tell whether this is a model (stages, competencies, scale) or an answers file (organisation, answers)'),
  ]);
}
