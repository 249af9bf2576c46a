import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { applicationForm, correctionRequest, type CorrectionRequest } from '../../../server/schemas/applications.js';
import { deployedFormJson, noContent } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { DeployedForm, type DeployedFormHandle } from '../components/DeployedForm.js';
import { ProblemList } from '../components/ProblemList.js';

// The enterprise's own USCC: the server takes no other, so it is shown, not typed.
const READONLY_KEYS = ['uscc'];
// The application's form is rendered: it must be a form-js schema object.
const formToCorrect = applicationForm.extend({ form: deployedFormJson });

/** 补正材料: the request with its due date, the application to correct, and what was corrected. */
export function CorrectionPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const form = useRef<DeployedFormHandle>(null);
  const [request, setRequest] = useState<CorrectionRequest>();
  const [application, setApplication] = useState<z.infer<typeof formToCorrect>>();
  const [response, setResponse] = useState('');
  const [error, setError] = useState<string>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const fail = (e: unknown) => setError(messageOf(e));
    api('GET', `/api/applications/${id}/correction`, correctionRequest).then(setRequest, fail);
    api('GET', `/api/applications/${id}/form`, formToCorrect).then(setApplication, fail);
  }, [id]);

  // Stable across renders, so the form is not imported again when the page re-renders.
  const context = useMemo(() => application && { directionOptions: application.directionOptions }, [application]);
  const fieldNotes = useMemo(() => request?.fieldComments.map((c) => ({ key: c.field, text: c.comment })), [request]);

  async function submit() {
    setBusy(true);
    setProblems([]);
    try {
      const collected = await form.current?.collect();
      if (!collected) return;
      if (collected.invalid) {
        setError('请按表单中红色提示修改后再提交。');
        return;
      }
      await api('POST', `/api/applications/${id}/correction`, noContent, { data: collected.data, correctionResponse: response });
      navigate(`/applications/${id}`);
    } catch (caught) {
      const fields = fieldsOf(caught);
      setError(fields.length ? '还有以下内容需要修改：' : messageOf(caught));
      setProblems(fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>补正材料</Typography.Title>
      {request && (
        <Alert type="warning" showIcon message="补正要求"
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{request.request}{request.dueDate && `\n请于 ${new Date(request.dueDate).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 前完成补正，逾期视为撤回申报。`}</div>} />
      )}
      {error && <Alert type="error" showIcon message={error} description={<ProblemList problems={problems} />} />}
      <Card title="申报材料（请按要求修改）">{application && request && <DeployedForm ref={form} readonlyKeys={READONLY_KEYS} schema={application.form} data={application.data} context={context} fieldNotes={fieldNotes} onReady={() => setReady(true)} />}</Card>
      <Card title="补正说明">
        <label htmlFor="correction-response">请说明补正了哪些内容（必填）</label>
        <Input.TextArea id="correction-response" rows={3} maxLength={2000} showCount value={response} onChange={(e) => setResponse(e.target.value)} />
      </Card>
      <Button type="primary" loading={busy} disabled={!ready || !response.trim()} onClick={submit}>提交补正</Button>
    </Space>
  );
}
