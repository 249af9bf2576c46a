import type { ModelChanges } from 'bpmn-js-differ';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'layout';

export interface ElementChange {
  id: string;
  kind: ChangeKind;
  type: string;
  name: string | undefined;
  /** For a changed element: which attributes, with old and new values. */
  attributes: { name: string; oldValue: string; newValue: string }[];
}

export const changeLabels: Record<ChangeKind, string> = { added: '新增', removed: '删除', changed: '修改', layout: '位置变化' };

/** The differ's answer as one list, added and removed first; an element whose attributes changed is not also "moved". */
export function elementChanges(changes: ModelChanges): ElementChange[] {
  const list: ElementChange[] = [];
  for (const [id, model] of Object.entries(changes._added)) list.push({ id, kind: 'added', type: model.$type, name: model.name, attributes: [] });
  for (const [id, model] of Object.entries(changes._removed)) list.push({ id, kind: 'removed', type: model.$type, name: model.name, attributes: [] });
  for (const [id, { model, attrs }] of Object.entries(changes._changed)) {
    // bpmn-js-differ 3.2 hands jsondiffpatch's [old, new] to changed(model, property, newValue, oldValue): its
    // "oldValue" is the new value and the other way round.
    const attributes = Object.entries(attrs).map(([name, values]) => ({ name, oldValue: shown(values.newValue), newValue: shown(values.oldValue) }));
    list.push({ id, kind: 'changed', type: model.$type, name: model.name, attributes });
  }
  for (const [id, model] of Object.entries(changes._layoutChanged)) {
    if (!(id in changes._changed)) list.push({ id, kind: 'layout', type: model.$type, name: model.name, attributes: [] });
  }
  return list;
}

/** The marker class of a change on the side that shows it: the older diagram shows removals, the newer additions. */
export function markerOf(kind: ChangeKind): string {
  return `studio-diff-${kind}`;
}

// helpers

function shown(value: unknown): string {
  if (value === undefined || value === null) return '（无）';
  if (typeof value === 'object') return (value as { id?: string; $type?: string }).id ?? (value as { $type?: string }).$type ?? '…';
  return String(value);
}
