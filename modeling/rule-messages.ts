// Chinese for what bpmnlint's recommended rules and the camunda-compat 7.24 rules report: the administrator reads
// these in the studio's problem list (next to the rule id, which is how bpmnlint's own documentation finds the
// rule). The project's own rules (modeling/bpmn-rules/) report in Chinese already.
// One rule may report several English messages; each is matched by its English text, placeholders captured.

type Translation = readonly [english: RegExp, chinese: string];

const translations: Readonly<Record<string, readonly Translation[]>> = {
  'ad-hoc-sub-process': [
    [/^A <Start Event> is not allowed/, '临时子流程（ad hoc）中不能有开始事件'],
    [/^An <End Event> is not allowed/, '临时子流程（ad hoc）中不能有结束事件'],
  ],
  'conditional-flows': [[/^Sequence flow is missing condition/, '连线缺少条件表达式：分支网关的出线（默认流除外）和条件连线都须设置条件']],
  'end-event-required': [
    [/^Sub process is missing end event/, '子流程缺少结束事件'],
    [/is missing end event/, '流程缺少结束事件'],
  ],
  'event-based-gateway': [
    [/must have at least 2 outgoing/, '事件网关至少要有两条出线'],
    [/must not be conditional/, '事件网关的出线不能设置条件'],
  ],
  'event-sub-process-typed-start-event': [[/^Start event is missing event definition/, '事件子流程的开始事件须有事件类型（如消息、定时、错误）']],
  'fake-join': [[/^Incoming flows do not join/, '多条连线直接进入该元素，但不会等待汇合（每条连线各触发一次）；如需汇合请使用并行网关']],
  global: [
    [/^Element is missing name/, '全局元素（消息、信号、错误、升级）缺少名称'],
    [/^Element is unused/, '全局元素（消息、信号、错误、升级）未被使用'],
    [/^Element name is not unique/, '全局元素（消息、信号、错误、升级）的名称重复'],
  ],
  'label-required': [[/^Element is missing label\/name/, '元素缺少名称；申报人的办理进度按名称显示各环节']],
  'link-event': [
    [/^Link event is missing link name/, '链接事件缺少链接名称'],
    [/^Link catch event with link name <(.*)> missing in scope/, '同一范围内没有链接名称为“$1”的链接捕获事件'],
    [/^Link throw event with link name <(.*)> missing in scope/, '同一范围内没有链接名称为“$1”的链接抛出事件'],
    [/^Duplicate link catch event with link name <(.*)> in scope/, '同一范围内有多个链接名称为“$1”的链接捕获事件'],
  ],
  'no-bpmndi': [[/^Element is missing bpmndi/, '元素没有图形（缺少 BPMN DI）']],
  'no-complex-gateway': [[/is discouraged/, '不建议使用复杂网关：Camunda 7 不支持']],
  'no-disconnected': [[/^Element is not connected/, '元素没有连接到流程中']],
  'no-duplicate-sequence-flows': [
    [/^SequenceFlow is a duplicate/, '连线重复：另一条连线的起点、终点和条件与它相同'],
    [/^Duplicate outgoing sequence flows/, '元素有重复的出线'],
    [/^Duplicate incoming sequence flows/, '元素有重复的入线'],
  ],
  'no-gateway-join-fork': [[/^Gateway forks and joins/, '同一网关不能既汇合又分支；请拆成两个网关']],
  'no-implicit-end': [[/^Element is an implicit end/, '元素没有出线，流程在此隐式结束；请连接到结束事件']],
  'no-implicit-split': [[/^Flow splits implicitly/, '元素有多条无条件出线（隐式分支）；请改用网关']],
  'no-implicit-start': [[/^Element is an implicit start/, '元素没有入线，流程可能从此隐式开始；请从开始事件连接']],
  'no-inclusive-gateway': [[/is discouraged/, '不建议使用包容网关']],
  'no-overlapping-elements': [
    [/^Element overlaps with other element/, '元素与其他元素重叠'],
    [/^Element is outside of parent boundary/, '元素超出了所在容器（池、子流程）的边界'],
  ],
  'single-blank-start-event': [
    [/^Sub process has multiple blank start events/, '子流程有多个无类型的开始事件，只能有一个'],
    [/has multiple blank start events/, '流程有多个无类型的开始事件，只能有一个'],
  ],
  'single-event-definition': [[/^Event has multiple event definitions/, '一个事件只能有一个事件定义']],
  'start-event-required': [
    [/^Sub process is missing start event/, '子流程缺少开始事件'],
    [/is missing start event/, '流程缺少开始事件'],
  ],
  'sub-process-blank-start-event': [[/^Start event must be blank/, '子流程的开始事件须为无类型的开始事件']],
  'superfluous-gateway': [[/^Gateway is superfluous/, '网关只有一条入线和一条出线，可以删除']],
  'superfluous-label': [[/^Sequence flow has superfluous label/, '连线的名称多余：只有分支网关的出线需要名称']],
  'superfluous-termination': [[/^Termination is superfluous/, '终止结束事件多余，可改为普通结束事件']],
  'camunda-compat/history-time-to-live': [[/historyTimeToLive/, '流程未设置历史保留时间（camunda:historyTimeToLive）；将使用引擎的默认值']],
};

/** The rules this module has Chinese for. */
export const translatedRules: readonly string[] = Object.keys(translations);

/** The Chinese message of a bpmnlint report; a message no translation knows is named as the rule's report. */
export function chineseMessage(rule: string, message: string): string {
  for (const [english, chinese] of translations[rule] ?? []) {
    const match = english.exec(message);
    if (match) return chinese.replace(/\$(\d)/g, (_, index: string) => match[Number(index)] ?? '');
  }
  return `检查规则 ${rule} 报告了问题：${message}`;
}

/** The message of a rule that failed while checking (bpmnlint's `rule-error`): a defect of the rule, not the model. */
export function ruleFailureMessage(rule: string, message: string): string {
  return `检查规则 ${rule} 运行出错，此项未能检查：${message}`;
}
