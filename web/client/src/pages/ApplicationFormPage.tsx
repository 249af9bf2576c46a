import { Form as FormJs } from '@bpmn-io/form-js-viewer';
import '@bpmn-io/form-js-viewer/dist/assets/form-js.css';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, ApiError, type FieldError } from '../api.js';
import { uploadFiles } from '../uploads.js';

type Data = Record<string, unknown>;

/**
 * 填写申报材料: the category's deployed form-js form, autosaved as a draft. Files picked in the form are uploaded
 * first; the form data keeps only their references. The server checks everything again on submission.
 */
export function ApplicationFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<FormJs>(undefined);
  const stored = useRef<Data>({});
  const multipleKeys = useRef<Set<string>>(new Set());
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let disposed = false;
    api<{ form: object; data: Data }>('GET', `/api/applications/${id}/form`).then(async ({ form: schema, data }) => {
      if (disposed || !container.current) return;
      stored.current = data;
      multipleKeys.current = pickersAllowingSeveral(schema);
      const viewer = new FormJs({ container: container.current });
      // Attachment references cannot be shown by the file picker; they are kept aside and sent again unless replaced.
      await viewer.importSchema(schema, Object.fromEntries(Object.entries(data).filter(([, value]) => !isReference(value) && !isReferenceList(value))));
      form.current = viewer;
    }, (e: ApiError) => setMessage({ type: 'error', text: e.message }));
    return () => {
      disposed = true;
      form.current?.destroy();
    };
  }, [id]);

  /** The form's data with files uploaded, and whether form-js found fields to fix (it marks them itself). */
  async function collect(): Promise<{ data: Data; invalid: boolean } | undefined> {
    const result = form.current?.submit();
    if (!result) return undefined;
    const invalid = Object.keys(result.errors ?? {}).length > 0;
    const data: Data = { ...result.data };
    const uploaded = await uploadFiles(data, result.files as Map<string, File[]>, multipleKeys.current);
    for (const [key, value] of Object.entries(stored.current)) {
      if ((isReference(value) || isReferenceList(value)) && (uploaded[key] === undefined || uploaded[key] === null || uploaded[key] === '')) uploaded[key] = value;
    }
    return { data: uploaded, invalid };
  }

  async function saveDraft() {
    const collected = await collect();
    if (!collected) return;
    const { data } = collected; // a draft may be incomplete
    await api('PUT', `/api/applications/${id}/draft`, { data });
    stored.current = data;
    setMessage({ type: 'info', text: `草稿已保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）` });
  }

  async function submit() {
    setBusy(true);
    setProblems([]);
    try {
      const collected = await collect();
      if (!collected) return;
      const { data, invalid } = collected;
      await api('PUT', `/api/applications/${id}/draft`, { data });
      if (invalid) {
        setMessage({ type: 'error', text: '还有必填项未填写或格式不正确，请按表单中红色提示修改后再提交。草稿已保存。' });
        return;
      }
      await api('POST', `/api/applications/${id}/submit`, { data });
      navigate(`/applications/${id}`);
    } catch (caught) {
      const error = caught as ApiError;
      setProblems(error.fields ?? []);
      setMessage({ type: 'error', text: error.fields?.length ? '还有以下内容需要修改后才能提交：' : error.message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>填写申报材料</Typography.Title>
      {message && (
        <Alert type={message.type} showIcon message={message.text}
          description={problems.length ? <ul style={{ margin: 0 }}>{problems.map((p) => <li key={p.path}>{p.path.replace(/^data\./, '')}：{p.message}</li>)}</ul> : undefined} />
      )}
      <Card><div ref={container} /></Card>
      <Space>
        <Button onClick={() => saveDraft().catch((e: ApiError) => setMessage({ type: 'error', text: e.message }))}>保存草稿</Button>
        <Button type="primary" loading={busy} onClick={submit}>提交申报</Button>
      </Space>
    </Space>
  );
}

function isReference(value: unknown): boolean {
  return !!value && typeof value === 'object' && 'sha256' in value && 'id' in value;
}

function isReferenceList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every(isReference);
}

function pickersAllowingSeveral(schema: object): Set<string> {
  const keys = new Set<string>();
  const walk = (components: { type?: string; key?: string; multiple?: boolean; components?: unknown[] }[] = []) => {
    for (const component of components) {
      if (component.type === 'filepicker' && component.multiple && component.key) keys.add(component.key);
      walk(component.components as typeof components);
    }
  };
  walk((schema as { components?: [] }).components);
  return keys;
}
