import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { NewPasswordFields } from '../components/NewPasswordFields.js';

/** 修改密码: the current password, then the new one twice; other sessions of the account end. */
export function ChangePasswordPage() {
  const [form] = Form.useForm();
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Card style={{ maxWidth: 480 }} title={<Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>修改密码</Typography.Title>}>
      {result && <Alert type={result.type} showIcon message={result.text} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={async (values: { currentPassword: string; newPassword: string }) => {
        setBusy(true);
        try {
          await api('POST', '/api/session/password', noContent, { currentPassword: values.currentPassword, newPassword: values.newPassword });
          form.resetFields();
          setResult({ type: 'success', text: '密码已修改；该账户在其他设备上的登录已退出。' });
        } catch (caught) {
          setResult({ type: 'error', text: fieldsOf(caught)[0]?.message ?? messageOf(caught) });
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item label="原密码" name="currentPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields name="newPassword" what="新密码" />
        <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
      </Form>
    </Card>
  );
}
