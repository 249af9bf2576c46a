// A form-js schema turned into what the check walks: the keyed fields and dynamic lists of each scope (the whole
// data, or one list item) with their value paths, and a tree of the keys the form defines.
import { FormSchemaError, isInputField, parseFormSchema, presentationTypes, type FormComponent } from '../../modeling/form-schema.js';
import { assertCheckable } from './checkable-rules.js';
import { parseHideCondition, type HideCondition } from './conditions.js';

/** A keyed field inside its scope. */
export interface FieldNode {
  kind: 'field';
  component: FormComponent;
  valuePath: string[];
  /** Its own hide condition and those of the groups around it. */
  hiddenBy: HideCondition[];
}

/** A dynamic list inside its scope, with the scope of each of its items. */
export interface ListNode {
  kind: 'list';
  component: FormComponent;
  valuePath: string[];
  hiddenBy: HideCondition[];
  item: Scope;
  /** From the custom properties `minItems` and `maxItems`: form-js has no item-count rule of its own. */
  minItems: number;
  maxItems: number;
}

/** The keys a scope defines: a leaf is a field, a branch a group path, a list a dynamic list. */
export type KeyTree = Map<string, { kind: 'leaf' } | { kind: 'branch'; children: KeyTree } | { kind: 'list'; item: Scope }>;

/** The fields and lists of the whole data or of one list item, in form order. */
export interface Scope {
  nodes: (FieldNode | ListNode)[];
  keys: KeyTree;
}

/** Parses a form-js schema and lays out its scopes; throws a FormSchemaError when it is malformed. */
export function compileForm(form: unknown): Scope {
  const schema = parseFormSchema(form);
  const ids = new Set<string>();
  const scope = emptyScope();
  schema.components.forEach((component, index) => addComponent(component, `components.${index}`, scope, [], [], ids));
  return scope;
}

// helpers

function emptyScope(): Scope {
  return { nodes: [], keys: new Map() };
}

/** Adds a component (at JSON path `where`) to its scope; throws a FormSchemaError when the server cannot check it. */
function addComponent(component: FormComponent, where: string, scope: Scope, prefix: string[], hiddenBy: HideCondition[], ids: Set<string>): void {
  assertCheckable(component, where);
  if (ids.has(component.id)) throw new FormSchemaError(`Component id "${component.id}" is used twice`);
  ids.add(component.id);
  const condition = parseHideCondition(component.conditional?.hide);
  const conditions = condition === undefined ? hiddenBy : [...hiddenBy, condition];
  const { type } = component;
  if (isInputField(component)) {
    if (!component.key) throw new FormSchemaError(`${describe(component)} has no key`);
    const valuePath = [...prefix, ...component.key.split('.')];
    claim(scope.keys, valuePath, { kind: 'leaf' }, component);
    scope.nodes.push({ kind: 'field', component, valuePath, hiddenBy: conditions });
  } else if (type === 'dynamiclist') {
    if (!component.path) throw new FormSchemaError(`${describe(component)} has no path`);
    const valuePath = [...prefix, ...component.path.split('.')];
    const item = emptyScope();
    // Inside an item, conditions of enclosing components were already decided for the whole list.
    for (const [child, childWhere] of childrenOf(component, where)) addComponent(child, childWhere, item, [], [], ids);
    claim(scope.keys, valuePath, { kind: 'list', item }, component);
    const minItems = itemBound(component, 'minItems') ?? 0;
    const maxItems = itemBound(component, 'maxItems') ?? Number.POSITIVE_INFINITY;
    scope.nodes.push({ kind: 'list', component, valuePath, hiddenBy: conditions, item, minItems, maxItems });
  } else if (type === 'group') {
    const groupPrefix = component.path ? [...prefix, ...component.path.split('.')] : prefix;
    for (const [child, childWhere] of childrenOf(component, where)) addComponent(child, childWhere, scope, groupPrefix, conditions, ids);
  } else if (!presentationTypes.has(type)) {
    throw new FormSchemaError(`${describe(component)} has a type the server cannot check`);
  }
}

/** The children of a component with their JSON paths. */
function childrenOf(component: FormComponent, where: string): [FormComponent, string][] {
  return (component.components ?? []).map((child, index) => [child, `${where}.components.${index}`]);
}

/** Records a key path in the tree; two components on one path, or one inside another's value, is an error. */
function claim(tree: KeyTree, valuePath: string[], node: { kind: 'leaf' } | { kind: 'list'; item: Scope }, component: FormComponent): void {
  let level = tree;
  valuePath.forEach((segment, index) => {
    const existing = level.get(segment);
    if (index === valuePath.length - 1) {
      if (existing !== undefined) throw new FormSchemaError(`${describe(component)} uses the key "${valuePath.join('.')}" of another field`);
      level.set(segment, node);
      return;
    }
    if (existing === undefined) {
      const children: KeyTree = new Map();
      level.set(segment, { kind: 'branch', children });
      level = children;
    } else if (existing.kind === 'branch') {
      level = existing.children;
    } else {
      throw new FormSchemaError(`${describe(component)} lies inside the value of another field`);
    }
  });
}

function itemBound(component: FormComponent, name: 'minItems' | 'maxItems'): number | undefined {
  const text = component.properties?.[name];
  if (text === undefined) return undefined;
  const bound = Number(text);
  if (typeof text !== 'string' || !/^\d+$/.test(text.trim()) || !Number.isSafeInteger(bound)) {
    throw new FormSchemaError(`${describe(component)} has a custom property ${name} that is no whole number: "${String(text)}"`);
  }
  return bound;
}

function describe(component: FormComponent): string {
  return `Component "${component.id}" (${component.type})`;
}
