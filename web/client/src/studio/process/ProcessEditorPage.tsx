import { App, Button, Tooltip } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { useDebounced } from '../../use-debounced.js';
import { useParams } from 'react-router';
import { EditorFrame } from '../shared/EditorFrame.js';
import { ProblemsPanel } from '../shared/ProblemsPanel.js';
import { lintContent } from '../shared/lint.js';
import { useModelDocument } from '../shared/use-model-document.js';
import { useModelEditor } from '../shared/use-model-editor.js';
import { messageOf, problemsOfRefusal, studioApi, type Problem } from '../studio-api.js';
import { DeployDialog } from './DeployDialog.js';
import { FormLinkSelect } from './FormLinkSelect.js';
import { markProblems, showElement } from './lint-markers.js';
import { createProcessModeler, type DiagramElement, type ProcessModeler } from './process-modeler.js';
import { referencedModels, type ReferencedModel } from './referenced-models.js';
import { VisualDiff } from './VisualDiff.js';

const LINT_DELAY_MS = 600;

/** The process editor: bpmn-js with the Camunda 7 properties panel, lint while editing, save, deploy, versions. */
export default function ProcessEditorPage() {
  const { key = '' } = useParams();
  const { message } = App.useApp();
  const model = useModelDocument('process', key);
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  // What bpmn-js could not place while importing (unknown attributes, diagram elements without a model element).
  const [importWarnings, setImportWarnings] = useState<Problem[]>();
  const [dirty, setDirty] = useState(false);
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<DiagramElement>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [refusal, setRefusal] = useState<Problem[]>();
  const [deploy, setDeploy] = useState<ReferencedModel[]>();

  const lint = useCallback(async (instance: ProcessModeler) => {
    try {
      const { xml } = await instance.saveXML();
      const found = await lintContent('process', xml ?? '');
      setProblems(found);
      markProblems(instance, found);
    } catch {
      // A lint that cannot run leaves the last findings; the server checks again on save and deploy.
    }
  }, []);
  const lintLater = useDebounced(lint, LINT_DELAY_MS);

  const { editor: modeler, importing, importError } = useModelEditor(model, {
    create: () => {
      const instance = createProcessModeler(canvasRef.current!, panelRef.current!);
      instance.on('commandStack.changed', (event: { trigger?: string }) => {
        if (event.trigger === 'clear') return;
        setDirty(true);
        setRevision((count) => count + 1);
        lintLater.schedule(instance);
      });
      instance.on('selection.changed', (event: { newSelection: DiagramElement[] }) => {
        setSelected(event.newSelection.length === 1 ? event.newSelection[0] : undefined);
      });
      instance.on('elementTemplates.errors', (event: { errors: Error[] }) => {
        message.warning(`有 ${event.errors.length} 个元素模板无法使用：${event.errors.map((error) => error.message).join('；')}`);
      });
      studioApi.elementTemplates().then((templates) => instance.get('elementTemplatesLoader').setTemplates(templates), () => undefined);
      return { editor: instance, stop: lintLater.cancel };
    },
    failure: '流程图无法打开',
    importContent: (instance, content) => {
      setImportWarnings(undefined);
      return instance.importXML(content);
    },
    imported: (instance, { warnings }) => {
      setImportWarnings(warnings.map((warning) => importWarning(warning)));
      instance.get('canvas').zoom('fit-viewport');
      setDirty(false);
      setRefusal(undefined);
      void lint(instance);
    },
  });

  const select = (elementId: string) => {
    if (modeler && !showElement(modeler, elementId)) message.info(`流程图中没有元素 ${elementId}`);
  };
  const describe = (elementId: string) => {
    const element = modeler?.get('elementRegistry').get(elementId);
    return element ? `${element.businessObject.name ?? ''}（${elementId}）`.replace(/^（(.*)）$/, '$1') : undefined;
  };

  return (
    <EditorFrame kind="process" model={model} dirty={dirty}
      getContent={async () => (await modeler!.saveXML({ format: true })).xml ?? ''}
      onSaved={(saved) => {
        setDirty(false);
        setProblems(saved.problems);
        if (modeler) markProblems(modeler, saved.problems);
      }}
      actions={
        <Tooltip title={dirty ? '请先保存修改，再部署' : undefined}>
          <Button disabled={!model.version || dirty} onClick={async () => {
            const { xml } = await modeler!.saveXML();
            setDeploy(referencedModels(xml ?? '', await studioApi.models().catch(() => [])));
          }}>部署</Button>
        </Tooltip>
      }
      visualDiff={(olderId, newerId) => <VisualDiff olderId={olderId} newerId={newerId} />}>
      {importError && <ProblemsPanel title="无法打开" model={`process:${key}`} problems={[{ rule: '', elementId: '', message: importError, category: 'error' }]} />}
      <div className="studio-process">
        <section className="studio-canvas" ref={canvasRef} aria-label="流程图" aria-busy={importing && !model.error} data-import-warnings={importWarnings?.length} />
        <section className="studio-side" aria-label="属性">
          <FormLinkSelect modeler={modeler} element={selected} revision={revision} />
          <div ref={panelRef} className="studio-properties" />
        </section>
      </div>
      {importWarnings && importWarnings.length > 0 && <ProblemsPanel title="导入警告" model={`process:${key}`} problems={importWarnings} onSelect={select} describe={describe} />}
      {refusal && <ProblemsPanel title="部署被拒绝" model={`process:${key}`} problems={refusal} onSelect={select} describe={describe} />}
      <ProblemsPanel title="检查结果" model={`process:${key}`} problems={problems} onSelect={select} describe={describe} />
      {deploy && model.summary && model.version && (
        <DeployDialog open processName={model.summary.name} version={model.version.version} members={deploy} onClose={() => setDeploy(undefined)}
          onDeploy={async (comment) => {
            try {
              // The server deploys the latest saved version of every form and decision the process references.
              const deployed = await studioApi.deploy(model.version!.id, { comment });
              setRefusal(undefined);
              message.success(`已部署为引擎版本 ${deployed.processDefinitionVersion}`);
              void model.refreshSummary();
            } catch (caught) {
              setRefusal(problemsOfRefusal(caught));
              message.error(messageOf(caught));
            }
            setDeploy(undefined);
          }} />
      )}
    </EditorFrame>
  );
}

// helpers

/** A bpmn-js import warning as a problem the editor lists. */
function importWarning(warning: unknown): Problem {
  const { message, element } = warning as { message?: string; element?: { id?: string } };
  return { rule: 'import', elementId: element?.id ?? '', message: `流程图导入时的警告：${(message ?? String(warning)).split('\n')[0]}`, category: 'warn' };
}
