import { Alert, Button, Form, Result } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { noContent } from '../../../server/schemas/common.js';
import { api, fieldsOf, messageOf } from '../api.js';
import { NewPasswordFields } from '../components/NewPasswordFields.js';
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
        <NewPasswordFields name="newPassword" what="新密码" label="新密码（至少 10 个字符）" />
        <Button type="primary" htmlType="submit" block loading={busy}>设置新密码</Button>
      </Form>
    </PublicCard>
  );
}
