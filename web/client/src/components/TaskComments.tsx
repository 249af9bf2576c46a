import { Alert, Button, Card, Empty, Input, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { taskComment, taskComments, type TaskComment as Comment } from '../../../server/schemas/tasks.js';
import { api, messageOf } from '../api.js';
import { beijingTime } from '../tasks.js';

/** The task's comments (kept by the engine) with author and time, and a box to add one. */
export function TaskComments({ taskId }: { taskId: string }) {
  const [comments, setComments] = useState<Comment[]>();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const load = useCallback(() => api('GET', `/api/tasks/${taskId}/comments`, taskComments).then(setComments, (e) => setError(messageOf(e))), [taskId]);
  useEffect(() => void load(), [load]);

  async function add() {
    setBusy(true);
    setError(undefined);
    try {
      await api('POST', `/api/tasks/${taskId}/comments`, taskComment, { message: text });
      setText('');
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>任务评论</Typography.Title>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <List
        aria-busy={comments === undefined}
        loading={comments === undefined && !error}
        dataSource={comments ?? []}
        locale={{ emptyText: <Empty description="暂无评论。可在下方记录办理中的沟通情况，同组人员可见。" /> }}
        renderItem={(c) => (
          <List.Item>
            <div style={{ width: '100%' }}>
              <Typography.Text strong>{c.author?.displayName ?? '流程引擎'}</Typography.Text>{'　'}
              <Typography.Text type="secondary">{beijingTime(c.time)}</Typography.Text>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.message}</div>
            </div>
          </List.Item>
        )}
      />
      <label htmlFor={`comment-${taskId}`} style={{ display: 'block', margin: '12px 0 4px' }}>评论内容</label>
      <Input.TextArea id={`comment-${taskId}`} rows={3} maxLength={1000} value={text} onChange={(event) => setText(event.target.value)} />
      <Button style={{ marginTop: 8 }} loading={busy} disabled={!text.trim()} onClick={add}>发表评论</Button>
    </Card>
  );
}
