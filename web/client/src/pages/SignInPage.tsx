import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../api.js';
import { useSession } from '../session.js';

/** 登录: user name and password; the server rate-limits attempts and says only "wrong name or password". */
export function SignInPage() {
  const { account, signIn } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (account) return <Navigate to="/" replace />;
  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>河北省工业互联网重点项目管理平台</Typography.Title>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" requiredMark={false} onFinish={async (values: { username: string; password: string }) => {
          setBusy(true);
          setError(undefined);
          try {
            await signIn(values.username, values.password);
            navigate('/');
          } catch (caught) {
            setError(caught instanceof ApiError ? caught.message : '登录失败，请稍后重试。');
          } finally {
            setBusy(false);
          }
        }}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>登录</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, display: 'flex', justifyContent: 'space-between' }}>
          <Link to="/register">注册企业账号</Link>
          <Link to="/password-reset">忘记密码</Link>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
