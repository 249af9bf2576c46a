import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/diagram-js.css';
import { Alert, Spin, Table, Tag } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { diff } from 'bpmn-js-differ';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { useEffect, useRef, useState } from 'react';
import { messageOf, studioApi } from '../studio-api.js';
import { changeLabels, elementChanges, markerOf, type ElementChange } from './visual-changes.js';

type Viewer = NavigatedViewer & {
  getDefinitions(): object;
  get(name: 'canvas'): { addMarker(id: string, marker: string): void; zoom(level: 'fit-viewport'): number };
  get(name: 'elementRegistry'): { get(id: string): unknown };
};

/** Two process versions side by side, what was removed, added, changed or moved marked in colour, and a list. */
export function VisualDiff({ olderId, newerId }: { olderId: string; newerId: string }) {
  const olderRef = useRef<HTMLDivElement>(null);
  const newerRef = useRef<HTMLDivElement>(null);
  const [changes, setChanges] = useState<ElementChange[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const viewers = [olderRef, newerRef].map((ref) => new NavigatedViewer({ container: ref.current!, moddleExtensions: { camunda: camundaModdle } }) as Viewer);
    const [older, newer] = viewers as [Viewer, Viewer];
    let live = true;
    void (async () => {
      try {
        const [a, b] = await Promise.all([studioApi.version(olderId), studioApi.version(newerId)]);
        await older.importXML(a.content);
        await newer.importXML(b.content);
        if (!live) return;
        const found = elementChanges(diff(older.getDefinitions(), newer.getDefinitions()));
        for (const change of found) {
          for (const viewer of change.kind === 'removed' ? [older] : change.kind === 'added' ? [newer] : [older, newer]) {
            if (viewer.get('elementRegistry').get(change.id)) viewer.get('canvas').addMarker(change.id, markerOf(change.kind));
          }
        }
        older.get('canvas').zoom('fit-viewport');
        newer.get('canvas').zoom('fit-viewport');
        setChanges(found);
      } catch (caught) {
        if (live) setError(caught instanceof Error && !('status' in caught) ? caught.message : messageOf(caught));
      }
    })();
    return () => {
      live = false;
      for (const viewer of viewers) viewer.destroy();
    };
  }, [olderId, newerId]);
  return (
    <div className="studio-visual-diff" aria-busy={changes === undefined && !error}>
      {error && <Alert type="error" showIcon message={error} />}
      <div className="studio-diff-legend" aria-label="图例">
        {(['removed', 'added', 'changed', 'layout'] as const).map((kind) => <span key={kind} className={`studio-legend ${markerOf(kind)}`}>{changeLabels[kind]}</span>)}
      </div>
      <div className="studio-diff-panes">
        <section aria-label="较早的版本"><h2>较早的版本</h2><div ref={olderRef} className="studio-diff-canvas" /></section>
        <section aria-label="较新的版本"><h2>较新的版本</h2><div ref={newerRef} className="studio-diff-canvas" /></section>
      </div>
      {changes === undefined && !error ? <Spin /> : (
        <Table<ElementChange> rowKey={(change) => `${change.kind}:${change.id}`} size="small" dataSource={changes} pagination={false}
          locale={{ emptyText: '两个版本的流程没有差别。' }}
          columns={[
            { title: '变化', dataIndex: 'kind', render: (kind: ElementChange['kind']) => <Tag className={markerOf(kind)}>{changeLabels[kind]}</Tag> },
            { title: '元素', render: (_, change) => `${change.name ?? ''}（${change.id}）` },
            { title: '类型', dataIndex: 'type' },
            { title: '修改的属性', render: (_, change) => change.attributes.map((a) => `${a.name}：${a.oldValue} → ${a.newValue}`).join('；') },
          ]} />
      )}
    </div>
  );
}
