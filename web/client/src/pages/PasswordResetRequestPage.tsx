import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { noContent } from '../../../server/schemas/common.js';
import { api, messageOf } from '../api.js';
import { PublicCard } from '../components/registrations/PublicCard.js';

/** 忘记密码: asks for a reset link; the answer is the same whether the name exists or not. */
export function PasswordResetRequestPage() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  return (
    <PublicCard title="找回密码" width={400}>
      {sent && <Alert type="success" showIcon message="如该用户名存在且登记了电子邮箱，重置密码的链接已发送至该邮箱，1小时内有效。" style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" requiredMark={false} onFinish={async (values: { username: string }) => {
        setBusy(true);
        setError(undefined);
        try {
          await api('POST', '/api/password-reset', noContent, { username: values.username });
          setSent(true);
        } catch (caught) {
          setError(messageOf(caught));
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}><Input autoComplete="username" /></Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>发送重置链接</Button>
      </Form>
    </PublicCard>
  );
}
