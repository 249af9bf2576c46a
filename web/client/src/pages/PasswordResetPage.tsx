import { Alert, Button, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { noContent } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { PublicCard } from '../components/registrations/PublicCard.js';

/** The mailed reset link: the new password twice; every session of the account ends. */
export function PasswordResetPage() {
  const { token = '' } = useParams();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (done) return <PublicCard title="设置新密码" width={400}><Result status="success" title="密码已重置" subTitle="请使用新密码登录；其他设备上的登录已全部退出。" extra={<Link to="/login">去登录</Link>} /></PublicCard>;
  return (
    <PublicCard title="设置新密码" width={400}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
      <Form layout="vertical" requiredMark={false} onFinish={async (values: { newPassword: string }) => {
        setBusy(true);
        setError(undefined);
        try {
          await api('POST', '/api/password-reset/confirmation', noContent, { token, newPassword: values.newPassword });
          setDone(true);
        } catch (caught) {
          setError(fieldsOf(caught)[0]?.message ?? messageOf(caught));
        } finally {
          setBusy(false);
        }
      }}>
        <Form.Item label="新密码（至少 10 个字符）" name="newPassword" rules={[{ required: true, min: 10, message: '新密码至少 10 个字符' }]}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item label="再次输入新密码" name="confirm" dependencies={['newPassword']} rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))) }),
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>设置新密码</Button>
      </Form>
    </PublicCard>
  );
}
