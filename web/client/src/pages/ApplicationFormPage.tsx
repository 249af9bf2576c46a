import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { applicationForm, applicationView } from '../../../server/schemas/applications.js';
import { deployedFormJson } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { DeployedForm, type DeployedFormHandle } from '../components/DeployedForm.js';
import { ProblemList } from '../components/ProblemList.js';
import { useDebounced } from '../use-debounced.js';

// The enterprise's own USCC: the server takes no other, so it is shown, not typed.
const READONLY_KEYS = ['uscc'];

const AUTOSAVE_DELAY_MS = 5_000;
// The draft's form is rendered: it must be a form-js schema object.
const draftForm = applicationForm.extend({ form: deployedFormJson });

/** 填写申报材料: the category's deployed form, saved as a draft and resumed; the server checks everything on submit. */
export function ApplicationFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const form = useRef<DeployedFormHandle>(null);
  const [loaded, setLoaded] = useState<z.infer<typeof draftForm>>();
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; text: string }>();
  const [busy, setBusy] = useState(false);
  const [ready, setReady] = useState(false);
  // The call's direction choices on this category, for the form's direction select (its `valuesKey`).
  const context = useMemo(() => loaded && { directionOptions: loaded.directionOptions }, [loaded]);
  // Saves a while after the last edit, so a closed tab or a lost connection costs at most that while of typing; a
  // failed autosave says nothing: the person still has the buttons, which report errors.
  const autosave = useDebounced(async () => {
    const data = form.current?.draft();
    if (!data) return;
    const saved = await api('PUT', `/api/applications/${id}/draft`, applicationView, { data }).then(() => true, () => false);
    if (saved) setMessage((shown) => shown?.type === 'error' ? shown : { type: 'info', text: `已自动保存草稿（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）。选择的附件在点击“保存草稿”或“提交申报”时上传。` });
  }, AUTOSAVE_DELAY_MS);
  useEffect(() => {
    api('GET', `/api/applications/${id}/form`, draftForm).then(setLoaded, (e) => setMessage({ type: 'error', text: messageOf(e) }));
  }, [id]);

  async function save(andSubmit: boolean) {
    autosave.cancel();
    setBusy(true);
    setProblems([]);
    try {
      const collected = await form.current?.collect();
      if (!collected) return;
      await api('PUT', `/api/applications/${id}/draft`, applicationView, { data: collected.data }); // a draft may be incomplete
      if (!andSubmit) {
        setMessage({ type: 'info', text: `草稿已保存（${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）` });
        return;
      }
      if (collected.invalid) {
        setMessage({ type: 'error', text: '还有必填项未填写或格式不正确，请按表单中红色提示修改后再提交。草稿已保存。' });
        return;
      }
      await api('POST', `/api/applications/${id}/submit`, applicationView, { data: collected.data });
      navigate(`/applications/${id}`);
    } catch (caught) {
      const fields = fieldsOf(caught);
      setProblems(fields);
      setMessage({ type: 'error', text: fields.length ? '还有以下内容需要修改后才能提交：' : messageOf(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>填写申报材料</Typography.Title>
      {message && <Alert type={message.type} showIcon message={message.text} description={<ProblemList problems={problems} />} />}
      <Card>{loaded && <DeployedForm ref={form} readonlyKeys={READONLY_KEYS} schema={loaded.form} data={loaded.data} context={context} onReady={() => setReady(true)} onEdit={autosave.schedule} />}</Card>
      <Space>
        <Button disabled={busy || !ready} onClick={() => save(false)}>保存草稿</Button>
        <Button type="primary" loading={busy} disabled={!ready} onClick={() => save(true)}>提交申报</Button>
      </Space>
    </Space>
  );
}

