// form-js schema checks: the shape, the form's id, unique and valid keys, components the project's pages and
// Camunda 7.24's Tasklist render, and the fields the domain reads from forms of that id.
import type { z } from 'zod';
import { domainFieldsByForm } from './domain-fields.js';
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION, isCamunda724 } from './execution-platform.js';
import { acceptedPortalOnlyTypes, portalOnlyComponentTypes, tasklistComponentTypes } from './form-components.js';
import { formSchema, placedComponents, type PlacedComponent } from './form-schema.js';
import type { Problem } from './problem.js';

// A key becomes a process variable (its first segment) when the Tasklist submits the form.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const MISSING_ID = '表单缺少 id（流程通过 camunda:formRef 引用它）';

/** Lints a form-js schema (JSON text). Text that is not a JSON object is one error. */
export function lintForm(content: string): Problem[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return [{ rule: 'parse', elementId: '', message: `表单不是有效的 JSON${jsonErrorPlace(error)}`, category: 'error' }];
  }
  // zod's own messages are English: every shape problem is named in Chinese.
  const parsed = formSchema.safeParse(json, { error: chineseShapeMessage });
  const problems: Problem[] = [];
  const report = (rule: string, elementId: string | undefined, message: string, category: Problem['category'] = 'error') =>
    problems.push({ rule, elementId: elementId ?? '', message, category });
  if (isObject(json) && (json.id === undefined || json.id === '')) report('form-id', '', `${MISSING_ID}（id）`);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      report(issue.path[0] === 'id' ? 'form-id' : 'form-schema', componentIdAt(json, issue.path), `${issue.message}（${issue.path.join('.') || '表单'}）`);
    }
    return problems;
  }
  const form = parsed.data;

  if (!isCamunda724(form.executionPlatform, form.executionPlatformVersion)) {
    report('execution-platform', form.id, `表单未声明执行平台 ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_VERSION}；导出时将补上`, 'warn');
  }
  const fields = placedComponents(form.components);
  checkComponents(fields, report);
  checkKeys(fields, report);
  const bound = new Set(fields.flatMap((field) => [field.binding, field.container].filter((path): path is string => Boolean(path))));
  const formId = form.id ?? '';
  for (const path of domainFieldsByForm[formId] ?? []) {
    if (!bound.has(path)) report('domain-field', formId, `表单“${formId}”须保留字段“${path}”：审查规则或流程要读取它`);
  }
  return problems.sort((a, b) => Number(b.category === 'error') - Number(a.category === 'error'));
}

// helpers

type Report = (rule: string, elementId: string | undefined, message: string, category?: Problem['category']) => void;

// The Chinese name of each shape problem, by the property it is in: the form's header or a component's.
const headerMessages: Record<string, string> = {
  id: MISSING_ID,
  type: '表单的 type 须为 "default"',
  schemaVersion: '表单的 schemaVersion 须为整数',
  executionPlatform: '执行平台（executionPlatform）须为文字',
  executionPlatformVersion: '执行平台版本（executionPlatformVersion）须为文字',
  components: '表单缺少组件列表（components）',
};
const componentMessages: Record<string, string> = {
  id: '组件的 id 须为文字',
  key: '字段键（key）须为文字',
  path: '路径（path）须为文字',
  components: '子组件（components）须为列表',
};

function chineseShapeMessage(issue: z.core.$ZodRawIssue): string {
  const path = issue.path ?? [];
  if (!path.length) return '表单须为 JSON 对象';
  // Past every `components.<n>` of the path: the property of the innermost component the issue is in.
  let at = 0;
  while (path[at] === 'components' && typeof path[at + 1] === 'number') at += 2;
  if (at === 0) return headerMessages[String(path[0])] ?? '表单的属性不符合 form-js 的格式';
  const property = path.slice(at).map(String);
  if (!property.length) return '组件须为 JSON 对象';
  const [name] = property;
  if (name === 'type') return issue.input === undefined || issue.input === '' ? '组件缺少类型（type）' : '组件的类型（type）须为文字';
  return (property.length === 1 ? componentMessages[name!] : undefined) ?? '组件的属性不符合 form-js 的格式';
}

function checkComponents(fields: readonly PlacedComponent[], report: Report): void {
  const ids = new Set<string>();
  for (const { component: c } of fields) {
    if (c.id) {
      if (ids.has(c.id)) report('unique-id', c.id, `组件 id“${c.id}”重复`);
      ids.add(c.id);
    }
    if (tasklistComponentTypes.includes(c.type) || acceptedPortalOnlyTypes.includes(c.type)) continue;
    if (portalOnlyComponentTypes.includes(c.type)) report('component-type', c.id, `Camunda 7.24 自带的任务列表（form-js 1.8.7）无法显示“${c.type}”组件；只能在本系统页面中填写`, 'warn');
    else report('component-type', c.id, `不支持的组件类型“${c.type}”`);
  }
}

function checkKeys(fields: readonly PlacedComponent[], report: Report): void {
  const seen = new Set<string>();
  for (const { component: c, binding, container } of fields) {
    for (const [path, own] of [[binding, c.key], [container, c.path]] as const) {
      if (!path || !own) continue;
      if (own.split('.').some((segment) => !VARIABLE_NAME.test(segment))) {
        report('valid-key', c.id, `字段键“${own}”无效：须以字母或下划线开头，只含字母、数字和下划线（多级用“.”分隔）`);
      }
      if (seen.has(path)) report('unique-key', c.id, `字段键“${path}”重复，两个字段会写入同一数据`);
      seen.add(path);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The id of the component a schema issue points into, if the path runs through one.
function componentIdAt(json: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = json;
  let id = '';
  for (const segment of path) {
    if (!node || typeof node !== 'object') break;
    node = (node as Record<PropertyKey, unknown>)[segment];
    const own = node && typeof node === 'object' && !Array.isArray(node) ? (node as { id?: unknown }).id : undefined;
    if (typeof own === 'string') id = own;
  }
  return id;
}

// Where JSON.parse stopped, from its (English, engine-specific) message: V8 names a line and column or a position.
function jsonErrorPlace(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return `（第 ${lineColumn[1]} 行第 ${lineColumn[2]} 列附近）`;
  const position = /position (\d+)/.exec(message);
  if (position) return `（第 ${Number(position[1]) + 1} 个字符附近）`;
  return /end of JSON input|Unexpected end/i.test(message) ? '（内容不完整）' : '';
}
