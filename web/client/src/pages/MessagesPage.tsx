import { Badge, Button, Empty, List, Space, Tabs, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { messageList } from '../../../server/schemas/messages.js';
import { LoadError } from '../components/dashboard/LoadError.js';
import { useRemote } from '../components/dashboard/use-remote.js';
import { SentLetters } from '../components/messages/SentLetters.js';
import { useSession } from '../session.js';
import { beijingTime } from '../tasks.js';

// The roles that write letters (routes/letters.ts): they also see what they sent.
const writers: readonly string[] = ['province-officer', 'city-reviewer'];

/** 消息: the account's inbox, unread marked; writers also see 已发送. Opening a message marks it read. */
export function MessagesPage() {
  const { account } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const remote = useRemote('/api/messages', messageList);
  const writer = account !== null && account !== undefined && writers.includes(account.role);
  const unread = remote.data?.filter((m) => !m.read).length ?? 0;

  const inbox = remote.error && !remote.data
    ? <LoadError what="消息" error={remote.error} onRetry={() => void remote.reload()} />
    : (
      <List
        aria-busy={remote.loading}
        loading={remote.loading && !remote.data}
        dataSource={remote.data ?? []}
        locale={{ emptyText: <Empty description="暂无消息" /> }}
        renderItem={(message) => (
          <List.Item actions={[<Link key="open" to={`/messages/${message.id}`} aria-label={`查看：${message.title}`}>查看</Link>]}>
            <List.Item.Meta
              title={(
                <Space wrap>
                  {!message.read && <Badge status="error" text={<Typography.Text strong>未读</Typography.Text>} />}
                  <Link to={`/messages/${message.id}`} style={{ fontWeight: message.read ? 400 : 600 }}>{message.title}</Link>
                </Space>
              )}
              description={`${message.author} · ${beijingTime(message.createdAt)}${message.attachments.length ? ` · 附件 ${message.attachments.length} 个` : ''}`}
            />
          </List.Item>
        )}
      />
    );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>消息</Typography.Title>
        {writer && <Button type="primary" onClick={() => navigate('/messages/new')}>写信</Button>}
      </Space>
      {writer ? (
        <Tabs activeKey={params.get('tab') === 'sent' ? 'sent' : 'inbox'} onChange={(key) => setParams(key === 'sent' ? { tab: 'sent' } : {})}
          items={[
            { key: 'inbox', label: unread ? `收件箱（${unread} 条未读）` : '收件箱', children: inbox },
            { key: 'sent', label: '已发送', children: <SentLetters /> },
          ]} />
      ) : inbox}
    </Space>
  );
}
