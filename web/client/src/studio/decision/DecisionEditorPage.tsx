import { Segmented } from 'antd';
import camundaDmnModdle from 'camunda-dmn-moddle/resources/camunda.json';
import 'dmn-js/dist/assets/diagram-js.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-drd.css';
import 'dmn-js/dist/assets/dmn-js-literal-expression.css';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import DmnModeler, { type DmnView, type DmnViewer } from 'dmn-js/lib/Modeler';
import { useCallback, useRef, useState } from 'react';
import { useDebounced } from '../../use-debounced.js';
import { useParams } from 'react-router';
import { chineseTranslateModule } from '../shared/chinese-translate.js';
import { EditorFrame } from '../shared/EditorFrame.js';
import { lintContent } from '../shared/lint.js';
import { ProblemsPanel } from '../shared/ProblemsPanel.js';
import { useModelDocument } from '../shared/use-model-document.js';
import { useModelEditor } from '../shared/use-model-editor.js';
import type { Problem } from '../studio-api.js';
import { codedValuesOf, type CodedValue } from './coded-values.js';
import { CodedValuesCard } from './CodedValuesCard.js';

const LINT_DELAY_MS = 800;

/** The rule editor: dmn-js opened on the decision table (a file with several decisions offers a switch). */
export default function DecisionEditorPage() {
  const { key = '' } = useParams();
  const model = useModelDocument('decision', key);
  const containerRef = useRef<HTMLDivElement>(null);
  const [dirty, setDirty] = useState(false);
  const [views, setViews] = useState<DmnView[]>([]);
  const [active, setActive] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [codedValues, setCodedValues] = useState<CodedValue[]>([]);

  const lint = useCallback(async (instance: DmnModeler) => {
    try {
      const { xml } = await instance.saveXML();
      setCodedValues(codedValuesOf(xml));
      setProblems(await lintContent('decision', xml));
    } catch {
      // A lint that cannot run leaves the last findings; the server checks again on save and deploy.
    }
  }, []);
  const lintLater = useDebounced(lint, LINT_DELAY_MS);

  const { editor: modeler, importing, importError } = useModelEditor(model, {
    create: () => {
      // dmn-js reads the moddle extensions at the top level and each view's modules from its own options.
      const translated = { additionalModules: [chineseTranslateModule] };
      const instance = new DmnModeler({
        container: containerRef.current!,
        moddleExtensions: { camunda: camundaDmnModdle },
        drd: translated,
        decisionTable: translated,
        literalExpression: translated,
        boxedExpression: translated,
      });
      // Each view (the DRD, each table) has its own command stack: listen to every viewer that opens.
      const watched = new WeakSet<DmnViewer>();
      instance.on('views.changed', (event) => {
        const { views: all, activeView } = event as { views: DmnView[]; activeView?: DmnView };
        setViews(all.filter((view) => view.type !== 'drd'));
        setActive(activeView?.element.id);
        const viewer = instance.getActiveViewer();
        if (!viewer || watched.has(viewer)) return;
        watched.add(viewer);
        viewer.on('commandStack.changed', (change) => {
          if ((change as { trigger?: string }).trigger === 'clear') return;
          setDirty(true);
          lintLater.schedule(instance);
        });
      });
      return { editor: instance, stop: lintLater.cancel };
    },
    failure: '决策表无法打开',
    importContent: async (instance, content) => {
      await instance.importXML(content);
      const table = instance.getViews().find((view) => view.type === 'decisionTable');
      if (table && instance.getActiveView()?.type !== 'decisionTable') await instance.open(table);
    },
    imported: async (instance) => {
      setDirty(false);
      await lint(instance);
    },
  });

  return (
    <EditorFrame kind="decision" model={model} dirty={dirty}
      getContent={async () => (await modeler!.saveXML({ format: true })).xml}
      onSaved={(saved) => {
        setDirty(false);
        setProblems(saved.problems);
      }}>
      {importError && <ProblemsPanel title="无法打开" model={`decision:${key}`} problems={[{ rule: '', elementId: '', message: importError, category: 'error' }]} />}
      {views.length > 1 && (
        <Segmented aria-label="决策" value={active} options={views.map((view) => ({ value: view.element.id, label: view.element.name ?? view.element.id }))}
          onChange={(id) => {
            const view = views.find((candidate) => candidate.element.id === id);
            if (view) void modeler?.open(view);
          }} />
      )}
      <section className="studio-decision-editor" ref={containerRef} aria-label="决策表" aria-busy={importing && !model.error} />
      <CodedValuesCard values={codedValues} />
      <ProblemsPanel title="检查结果" model={`decision:${key}`} problems={problems} />
    </EditorFrame>
  );
}
