import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { kindLabels, messageOf, studioApi } from '../studio-api.js';

/** Imports a file made with the desktop Camunda Modeler (or exported earlier) as a new version. */
export function ImportCard({ onImported }: { onImported(): void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ comment: string }>();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Card title="导入文件">
      <Form form={form} name="studio-import" layout="vertical" style={{ maxWidth: 640 }}
        onFinish={async ({ comment }) => {
          if (!file) return setError('请选择要导入的文件');
          setBusy(true);
          setError(undefined);
          try {
            const imported = await studioApi.importFile(file, comment.trim());
            message.success(`已导入为${kindLabels[imported.kind]}「${imported.key}」第 ${imported.version} 版`);
            form.resetFields();
            setFile(undefined);
            onImported();
            navigate(`/studio/${imported.kind}/${encodeURIComponent(imported.key)}`);
          } catch (caught) {
            setError(messageOf(caught));
          } finally {
            setBusy(false);
          }
        }}>
        <Form.Item label="文件（.bpmn、.form、.dmn，可用桌面版 Camunda Modeler 编辑）" required>
          <Upload accept=".bpmn,.form,.dmn" maxCount={1} fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => { setFile(picked); return false; }} onRemove={() => setFile(undefined)}>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="comment" label="说明" rules={[{ required: true, whitespace: true, message: '请填写说明' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {error && <Alert type="error" showIcon message={error} />}
          <Button type="primary" htmlType="submit" loading={busy}>导入</Button>
        </Space>
      </Form>
    </Card>
  );
}
