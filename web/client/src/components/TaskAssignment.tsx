import { Alert, Button, DatePicker, Descriptions, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { noContent } from '../../../server/schemas/common.js';
import { api, messageOf } from '../api.js';
import { useSession } from '../session.js';
import { beijingTime, type TaskRow } from '../tasks.js';

/**
 * Who handles the task and by when: claim or release it (group members, not experts, who are assigned by name),
 * and its due and follow-up dates, written to the engine through the web server.
 */
export function TaskAssignment({ task, onChanged }: { task: TaskRow; onChanged: () => void }) {
  const { account } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const member = account?.role === 'city-reviewer' || account?.role === 'province-officer';
  const mine = task.assignee?.username === account?.username;

  async function act(method: 'POST' | 'PUT', path: string, body?: unknown) {
    setBusy(true);
    setError(undefined);
    try {
      await api(method, `/api/tasks/${task.taskId}${path}`, noContent, body);
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }
  const date = (key: 'due' | 'followUp', label: string) => (
    <DatePicker
      id={`task-${key}`}
      aria-label={label}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      disabled={!member || busy}
      value={task[key] ? dayjs(task[key]) : null}
      onChange={(value: Dayjs | null) => void act('PUT', '/dates', { [key]: value ? value.second(0).millisecond(0).format() : null })}
    />
  );

  return (
    <div>
      {error && <Alert type="error" showIcon closable title={error} style={{ marginBottom: 12 }} />}
      <Descriptions bordered size="small" column={3} items={[
        {
          key: 'assignee',
          label: '办理人',
          children: (
            <Space wrap>
              <Typography.Text>{task.assignee ? task.assignee.displayName : '未认领'}</Typography.Text>
              {member && !task.assignee && <Button size="small" type="primary" loading={busy} onClick={() => act('POST', '/claim')}>认领</Button>}
              {member && task.assignee && <Button size="small" loading={busy} onClick={() => act('POST', '/unclaim')}>{mine ? '释放' : '释放（交回本组）'}</Button>}
            </Space>
          ),
        },
        { key: 'due', label: <label htmlFor="task-due">到期日</label>, children: date('due', '到期日') },
        { key: 'followUp', label: <label htmlFor="task-followUp">跟进日期</label>, children: date('followUp', '跟进日期') },
        { key: 'created', label: '到达时间', children: beijingTime(task.created) },
      ]} />
    </div>
  );
}
