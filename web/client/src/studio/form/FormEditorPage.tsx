import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js-editor/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/properties-panel.css';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { useCallback, useRef, useState } from 'react';
import { useDebounced } from '../../use-debounced.js';
import { useParams } from 'react-router';
import { keepComponentStringsChinese } from '../../form-js/chinese-component-strings.js';
import { EditorFrame } from '../shared/EditorFrame.js';
import { ProblemsPanel } from '../shared/ProblemsPanel.js';
import { lintContent } from '../shared/lint.js';
import { useModelDocument } from '../shared/use-model-document.js';
import { useModelEditor } from '../shared/use-model-editor.js';
import type { Problem } from '../studio-api.js';
import { chineseFormEditorModule, keepFormEditorChinese } from './chinese-form-editor.js';
import { FormPreview } from './FormPreview.js';

const CHECK_DELAY_MS = 800;

type Schema = Record<string, unknown>;

/** The form editor: form-js's editor, a live preview, the form linter, save and versions. */
export default function FormEditorPage() {
  const { key = '' } = useParams();
  const model = useModelDocument('form', key);
  const containerRef = useRef<HTMLDivElement>(null);
  const [dirty, setDirty] = useState(false);
  const [schema, setSchema] = useState<Schema>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const check = useCallback(async (instance: FormEditor) => {
    const current = instance.saveSchema() as Schema;
    setSchema(current);
    setProblems(await lintContent('form', JSON.stringify(current)));
  }, []);
  const checkLater = useDebounced(check, CHECK_DELAY_MS);

  const { editor, importing, importError } = useModelEditor(model, {
    create: () => {
      const stopTranslating = keepFormEditorChinese(containerRef.current!);
      const stopTranslatingComponents = keepComponentStringsChinese(containerRef.current!); // the fields on the canvas
      const instance = new FormEditor({ container: containerRef.current!, additionalModules: [chineseFormEditorModule] } as ConstructorParameters<typeof FormEditor>[0]);
      instance.on('commandStack.changed', (event: { trigger?: string }) => {
        if (event.trigger === 'clear') return;
        setDirty(true);
        checkLater.schedule(instance);
      });
      const stop = () => {
        checkLater.cancel();
        stopTranslating();
        stopTranslatingComponents();
      };
      return { editor: instance, stop };
    },
    failure: '表单无法打开',
    // form-js reads the file's JSON as it is (its own keys, in their order); the lint names its shape problems.
    importContent: (instance, content) => instance.importSchema(JSON.parse(content)),
    imported: async (instance) => {
      setDirty(false);
      await check(instance);
    },
  });

  const select = (componentId: string) => {
    const field = editor?.get<{ get(id: string): unknown }>('formFieldRegistry').get(componentId);
    if (field) editor!.get<{ set(field: unknown): void }>('selection').set(field);
  };

  return (
    <EditorFrame kind="form" model={model} dirty={dirty}
      getContent={async () => `${JSON.stringify(editor!.saveSchema(), null, 2)}\n`}
      onSaved={(saved) => {
        setDirty(false);
        setProblems(saved.problems);
      }}>
      {importError && <ProblemsPanel title="无法打开" model={`form:${key}`} problems={[{ rule: '', elementId: '', message: importError, category: 'error' }]} />}
      <section className="studio-form-editor" ref={containerRef} aria-label="表单设计" aria-busy={importing && !model.error} />
      <ProblemsPanel title="检查结果" model={`form:${key}`} problems={problems} onSelect={select} />
      <FormPreview schema={schema} />
    </EditorFrame>
  );
}
