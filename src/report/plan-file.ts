import { Document, isMap, isSeq, YAMLMap, YAMLSeq, type Node } from 'yaml';
import type { ProposedAction, Proposal } from '../core/plan.js';
import type { PlanFile, PlanPhase } from '../schema/plan.js';
import type { Locale } from '../locale/locale.js';

/** How the plan file's YAML is written: no line folded, so that a text stays on the line it was written on. */
const WRITE_OPTIONS = { lineWidth: 0, minContentWidth: 0 } as const;

/** What the top of a new plan says to the people who will edit it, one comment line per line. */
function header(locale: Locale): string {
  return locale
    .t('answers.plan.header')
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
}

/**
 * A model's text as one comment line: its line breaks and other controls become spaces. No-break
 * spaces stay: French typography keeps a colon or a guillemet with its word.
 */
function commentLine(text: string): string {
  return ` ${text.replace(/(?:(?![\u00a0\u202f])[\s\u0000-\u001f\u007f-\u009f\u2028\u2029])+/g, ' ').trim()}`;
}

/** An action as the file writes it: the plan's keys in the schema's order (what, who, when, where it stands). */
function actionData(action: ProposedAction): Record<string, unknown> {
  const data: Record<string, unknown> = { indicator: action.indicator, phase: action.phase };
  for (const key of ['owner', 'due', 'status', 'advice', 'note'] as const) if (action[key] !== undefined) data[key] = action[key];
  return data;
}

function phaseNode(document: Document, phase: PlanPhase): Node {
  const node = document.createNode(phase) as YAMLMap;
  const targets = node.get('targets', true);
  if (isMap(targets)) targets.flow = true;
  return node;
}

function actionNode(document: Document, action: ProposedAction): Node {
  const node = document.createNode(actionData(action)) as YAMLMap;
  node.commentBefore = commentLine(action.label);
  return node;
}

/**
 * A new plan file: an editor modeline naming the plan's JSON Schema (`schema`), the header, what
 * it is of and starts from, the phases and the actions proposed.
 */
export function newPlanText(locale: Locale, head: Pick<PlanFile, 'organisation' | 'model' | 'baseline'>, proposal: Proposal, schema: string): string {
  const document = new Document({ ...head, phases: [], actions: [] }, { version: '1.2' });
  document.commentBefore = ` yaml-language-server: $schema=${schema}\n${header(locale)}`;
  const phases = document.get('phases') as YAMLSeq;
  for (const phase of proposal.phases) phases.items.push(phaseNode(document, phase));
  const actions = document.get('actions') as YAMLSeq;
  for (const action of proposal.actions) actions.items.push(actionNode(document, action));
  return document.toString(WRITE_OPTIONS);
}

/** What an update added to a plan. */
export interface PlanUpdate {
  text: string;
  phases: number;
  actions: number;
}

/**
 * The plan with what the proposal has and it lacks, edited in its own YAML document so that every
 * comment, key and value people wrote stays: an action is added for each proposed indicator the
 * plan has no action for; a proposed phase is added when it is due after every phase of the plan,
 * else its actions go to the plan's first phase due on or after it (the last one, if none is).
 * Phases and actions already there, and their targets, are never changed.
 */
export function updatedPlanText(document: Document.Parsed, plan: PlanFile, proposal: Proposal): PlanUpdate {
  const phases = [...plan.phases];
  const phaseOf = new Map<string, PlanPhase>();
  let phasesAdded = 0;
  for (const proposed of proposal.phases) {
    const same = phases.find((phase) => phase.id === proposed.id);
    if (same !== undefined) {
      phaseOf.set(proposed.id, same);
      continue;
    }
    if (proposed.by > phases.at(-1)!.by) {
      (document.get('phases') as YAMLSeq).items.push(phaseNode(document, proposed));
      phases.push(proposed);
      phaseOf.set(proposed.id, proposed);
      phasesAdded++;
      continue;
    }
    phaseOf.set(proposed.id, phases.find((phase) => phase.by >= proposed.by) ?? phases.at(-1)!);
  }
  const planned = new Set((plan.actions ?? []).map((action) => action.indicator));
  const added = proposal.actions.filter((action) => !planned.has(action.indicator));
  if (added.length > 0) {
    let actions = document.get('actions', true);
    if (!isSeq(actions)) {
      actions = new YAMLSeq();
      document.set('actions', actions);
    }
    for (const action of added) {
      const phase = phaseOf.get(action.phase)!;
      const due = action.due !== undefined && action.due !== null && action.due <= phase.by ? action.due : phase.by;
      (actions as YAMLSeq).items.push(actionNode(document, { ...action, phase: phase.id, due }));
    }
  }
  return { text: document.toString(WRITE_OPTIONS), phases: phasesAdded, actions: added.length };
}
