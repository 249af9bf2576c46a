// form-js schema checks: the shape, the form's id, unique and valid keys, components the project's pages and
// Camunda 7.24's Tasklist render, and the fields the domain reads from forms of that id.
import { z } from 'zod';
import { domainFieldsByForm } from './domain-fields.js';
import { EXECUTION_PLATFORM, EXECUTION_PLATFORM_VERSION, isCamunda724 } from './execution-platform.js';
import { acceptedPortalOnlyTypes, portalOnlyComponentTypes, tasklistComponentTypes } from './form-components.js';
import type { Problem } from './problem.js';

// A key becomes a process variable (its first segment) when the Tasklist submits the form.
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface Component {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  components?: Component[];
  [property: string]: unknown;
}

// Every shape check names its property in Chinese: zod's own messages are English.
const text = (missing: string, notText: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : notText) });
const optionalText = (notText: string) => z.string(notText).optional();

const component: z.ZodType<Component> = z.looseObject({
  type: text('组件缺少类型（type）', '组件的类型（type）须为文字').min(1, '组件缺少类型（type）'),
  id: optionalText('组件的 id 须为文字'),
  key: optionalText('字段键（key）须为文字'),
  path: optionalText('路径（path）须为文字'),
  components: z.array(z.lazy(() => component), '子组件（components）须为列表').optional(),
}, '组件须为 JSON 对象');

const formSchema = z.looseObject({
  id: z.string('表单缺少 id（流程通过 camunda:formRef 引用它）').min(1, '表单缺少 id（流程通过 camunda:formRef 引用它）'),
  type: z.literal('default', '表单的 type 须为 "default"').optional(),
  schemaVersion: z.number('表单的 schemaVersion 须为整数').int('表单的 schemaVersion 须为整数').optional(),
  executionPlatform: optionalText('执行平台（executionPlatform）须为文字'),
  executionPlatformVersion: optionalText('执行平台版本（executionPlatformVersion）须为文字'),
  components: z.array(component, '表单缺少组件列表（components）'),
}, '表单须为 JSON 对象');

/** Lints a form-js schema (JSON text). Text that is not a JSON object is one error. */
export function lintForm(content: string): Problem[] {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    return [{ rule: 'parse', elementId: '', message: `表单不是有效的 JSON${jsonErrorPlace(error)}`, category: 'error' }];
  }
  const parsed = formSchema.safeParse(json);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => ({ rule: issue.path[0] === 'id' ? 'form-id' : 'form-schema', elementId: componentIdAt(json, issue.path), message: `${issue.message}（${issue.path.join('.') || '表单'}）`, category: 'error' }));
  }
  const form = parsed.data;
  const problems: Problem[] = [];
  const report = (rule: string, elementId: string | undefined, message: string, category: Problem['category'] = 'error') =>
    problems.push({ rule, elementId: elementId ?? '', message, category });

  if (!isCamunda724(form.executionPlatform, form.executionPlatformVersion)) {
    report('execution-platform', form.id, `表单未声明执行平台 ${EXECUTION_PLATFORM} ${EXECUTION_PLATFORM_VERSION}；导出时将补上`, 'warn');
  }
  const fields = flatten(form.components);
  checkComponents(fields, report);
  checkKeys(fields, report);
  const bound = new Set(fields.flatMap((field) => [field.binding, field.container].filter((path): path is string => Boolean(path))));
  for (const path of domainFieldsByForm[form.id] ?? []) {
    if (!bound.has(path)) report('domain-field', form.id, `表单“${form.id}”须保留字段“${path}”：审查规则或流程要读取它`);
  }
  return problems.sort((a, b) => Number(b.category === 'error') - Number(a.category === 'error'));
}

// helpers

type Report = (rule: string, elementId: string | undefined, message: string, category?: Problem['category']) => void;

interface Field {
  component: Component;
  /** The data path a keyed field writes (list items without an index). */
  binding?: string;
  /** The data path a group or dynamic list with a `path` opens. */
  container?: string;
}

function flatten(components: readonly Component[], prefix = ''): Field[] {
  return components.flatMap((c) => {
    const container = c.path ? `${prefix}${c.path}` : undefined;
    const own: Field = { component: c, binding: c.key ? `${prefix}${c.key}` : undefined, container };
    return [own, ...flatten(c.components ?? [], container ? `${container}.` : prefix)];
  });
}

function checkComponents(fields: readonly Field[], report: Report): void {
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

function checkKeys(fields: readonly Field[], report: Report): void {
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
