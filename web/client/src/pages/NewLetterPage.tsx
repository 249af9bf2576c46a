import { Alert, App, Button, Card, Form, Input, Radio, Select, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { letterRecipientsAnswer, letterSent, type LetterRequest } from '../../../server/schemas/letters.js';
import { api, fieldsOf, messageOf, type FieldError } from '../api.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { announceMessagesChanged } from '../components/messages/messages-changed.js';
import { uploadFile } from '../uploads.js';

interface LetterForm {
  scope: 'all' | 'chosen';
  chosen?: string[];
  title: string;
  body: string;
}

/** 写信: the province to all or chosen units, a unit to all or chosen of its enterprises; files go up on sending. */
export function NewLetterPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<LetterForm>();
  const remote = useRemote('/api/letters/recipients', letterRecipientsAnswer);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<{ title: string; fields: FieldError[] }>();
  const scope = Form.useWatch('scope', form);
  const audience = remote.data?.audience;
  const noun = audience === 'enterprises' ? '企业' : '单位';

  async function send(values: LetterForm) {
    if (!audience) return;
    setSending(true);
    setProblems(undefined);
    try {
      const attachments = [];
      for (const file of files) if (file.originFileObj) attachments.push(await uploadFile(file.originFileObj));
      const letter: LetterRequest = { audience, recipients: values.scope === 'all' ? 'all' : values.chosen ?? [], title: values.title, body: values.body, attachments };
      const sent = await api('POST', '/api/letters', letterSent, letter);
      message.success(`已发送给 ${sent.recipients} 个${noun}`);
      announceMessagesChanged();
      navigate('/messages?tab=sent');
    } catch (e) {
      setProblems({ title: `发送失败：${messageOf(e)}`, fields: fieldsOf(e) });
    } finally {
      setSending(false);
    }
  }

  if (remote.error && !remote.data) return <LoadError what="收信对象" error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} aria-busy={remote.loading || sending}>
      <Link to="/messages">返回消息列表</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>写信</Typography.Title>
      {problems && (
        <Alert type="error" showIcon title={problems.title} closable onClose={() => setProblems(undefined)}
          description={problems.fields.length ? <ul style={{ margin: 0 }}>{problems.fields.map((f, i) => <li key={`${f.path}-${i}`}>{f.message}</li>)}</ul> : undefined} />
      )}
      <Card>
        <Form form={form} layout="vertical" initialValues={{ scope: 'all' }} onFinish={(values) => void send(values)} disabled={!audience} style={{ maxWidth: 800 }}>
          <Form.Item label="收信对象" name="scope">
            <Radio.Group options={[{ value: 'all', label: `全部${noun}` }, { value: 'chosen', label: `选择${noun}` }]} />
          </Form.Item>
          {scope === 'chosen' && (
            <Form.Item label={`收信${noun}`} name="chosen" rules={[{ required: true, message: `请至少选择一个${noun}` }]}>
              <Select mode="multiple" allowClear showSearch optionFilterProp="label" placeholder={`请选择${noun}`} loading={remote.loading}
                options={(remote.data?.recipients ?? []).map((r) => ({ value: r.id, label: audience === 'enterprises' ? `${r.name}（${r.id}）` : r.name }))} />
            </Form.Item>
          )}
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 100, message: '标题不能超过100个字' }]}>
            <Input maxLength={100} showCount />
          </Form.Item>
          <Form.Item label="正文" name="body" rules={[{ required: true, whitespace: true, message: '请填写正文' }, { max: 5000, message: '正文不能超过5000个字' }]}>
            <Input.TextArea rows={8} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item label="附件" htmlFor="letter-attachments" extra="可选，最多10个，发送时上传（PDF、Word、Excel、图片等）">
            <Upload id="letter-attachments" multiple maxCount={10} beforeUpload={() => false} fileList={files} onChange={({ fileList }) => setFiles(fileList)}>
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={sending}>发送</Button>
        </Form>
      </Card>
    </Space>
  );
}
