/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The questionnaire page's script (bundled by the build into dist/form-page.js and written inline
// by `cm-maturity form`): it keeps the answers in the browser as they are given, scores them with
// the tool's own scoring, writes them as an answers file in the layout `init` writes, and reads
// one back. Every text it shows goes through textContent: nothing it reads becomes markup.
import { parse } from 'yaml';
import { answersTemplate } from '../core/answers-template.js';
import { checkAnswers, type Answer } from '../core/assessment.js';
import { scoreAssessment } from '../core/score.js';
import { createLocale } from '../locale/locale.js';
import { FORM_DATA_ID, type FormPageData } from '../report/form/page-data.js';
import { answersSchema } from '../schema/answers.js';
import { NOT_APPLICABLE } from '../schema/constants.js';

/** What the browser keeps of a page: who answers and each answer given, by indicator id. */
interface Kept {
  organisation: string;
  name: string;
  role: string;
  answers: Record<string, { answer: string | null; note: string | null; evidence: string[] }>;
}

const data = JSON.parse(document.getElementById(FORM_DATA_ID)!.textContent!) as FormPageData;
const locale = createLocale(data.language, (_language, area) => data.messages[area as keyof FormPageData['messages']] ?? {});
const { model } = data;
const total = data.indicators.length;

function element<Type extends HTMLElement>(id: string): Type {
  return document.getElementById(id) as Type;
}

const organisationInput = element<HTMLInputElement>('organisation');
const nameInput = element<HTMLInputElement>('respondent-name');
const roleInput = element<HTMLInputElement>('respondent-role');
const message = element<HTMLParagraphElement>('message');
if (data.organisation !== null) organisationInput.readOnly = true;

/** The answer chosen for question n: a scale id, `n/a`, or null when not answered yet. */
function chosen(n: number): string | null {
  const checked = document.querySelector<HTMLInputElement>(`input[name="a-${n}"]:checked`);
  return checked === null || checked.value === '' ? null : checked.value;
}

/** The answers as the page holds them, only those with an answer, a note or evidence. */
function answersInPage(): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  data.indicators.forEach((id, n) => {
    const answer = chosen(n);
    const note = element<HTMLTextAreaElement>(`n-${n}`).value.trim();
    const evidence = element<HTMLTextAreaElement>(`e-${n}`)
      .value.split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (answer === null && note === '' && evidence.length === 0) return;
    answers.set(id, { answer, note: note === '' ? null : note, ...(evidence.length > 0 ? { evidence } : {}) });
  });
  return answers;
}

/** Puts answers into the page, question by question; a question without one is left unanswered. */
function fillIn(answers: ReadonlyMap<string, { answer: string | null; note: string | null; evidence?: readonly string[] }>): void {
  data.indicators.forEach((id, n) => {
    const given = answers.get(id);
    const value = given?.answer ?? '';
    for (const radio of document.querySelectorAll<HTMLInputElement>(`input[name="a-${n}"]`)) radio.checked = radio.value === value;
    element<HTMLTextAreaElement>(`n-${n}`).value = given?.note ?? '';
    element<HTMLTextAreaElement>(`e-${n}`).value = (given?.evidence ?? []).join('\n');
  });
}

function organisationValue(): string {
  return data.organisation ?? organisationInput.value.trim();
}

let storage: Storage | null = null;
try {
  storage = window.localStorage;
} catch {
  storage = null;
}

function keep(answers: ReadonlyMap<string, Answer>): void {
  if (storage === null) return;
  const kept: Kept = { organisation: organisationInput.value, name: nameInput.value, role: roleInput.value, answers: {} };
  for (const [id, answer] of answers) Object.defineProperty(kept.answers, id, { value: { answer: answer.answer, note: answer.note, evidence: [...(answer.evidence ?? [])] }, enumerable: true });
  try {
    storage.setItem(data.storageKey, JSON.stringify(kept));
  } catch {
    say(locale.t('team.form.page.storageUnavailable'));
  }
}

function say(text: string): void {
  message.textContent = text;
}

let lastAnswered = -1;

/** The progress and where the answers stand, after every change; the progress is said only when it moves. */
function show(answers: ReadonlyMap<string, Answer>): number {
  const answered = data.indicators.filter((id) => (answers.get(id)?.answer ?? null) !== null).length;
  if (answered !== lastAnswered) {
    lastAnswered = answered;
    element<HTMLProgressElement>('progress').value = answered;
    element<HTMLParagraphElement>('progress-text').textContent = locale.t('team.form.page.progressText', { answered, total });
  }
  const report = scoreAssessment(model, { organisation: organisationValue(), date: null, assessor: null, context: data.context, answers }, data.language);
  const strong = document.createElement('strong');
  strong.textContent = locale.t('team.form.page.overall', { stage: report.overall.stageName, score: locale.score(report.overall.score) });
  element('overall').replaceChildren(strong);
  const { rows } = element<HTMLTableSectionElement>('standing');
  report.competencies.forEach((competency, index) => {
    const row = rows[index];
    if (row === undefined) return;
    row.cells[1]!.textContent = competency.stageName;
    row.cells[2]!.textContent = locale.score(competency.score);
  });
  return answered;
}

function changed(): void {
  const answers = answersInPage();
  show(answers);
  keep(answers);
}

document.addEventListener('input', changed);
document.addEventListener('change', (event) => {
  if (event.target !== element('open')) changed();
});

/** The day of the download as YYYY-MM-DD, in the respondent's time zone: the date of their answers. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The downloaded file's name: the respondent's name made safe for a file name, else "answers". */
function fileName(): string {
  const base = nameInput.value
    .normalize('NFKC')
    .trim()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `${base === '' ? 'answers' : base}.yaml`;
}

element('download').addEventListener('click', () => {
  const answers = answersInPage();
  const organisation = organisationValue();
  const name = nameInput.value.trim();
  const role = roleInput.value.trim();
  const text = answersTemplate(model, {
    locale,
    schema: data.schema,
    modelRef: data.modelRef,
    organisation: organisation === '' ? undefined : organisation,
    date: today(),
    context: data.context,
    language: data.language,
    respondent: { ...(name === '' ? {} : { name }), ...(role === '' ? {} : { role }) },
    answers,
  });
  const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName();
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say(locale.t('team.form.page.downloaded', { file: link.download }));
});

/** Why a file read back is not this questionnaire's answers, or null when it is. */
function refusal(parsed: unknown): { reason: string } | { answers: Map<string, Answer>; organisation: string; name: string; role: string } {
  const file = answersSchema.safeParse(parsed);
  if (!file.success) return { reason: locale.t('team.form.page.notAnswers') };
  const reference = /^([^@/\\]+)@([^@/\\]+)$/.exec(file.data.model ?? '');
  if (reference !== null && (reference[1] !== model.id || reference[2] !== model.version)) {
    return { reason: locale.t('team.form.page.otherModel', { model: file.data.model!, expected: `${model.id}@${model.version}` }) };
  }
  if (data.organisation !== null && file.data.organisation.trim() !== data.organisation.trim()) {
    return { reason: locale.t('team.form.page.otherOrganisation', { organisation: file.data.organisation, expected: data.organisation }) };
  }
  const { assessment, issues } = checkAnswers(model, file.data, locale);
  if (issues.length > 0) return { reason: issues[0]!.message };
  return { answers: new Map(assessment.answers), organisation: file.data.organisation, name: file.data.respondent?.name ?? '', role: file.data.respondent?.role ?? '' };
}

element<HTMLInputElement>('open').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  const file = input.files?.[0];
  if (file === undefined) return;
  let parsed: unknown;
  try {
    parsed = parse(await file.text(), { uniqueKeys: true, maxAliasCount: 0 });
  } catch {
    parsed = undefined;
  }
  const read = refusal(parsed);
  input.value = '';
  if ('reason' in read) {
    say(locale.t('team.form.page.openFailed', { file: file.name, reason: read.reason }));
    return;
  }
  if (data.organisation === null) organisationInput.value = read.organisation;
  nameInput.value = read.name;
  roleInput.value = read.role;
  fillIn(read.answers);
  const answers = answersInPage();
  const answered = show(answers);
  keep(answers);
  say(locale.t('team.form.page.opened', { file: file.name, answered, total }));
});

/** The answers kept in this browser, put back when the page opens again. */
function restore(): void {
  if (storage === null) {
    say(locale.t('team.form.page.storageUnavailable'));
    return;
  }
  let kept: Kept | null = null;
  try {
    kept = JSON.parse(storage.getItem(data.storageKey) ?? 'null') as Kept | null;
  } catch {
    kept = null;
  }
  if (kept === null || typeof kept !== 'object') {
    show(answersInPage());
    return;
  }
  if (data.organisation === null && typeof kept.organisation === 'string') organisationInput.value = kept.organisation;
  if (typeof kept.name === 'string') nameInput.value = kept.name;
  if (typeof kept.role === 'string') roleInput.value = kept.role;
  const allowed = new Set([...model.scale.map((level) => level.id), NOT_APPLICABLE]);
  const answers = new Map<string, { answer: string | null; note: string | null; evidence: string[] }>();
  for (const id of data.indicators) {
    const given = kept.answers !== null && typeof kept.answers === 'object' && Object.hasOwn(kept.answers, id) ? kept.answers[id] : undefined;
    if (given === undefined || given === null || typeof given !== 'object') continue;
    answers.set(id, {
      answer: typeof given.answer === 'string' && allowed.has(given.answer) ? given.answer : null,
      note: typeof given.note === 'string' ? given.note : null,
      evidence: Array.isArray(given.evidence) ? given.evidence.filter((item): item is string => typeof item === 'string') : [],
    });
  }
  fillIn(answers);
  const answered = show(answersInPage());
  say(locale.t('team.form.page.restored', { answered, total }));
}

restore();
