import { Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { sentLetterList } from '../../../../server/schemas/letters.js';
import { tagColors } from '../../labels.js';
import { beijingTime } from '../../tasks.js';
import { LoadError } from '../dashboard/LoadError.js';
import { useRemote } from '../dashboard/use-remote.js';
import { MessageAttachments } from './MessageAttachments.js';

/** 已发送: the letters the officer (or the reviewer's unit) sent, each with its recipients and how many have read it. */
export function SentLetters() {
  const remote = useRemote('/api/letters', sentLetterList);
  if (remote.error && !remote.data) return <LoadError what="已发送的信" error={remote.error} onRetry={() => void remote.reload()} />;
  return (
    <List
      aria-busy={remote.loading}
      loading={remote.loading && !remote.data}
      dataSource={remote.data ?? []}
      locale={{ emptyText: <Empty description="暂无已发送的信" /> }}
      renderItem={(letter) => (
        <List.Item>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{letter.title}</Typography.Text>
              <Typography.Text type="secondary">{beijingTime(letter.createdAt)}</Typography.Text>
              <Tag color={tagColors.info}>已读 {letter.readCount} / {letter.recipients.length}</Tag>
            </Space>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}>{letter.body}</Typography.Paragraph>
            <Typography.Text>
              收信{letter.audience === 'units' ? '单位' : '企业'}：
              {letter.recipients.map((r, index) => (
                <span key={r.id}>
                  {index > 0 && '、'}
                  <Tooltip title={r.read ? '已读' : '未读'}><span>{r.name}{r.read ? '（已读）' : '（未读）'}</span></Tooltip>
                </span>
              ))}
            </Typography.Text>
            <MessageAttachments files={letter.attachments} />
          </Space>
        </List.Item>
      )}
    />
  );
}
