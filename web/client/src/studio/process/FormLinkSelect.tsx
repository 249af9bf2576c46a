import { Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { studioApi, type FormSummary } from '../studio-api.js';
import { canLinkForm, linkForm, type DiagramElement, type ProcessModeler } from './process-modeler.js';

interface Props {
  modeler: ProcessModeler | undefined;
  element: DiagramElement | undefined;
  /** Changes whenever the model changes, so the shown link follows undo and the properties panel. */
  revision: number;
}

/** 关联表单: links one of the studio's forms to the selected user task or start event (deployment binding). */
export function FormLinkSelect({ modeler, element }: Props) {
  const [forms, setForms] = useState<FormSummary[]>();
  useEffect(() => {
    studioApi.forms().then(setForms, () => setForms([]));
  }, []);
  if (!modeler || !canLinkForm(element)) return null;
  const current = element.businessObject.get('camunda:formRef');
  const value = typeof current === 'string' && current ? current : undefined;
  return (
    <Space orientation="vertical" size={4} className="studio-form-link">
      <label htmlFor="studio-form-link">关联表单</label>
      <Select id="studio-form-link" allowClear placeholder="选择已有的表单" value={value} loading={forms === undefined} style={{ width: '100%' }}
        showSearch={{ optionFilterProp: 'label' }}
        options={[...(forms ?? []).map((form) => ({ value: form.key, label: `${form.name}（${form.key}）` })),
          ...(value && forms && !forms.some((form) => form.key === value) ? [{ value, label: `${value}（设计器中没有此表单）` }] : [])]}
        onChange={(key: string | undefined) => linkForm(modeler, element, key)} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        与流程一同部署（formRefBinding = deployment）。{value && <Link to={`/studio/form/${encodeURIComponent(value)}`} target="_blank">在新窗口打开表单</Link>}
      </Typography.Text>
    </Space>
  );
}
