import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { Alert, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import './ProcessDiagram.css';

// The process diagram with the steps done and the steps open now. Loaded on demand (React.lazy): bpmn-js is large
// and only pages that show a diagram should download it.

type Canvas = { zoom(level: 'fit-viewport', center?: 'auto'): void; addMarker(id: string, marker: string): void };
type Registry = { get(id: string): { businessObject?: { name?: string } } | undefined; getAll(): unknown[] };

export interface ProcessDiagramProps {
  xml: string;
  activeIds: readonly string[];
  completedIds: readonly string[];
}

/** A read-only, navigable BPMN diagram; `current-step` and `completed-step` mark its elements. */
export default function ProcessDiagram({ xml, activeIds, completedIds }: ProcessDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ready'; current: string[]; empty: boolean } | { kind: 'failed' }>({ kind: 'loading' });
  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let live = true;
    setState({ kind: 'loading' });
    viewer.importXML(xml).then(() => {
      if (!live) return;
      const canvas = viewer.get('canvas') as Canvas;
      const registry = viewer.get('elementRegistry') as Registry;
      const mark = (ids: readonly string[], marker: string) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
      mark(completedIds, 'completed-step');
      mark(activeIds, 'current-step');
      canvas.zoom('fit-viewport', 'auto');
      const current = activeIds.map((id) => registry.get(id)?.businessObject?.name).filter((name): name is string => !!name);
      // The root element alone: the model carries no diagram layout.
      setState({ kind: 'ready', current, empty: registry.getAll().length <= 1 });
    }, () => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
      viewer.destroy();
    };
  }, [xml, activeIds, completedIds]);
  return (
    <figure className="process-diagram" style={{ margin: 0 }} aria-label="流程图">
      {state.kind === 'failed' && <Alert type="warning" showIcon title="流程图无法显示，请稍后刷新页面；任务仍可正常办理。" />}
      {state.kind === 'ready' && state.empty && <Alert type="info" showIcon title="该流程模型没有图形布局，无法绘制流程图。" />}
      <div ref={container} className="process-diagram-canvas" aria-busy={state.kind === 'loading'} />
      <figcaption>
        <Typography.Text>
          当前步骤：{state.kind === 'ready' && state.current.length ? state.current.join('、') : '—'}
        </Typography.Text>
        <Typography.Text type="secondary">（图中蓝色粗框为当前步骤，绿色框为已完成的步骤；可拖动、滚轮缩放）</Typography.Text>
      </figcaption>
    </figure>
  );
}
