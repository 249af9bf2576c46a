import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The frame of the pages one opens without signing in (register, confirm, reset): a titled card on grey. */
export function PublicCard({ title, width = 480, children }: { title: string; width?: number; children: ReactNode }) {
  return (
    <main style={{ display: 'grid', placeItems: 'center', minHeight: '100vh', background: '#f0f2f5', padding: 24 }}>
      <Card style={{ width, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>{title}</Typography.Title>
        {children}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}><Link to="/login">返回登录</Link></Typography.Paragraph>
      </Card>
    </main>
  );
}
