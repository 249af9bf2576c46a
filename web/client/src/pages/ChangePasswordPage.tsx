import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf } from '../api.js';

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
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, { min: 10, message: '新密码至少 10 个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item label="再次输入新密码" name="confirm" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>修改密码</Button>
      </Form>
    </Card>
  );
}
