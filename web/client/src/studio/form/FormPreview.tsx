import { Form as FormViewer } from '@bpmn-io/form-js-viewer';
import { Card } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { chineseValidationMessages } from '../../form-js/chinese-validation-messages.js';

/** The form as applicants and reviewers will see it, rendered again whenever the edited schema changes. */
export function FormPreview({ schema }: { schema: object | undefined }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<FormViewer>(undefined);
  const [error, setError] = useState<string>();
  const [rendering, setRendering] = useState(true);
  useEffect(() => {
    const viewer = new FormViewer({ container: containerRef.current!, additionalModules: [chineseValidationMessages] } as ConstructorParameters<typeof FormViewer>[0]);
    viewerRef.current = viewer;
    return () => viewer.destroy();
  }, []);
  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || !schema) return;
    let live = true;
    setRendering(true);
    viewer.importSchema(schema).then(() => live && setError(undefined), (caught: unknown) => live && setError(`预览失败：${caught instanceof Error ? caught.message : String(caught)}`))
      .finally(() => live && setRendering(false));
    return () => {
      live = false;
    };
  }, [schema]);
  return (
    <Card size="small" title="实时预览">
      {error && <p role="alert">{error}</p>}
      <section ref={containerRef} aria-label="表单预览" aria-busy={rendering} className="studio-form-preview" />
    </Card>
  );
}
