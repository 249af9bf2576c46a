// Chinese for the bpmnlint rules this project enables: the administrator reads these; the engine's and bpmnlint's
// English original follows in brackets, for looking a rule up in bpmnlint's own documentation.

const chinese: Readonly<Record<string, string>> = {
  'ad-hoc-sub-process': '临时子流程不能包含开始事件、结束事件或连线以外的内容',
  'conditional-flows': '条件连线缺少条件表达式',
  'end-event-required': '流程（或子流程）缺少结束事件',
  'event-based-gateway': '事件网关之后只能连接中间捕获事件或接收任务',
  'event-sub-process-typed-start-event': '事件子流程的开始事件须有事件类型',
  'fake-join': '多条连线直接进入同一元素，不会等待汇合',
  global: '全局元素（消息、信号、错误、升级）缺少名称、未被使用或名称重复',
  'label-required': '元素缺少名称',
  'link-event': '链接事件须成对出现且链接名称一致',
  'no-bpmndi': '元素没有图形',
  'no-complex-gateway': '不支持复杂网关',
  'no-disconnected': '元素没有连接到流程中',
  'no-duplicate-sequence-flows': '存在重复的连线',
  'no-gateway-join-fork': '同一网关不能既汇合又分支',
  'no-implicit-split': '元素有多条无条件出线（隐式分支）；请改用网关',
  'no-implicit-end': '元素没有出线，流程在此隐式结束；请连接到结束事件',
  'no-implicit-start': '元素没有入线，流程可能从此隐式开始；请从开始事件连接',
  'no-inclusive-gateway': '包容网关',
  'no-overlapping-elements': '元素相互重叠',
  'single-blank-start-event': '同一流程只能有一个无类型的开始事件',
  'single-event-definition': '一个事件只能有一个事件定义',
  'start-event-required': '流程（或子流程）缺少开始事件',
  'sub-process-blank-start-event': '子流程的开始事件不能有事件类型',
  'superfluous-gateway': '网关只有一条入线和一条出线，可以删除',
  'superfluous-label': '连线的名称多余（来源不是分支网关）',
  'superfluous-termination': '终止结束事件多余，可改为普通结束事件',
  'camunda-compat/history-time-to-live': '流程未设置历史保留时间（camunda:historyTimeToLive）；将使用引擎的默认值',
};

/** The Chinese message of a bpmnlint report; the project's own rules already report in Chinese. */
export function chineseMessage(rule: string, message: string): string {
  const text = chinese[rule];
  return text ? `${text}（${message}）` : message;
}
