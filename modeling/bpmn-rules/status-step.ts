/// <reference path="../vendor.d.ts" />
import type { ModdleElement } from 'bpmn-moddle';
import type { RuleFactory } from 'bpmnlint';
import { applicationStatuses, type ApplicationStatus } from '../../domain/application-status.js';
import { checkStatusMove } from '../../domain/application-status-moves.js';

// A status step (topic application-status) must set a status the domain's table can reach from where the
// application may stand when the step runs. Where it may stand follows the flows from the start (submitted: the web
// server starts the process at submission) through the steps that set statuses. Gateways are not evaluated, so the
// statuses are a superset: the rule warns only when the move is illegal from every one of them.

const STATUS_STEP = 'application-status';
// What the project's workers set, by topic (workers/topics/*.ts).
const setByTopic: Readonly<Record<string, readonly ApplicationStatus[]>> = {
  'application-check': ['checking', 'refused'],
  'application-request-correction': ['correction-requested'],
  'application-render-documents': ['awaiting-sealed-scans'],
  'recommendation-record': ['recommended'],
};
// What the web server sets when it completes a user task with this form; completed elsewhere, nothing changes.
const setByForm: Readonly<Record<string, ApplicationStatus>> = { correction: 'resubmitted', 'sealed-scans': 'with-city', 'city-recommendation': 'recommended' };

const statusStep: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf('bpmn:Process')) return;
    const elements = list(node.flowElements);
    const steps = elements.filter((e) => e.get('camunda:topic') === STATUS_STEP);
    if (!steps.length) return;
    const standing = statusesBefore(elements);
    for (const step of steps) {
      const target = statusParameter(step);
      if (target === undefined) continue;
      if (!(target in applicationStatuses)) {
        reporter.report(idOf(step), `状态步骤设置的“${target}”不是申报状态；可用的状态：${Object.keys(applicationStatuses).join('、')}`);
        continue;
      }
      const from = [...(standing.get(idOf(step)) ?? [])];
      if (from.length && from.every((status) => checkStatusMove(status, target as ApplicationStatus).outcome === 'illegal')) {
        const labels = from.map((status) => applicationStatuses[status]).join('、');
        reporter.report(idOf(step), `状态步骤设置的“${applicationStatuses[target as ApplicationStatus]}”无法从申报在此处可能的状态（${labels}）到达`);
      }
    }
  },
});

export default statusStep;

// helpers

/** The statuses an application may have when each flow node starts, by a fixpoint over the flows. */
function statusesBefore(elements: ModdleElement[]): Map<string, Set<ApplicationStatus>> {
  const before = new Map<string, Set<ApplicationStatus>>(elements.map((e) => [idOf(e), new Set<ApplicationStatus>()]));
  for (const start of elements.filter((e) => e.$instanceOf('bpmn:StartEvent'))) before.get(idOf(start))!.add('submitted');
  const flows = elements.filter((e) => e.$instanceOf('bpmn:SequenceFlow'));
  const boundaries = elements.filter((e) => e.$instanceOf('bpmn:BoundaryEvent'));
  for (let changed = true; changed; ) {
    changed = false;
    const add = (id: string | undefined, statuses: Iterable<ApplicationStatus>) => {
      const set = id === undefined ? undefined : before.get(id);
      for (const status of statuses) if (set && !set.has(status)) (set.add(status), (changed = true));
    };
    for (const flow of flows) {
      const source = flow.sourceRef as ModdleElement | undefined;
      if (source) add((flow.targetRef as ModdleElement | undefined)?.id, after(source, before.get(idOf(source)) ?? new Set()));
    }
    // A boundary event interrupts its task before the task's own status is set.
    for (const boundary of boundaries) add(idOf(boundary), before.get((boundary.attachedToRef as ModdleElement | undefined)?.id ?? '') ?? []);
  }
  return before;
}

function after(element: ModdleElement, statuses: Set<ApplicationStatus>): Set<ApplicationStatus> {
  const topic = element.get('camunda:topic');
  if (topic === STATUS_STEP) {
    const target = statusParameter(element);
    return target && target in applicationStatuses ? new Set([target as ApplicationStatus]) : statuses;
  }
  if (typeof topic === 'string' && setByTopic[topic]) return new Set(setByTopic[topic]);
  const form = element.$instanceOf('bpmn:UserTask') ? setByForm[String(element.get('camunda:formRef') ?? '')] : undefined;
  return form ? new Set([...statuses, form]) : statuses;
}

function statusParameter(step: ModdleElement): string | undefined {
  for (const extension of list((step.extensionElements as ModdleElement | undefined)?.values)) {
    if (!extension.$instanceOf('camunda:InputOutput')) continue;
    const parameter = list(extension.inputParameters).find((p) => p.name === 'status');
    const value = parameter?.value;
    return typeof value === 'string' && !value.includes('${') ? value.trim() : undefined;
  }
  return undefined;
}

function idOf(element: ModdleElement): string {
  return element.id ?? '';
}

function list(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}
