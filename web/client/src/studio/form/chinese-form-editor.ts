// Chinese for the labels an administrator meets in form-js's editor: the palette, the properties panel and the
// empty states. form-js has no translate service for them. Where it takes a label from a configurable place, that is
// used: the component names (palette entries, its search, the panel's header and the delete button) come from the
// registered form fields' `config.name`, and the properties panel's group headings from its providers. Everything
// else form-js writes in English itself; those exact texts are replaced inside form-js's own elements (never what
// an administrator typed, such as a field's label) now and after every render, like form-js/chinese-component-strings.ts.
// What is not listed stays in English.

import { keepApplied } from '../../form-js/keep-applied.js';

/** The component types' names, by type. */
const componentNames: Record<string, string> = {
  textfield: '文本框',
  textarea: '多行文本',
  number: '数字',
  datetime: '日期时间',
  expression: '计算值',
  filepicker: '文件上传',
  checkbox: '复选框',
  checklist: '多选',
  radio: '单选',
  select: '下拉选择',
  taglist: '标签多选',
  text: '文本说明',
  html: 'HTML 内容',
  image: '图片',
  table: '表格',
  documentPreview: '文档预览',
  separator: '分隔线',
  spacer: '空白间距',
  group: '分组',
  dynamiclist: '动态列表',
  iframe: '内嵌网页',
  button: '按钮',
};

const dictionary: Record<string, string> = {
  // palette
  Components: '组件',
  'Search components': '搜索组件',
  'Clear content': '清除',
  'No components found.': '没有找到组件。',
  Input: '输入',
  Selection: '选择',
  Presentation: '展示',
  Containers: '容器',
  Action: '操作',
  // the form's empty states and placeholders
  'Build your form': '设计表单',
  'Drag and drop components here to start designing.': '把左侧的组件拖到这里开始设计。',
  'Use the preview window to test your form.': '可在实时预览中试填表单。',
  'Drag and drop components here.': '把组件拖到这里。',
  'Text view is empty': '文本说明为空',
  'Text view is populated by an expression': '文本说明由表达式生成',
  'Text view is templated': '文本说明含模板',
  'Html view is empty': 'HTML 内容为空',
  'Html view is populated by an expression': 'HTML 内容由表达式生成',
  'Html view is templated': 'HTML 内容含模板',
  'Expression is empty': '表达式为空',
  'Remove form field': '删除字段',
  Repeatable: '可重复',
  // properties panel: header and empty states
  Form: '表单',
  'Select a form field to edit its properties.': '选择一个字段以编辑其属性。',
  'Multiple form fields are selected. Select a single form field to edit its properties.': '选中了多个字段，请只选择一个以编辑其属性。',
  'Toggle section': '展开/收起',
  'Section contains edits': '此部分有修改',
  'Section contains an error': '此部分有错误',
  'Create new list item': '添加一项',
  Create: '添加',
  'Toggle list item': '展开/收起此项',
  'Delete item': '删除此项',
  'Open pop-up editor': '在弹出窗口中编辑',
  'Open documentation': '打开文档',
  'Click to set a dynamic value with FEEL expression': '点击改用 FEEL 表达式设置动态值',
  'FEEL expression is mandatory': '此处必须填写 FEEL 表达式',
  // properties panel: groups
  General: '常规',
  Condition: '条件',
  Validation: '校验',
  Appearance: '外观',
  Constraints: '约束',
  Layout: '布局',
  'Options source': '选项来源',
  'Static options': '固定选项',
  'Dynamic options': '动态选项',
  Serialization: '序列化',
  'Custom properties': '自定义属性',
  'Security attributes': '安全属性',
  'Headers source': '表头来源',
  'Header items': '表头项',
  Pagination: '分页',
  'Data source': '数据来源',
  // properties panel: fields
  'Field label': '字段标签',
  'Group label': '分组标题',
  'Table label': '表格标题',
  'Field description': '字段说明',
  Key: '键名',
  'Binds to a form variable': '对应表单数据中的变量',
  Path: '路径',
  'Where the child variables of this component are pathed to.': '此组件内各字段的数据存放在这个路径下。',
  ID: '标识',
  'Version tag': '版本标签',
  'Version tag by which this form can be referenced.': '引用此表单时可用的版本标签。',
  'Default value': '默认值',
  Checked: '选中',
  'Not checked': '不选中',
  '<none>': '（无）',
  Label: '标签',
  Value: '值',
  Text: '文本内容',
  'Supports markdown and templating.': '支持 Markdown 和模板。',
  'Learn more': '了解更多',
  Content: '内容',
  Title: '标题',
  Type: '类型',
  Required: '必填',
  'Minimum length': '最小长度',
  'Maximum length': '最大长度',
  Minimum: '最小值',
  Maximum: '最大值',
  'Validation pattern': '格式校验',
  Custom: '自定义',
  Email: '电子邮箱',
  Phone: '电话号码',
  'Custom regular expression': '自定义正则表达式',
  'Custom error message': '自定义错误提示',
  'The error message to display when the input does not match the regular expression.': '输入不符合正则表达式时显示的提示。',
  'Read only': '只读',
  Disabled: '禁用',
  Searchable: '可搜索',
  Prefix: '前缀',
  Suffix: '后缀',
  'Decimal digits': '小数位数',
  Increment: '步长',
  'Output as string': '以文本保存',
  'Allows arbitrary precision values': '可保存任意精度的数值',
  Subtype: '类型',
  Date: '日期',
  Time: '时间',
  'Date & Time': '日期和时间',
  'Date label': '日期标签',
  'Time label': '时间标签',
  'Use 24h': '24 小时制',
  'Time interval': '时间间隔',
  'Time format': '时间格式',
  'UTC offset': '带 UTC 偏移',
  'UTC normalized': '换算为 UTC',
  'No timezone': '不带时区',
  'Disallow past dates': '不允许选择过去的日期',
  'Upload multiple files': '允许上传多个文件',
  'Supported file formats': '允许的文件格式',
  'A comma-separated list of': '用英文逗号分隔的',
  'file type specifiers': '文件类型说明符',
  Static: '固定选项',
  'Input data': '输入数据',
  Expression: '表达式',
  'Input values key': '选项数据的键名',
  'Define which input property to populate the values from': '从输入数据的哪个属性读取选项',
  'Options expression': '选项表达式',
  'Define an expression to populate the options from.': '用表达式生成选项。',
  'Allow add/delete items': '允许添加/删除项',
  'Default number of items': '默认项数',
  'Disable collapse': '不折叠',
  'Number of non-collapsing items': '不折叠的项数',
  'Show outline': '显示边框',
  Columns: '列宽',
  Auto: '自动',
  'Hide if': '隐藏条件',
  'Condition under which the field is hidden': '满足此条件时隐藏该字段',
  'Deactivate if': '停用条件',
  'Condition under which the field is deactivated': '满足此条件时停用该字段',
  'Compute on': '计算时机',
  'Value changes': '值变化时',
  'Form submission': '提交表单时',
  'Define an expression to calculate the value of this field': '用表达式计算此字段的值',
  'Target value': '目标值',
  'Alternative text': '替代文本',
  'Image source': '图片地址',
  'Expression or static value (link/data URI)': '表达式或固定值（链接或 data URI）',
  URL: '网址',
  Height: '高度',
  'Height of the container in pixels.': '容器高度（像素）。',
  'Vertical alignment': '垂直对齐',
  Top: '顶部',
  Center: '居中',
  Bottom: '底部',
  Submit: '提交',
  Reset: '重置',
  // properties panel: checks of entered values
  'Must not be empty.': '不能为空。',
  'Must not be empty': '不能为空',
  'Must be unique.': '不能重复。',
  'Must not contain spaces.': '不能包含空格。',
  'Must be a variable or a dot separated path.': '必须是变量名或以点分隔的路径。',
  'Must be a variable or a dot-separated path': '必须是变量名或以点分隔的路径',
  'Must be empty, a variable or a dot-separated path': '必须为空、变量名或以点分隔的路径',
  'Must not conflict with other key/path assignments.': '不能与其他键名或路径冲突。',
  'Must not cause two binding paths to collide': '不能使两个绑定路径冲突',
  'Must not contain numerical path segments.': '路径中不能有纯数字的部分。',
  'Must not be a prohibited path.': '不能使用保留的路径。',
  'Must be number': '必须是数字',
  'Must be a valid QName.': '必须是有效的限定名。',
  'Should be greater than zero.': '必须大于零。',
  'Should be greater than or equal to zero.': '必须大于或等于零。',
  'Should be an integer.': '必须是整数。',
  'Should be a valid number.': '必须是有效的数字。',
  'Should be a valid number': '必须是有效的数字',
  'Value must be a number.': '值必须是数字。',
  'A number is required.': '请输入数字。',
};

/** Texts that carry a part of their own (a count, a component's name, already Chinese). */
const patterns: [english: RegExp, chinese: (match: RegExpExecArray) => string][] = [
  [/^Create an? (.+) element$/, (m) => `添加${m[1]}`],
  [/^Remove (.+)$/, (m) => `删除${m[1]}`],
  [/^List contains (\d+) items?$/, (m) => `共 ${m[1]} 项`],
  [/^Should be at least (.+)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Should be at most (.+)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Should not contain more than (\d+) decimal digits\.?$/, (m) => `小数位数不能超过 ${m[1]} 位。`],
];

function chinese(english: string): string | undefined {
  const text = english.trim();
  if (!text) return undefined;
  if (Object.hasOwn(dictionary, text)) return dictionary[text];
  for (const [pattern, replace] of patterns) {
    const match = pattern.exec(text);
    if (match) return replace(match);
  }
  return undefined;
}

/**
 * form-js's own elements whose text nodes (not their descendants') are translated. Left out on purpose: the panel
 * header's label (`.bio-properties-panel-header-label`, the selected field's label), a list item's title (an
 * option's label), the form's fields on the canvas and everything an input holds.
 */
const textElements = [
  '.fjs-palette-header',
  '.fjs-palette-group-title',
  '.fjs-palette-no-entries',
  '.fjs-empty-editor-card > h2',
  '.fjs-empty-editor-card > span',
  '.fjs-empty-component-text',
  '.fjs-form-field-placeholder',
  '.fjs-repeat-render-footer > span',
  '.bio-properties-panel-header-type',
  '.bio-properties-panel-placeholder-text',
  '.bio-properties-panel-group-header-title',
  '.bio-properties-panel-add-entry-label',
  '.bio-properties-panel-label',
  '.bio-properties-panel-label > .bio-properties-panel-tooltip-wrapper',
  '.bio-properties-panel-description',
  '.bio-properties-panel-description > a',
  '.bio-properties-panel-tooltip-content',
  '.bio-properties-panel-toggle-switch__label',
  '.bio-properties-panel-error',
  // a select's options, except a radio's or a select's default value: those are its options, typed by the
  // administrator, after form-js's own empty choice (and a checkbox's true/false)
  'select.bio-properties-panel-input:not(#bio-properties-panel-defaultValue) > option',
  '#bio-properties-panel-defaultValue > option:is([value=""], [value="true"], [value="false"])',
].map((selector) => `:is(.fjs-palette-container, .fjs-properties-container, .fjs-editor-container) ${selector}`).join(', ');

/** form-js's own elements whose attributes are translated. */
const attributeElements: [selector: string, attribute: string][] = ([
  ['.fjs-palette-header', 'title'],
  ['.fjs-palette-search', 'placeholder'],
  ['.fjs-palette-search-clear', 'title'],
  ['.fjs-palette-field', 'title'],
  ['.fjs-context-pad-item', 'title'],
  ['.bio-properties-panel-group-header-title', 'title'],
  ['.bio-properties-panel-group-header-button', 'title'],
  ['.bio-properties-panel-dot', 'title'],
  ['.bio-properties-panel-list-badge', 'title'],
  ['.bio-properties-panel-collapsible-entry-arrow', 'title'],
  ['.bio-properties-panel-remove-entry', 'title'],
  ['.bio-properties-panel-open-feel-popup', 'title'],
  ['.bio-properties-panel-header-link', 'title'],
  ['.bio-properties-panel-feel-icon', 'title'],
  // a FEEL or template entry's editor is named by its entry's label
  ['.bio-properties-panel-input .cm-content', 'aria-label'],
] as const).map(([selector, attribute]) => [`:is(.fjs-palette-container, .fjs-properties-container, .fjs-editor-container) ${selector}`, attribute]);

function translate(root: HTMLElement): void {
  for (const element of root.querySelectorAll(textElements)) {
    for (const node of element.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const translated = chinese(node.textContent ?? '');
      if (translated !== undefined) node.textContent = translated;
    }
  }
  for (const [selector, attribute] of attributeElements) {
    for (const element of root.querySelectorAll(selector)) {
      const translated = chinese(element.getAttribute(attribute) ?? '');
      if (translated !== undefined) element.setAttribute(attribute, translated);
    }
  }
}

/** Translates form-js's editor under `root` now and after every render; returns a stop. */
export function keepFormEditorChinese(root: HTMLElement): () => void {
  return keepApplied(root, () => translate(root), { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['title', 'placeholder', 'aria-label'] });
}

type FormFieldComponent = ((...args: unknown[]) => unknown) & { config: Record<string, unknown> };
type FormFields = { get(type: string): FormFieldComponent | undefined; register(type: string, field: FormFieldComponent): void };
type Group = { label?: string };
type PropertiesPanel = { registerProvider(provider: { getGroups(): (groups: Group[]) => Group[] }, priority?: number): void };

/**
 * Registers every known form field again under its Chinese name (the same component, its config copied with
 * `name` in Chinese: form-js's own configs are shared with the viewer and stay untouched), and names the properties
 * panel's groups in Chinese through a provider that runs after form-js's own.
 */
class ChineseFormEditor {
  static $inject = ['formFields', 'propertiesPanel'];
  constructor(formFields: FormFields, propertiesPanel: PropertiesPanel) {
    for (const [type, name] of Object.entries(componentNames)) {
      const field = formFields.get(type);
      if (!field) continue;
      const named = function (this: unknown, ...args: unknown[]) {
        return field.apply(this, args);
      } as FormFieldComponent;
      Object.assign(named, field, { config: { ...field.config, name } });
      formFields.register(type, named);
    }
    propertiesPanel.registerProvider({
      getGroups: () => (groups) => groups.map((group) => (group.label && Object.hasOwn(dictionary, group.label) ? { ...group, label: dictionary[group.label] } : group)),
    }, 1);
  }
}

/** The module for the FormEditor's `additionalModules`; pair it with keepFormEditorChinese on the container. */
export const chineseFormEditorModule = { __init__: ['chineseFormEditor'], chineseFormEditor: ['type', ChineseFormEditor] };
