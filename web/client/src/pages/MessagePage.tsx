import { Alert, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { noContent } from '../../../server/schemas/common.js';
import { messageView, type MessageView } from '../../../server/schemas/messages.js';
import { api, messageOf } from '../api.js';
import { MessageAttachments } from '../components/messages/MessageAttachments.js';
import { announceMessagesChanged } from '../components/messages/messages-changed.js';
import { beijingTime } from '../tasks.js';

/** One message: opening it marks it read for this account (not for its colleagues), and the badge counts again. */
export function MessagePage() {
  const { messageId } = useParams();
  const [message, setMessage] = useState<MessageView>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    setMessage(undefined);
    setError(undefined);
    api('GET', `/api/messages/${messageId}`, messageView).then(async (found) => {
      if (!current) return;
      setMessage(found);
      if (!found.read) {
        await api('POST', `/api/messages/${messageId}/read`, noContent);
        announceMessagesChanged();
      }
    }).catch((e: unknown) => current && setError(messageOf(e)));
    return () => {
      current = false;
    };
  }, [messageId]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/messages">返回消息列表</Link>
      {error && <Alert type="error" showIcon title={`消息加载失败：${error}`} />}
      {!message && !error && <Spin description="正在加载…"><div style={{ minHeight: 120 }} /></Spin>}
      {message && (
        <Card>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{message.title}</Typography.Title>
            <Typography.Text type="secondary">{message.author} · {beijingTime(message.createdAt)}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{message.body}</Typography.Paragraph>
            <MessageAttachments files={message.attachments} />
          </Space>
        </Card>
      )}
    </Space>
  );
}
